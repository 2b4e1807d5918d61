/**
 * Load generation with wrk (Debian's package, installed on demand when root):
 * a C load generator leaves the second core to the server under test.
 */
export interface LoadResult {
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

/** True when wrk can be used (installing it via apt-get if we are root). */
export async function ensureWrk(): Promise<boolean> {
  const has = async () =>
    (await new Deno.Command("sh", { args: ["-c", "command -v wrk"] }).output())
      .success;
  if (await has()) return true;
  if (Deno.uid() === 0) {
    await new Deno.Command("apt-get", {
      args: ["install", "-y", "-qq", "wrk"],
      env: { DEBIAN_FRONTEND: "noninteractive" },
    })
      .output();
  }
  return await has();
}

function toMs(value: string, unit: string): number {
  const n = Number(value);
  return unit === "us"
    ? n / 1000
    : unit === "ms"
    ? n
    : unit === "s"
    ? n * 1000
    : n;
}

/** Runs wrk with `connections` for `seconds` against `url`. */
export async function load(
  url: string,
  connections: number,
  seconds: number,
  cookie?: string,
): Promise<LoadResult> {
  const out = await new Deno.Command("wrk", {
    args: [
      "-t1",
      `-c${connections}`,
      `-d${seconds}s`,
      "--latency",
      ...(cookie ? ["-H", `Cookie: ${cookie}`] : []),
      url,
    ],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(out.stdout);
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(text);
  const p50 = /\s50%\s+([\d.]+)(us|ms|s)/.exec(text);
  const p99 = /\s99%\s+([\d.]+)(us|ms|s)/.exec(text);
  const non2xx = /Non-2xx or 3xx responses:\s+(\d+)/.exec(text);
  const socket =
    /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(
      text,
    );
  if (!rps || !p50 || !p99) {
    throw new Error(
      `Cannot read wrk output for ${url}:\n${text}\n${
        new TextDecoder().decode(out.stderr)
      }`,
    );
  }
  return {
    requestsPerSec: Number(rps[1]),
    p50Ms: toMs(p50[1], p50[2]),
    p99Ms: toMs(p99[1], p99[2]),
    errors: Number(non2xx?.[1] ?? 0) +
      (socket ? socket.slice(1).reduce((n, v) => n + Number(v), 0) : 0),
  };
}
