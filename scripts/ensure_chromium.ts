/**
 * Browser tests need Debian's chromium at /usr/bin/chromium (or CHROMIUM_PATH).
 * When it is missing and we are root with apt-get, install it; otherwise say
 * in one line how to get it.
 */
const path = Deno.env.get("CHROMIUM_PATH") ?? "/usr/bin/chromium";

async function exists(p: string): Promise<boolean> {
  try {
    await Deno.stat(p);
    return true;
  } catch {
    return false;
  }
}

async function run(cmd: string, args: string[]): Promise<boolean> {
  const { code } = await new Deno.Command(cmd, {
    args,
    env: { DEBIAN_FRONTEND: "noninteractive" },
    stdout: "inherit",
    stderr: "inherit",
  }).output();
  return code === 0;
}

/** True when chromium is (now) available. */
export async function ensureChromium(): Promise<boolean> {
  if (await exists(path)) return true;
  const root = Deno.uid() === 0;
  if (root && (await exists("/usr/bin/apt-get"))) {
    console.log(
      `chromium not found at ${path}: installing Debian's chromium with apt-get`,
    );
    if (
      // fonts-noto-cjk so screenshots show Chinese text, not empty boxes.
      (await run("apt-get", ["update", "-qq"])) &&
      (await run("apt-get", [
        "install",
        "-y",
        "-qq",
        "chromium",
        "fonts-noto-cjk",
      ]))
    ) {
      return await exists(path);
    }
  }
  console.error(
    "Browser tests need Debian's chromium: run `sudo apt-get install -y chromium` (or set CHROMIUM_PATH), then re-run.",
  );
  return false;
}

if (import.meta.main) Deno.exit((await ensureChromium()) ? 0 : 1);
