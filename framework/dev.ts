/**
 * `$fresh/dev.ts`: the development entry. `dev(import.meta.url, "./main.ts")`
 * regenerates fresh.gen.ts and starts the app in dev mode; with the argument
 * `build` it writes the island bundle to `_fresh/`; with `manifest` it only
 * writes fresh.gen.ts (`manifest --check` fails when the file is stale).
 */
import { bundle, writeBundle } from "./src/bundle.ts";
import { generateManifest } from "./src/manifest.ts";
import { fromFileUrl, join } from "./src/path.ts";
import type { FreshConfig, Manifest } from "./src/types.ts";

/** Runs the dev command given on the command line. */
export default async function dev(
  base: string,
  entry: string,
  config: FreshConfig = {},
): Promise<void> {
  const baseDir = fromFileUrl(new URL(".", base));
  const manifestPath = join(baseDir, "fresh.gen.ts");
  const [command, flag] = Deno.args;
  const generated = await generateManifest(baseDir);
  const current = await Deno.readTextFile(manifestPath).catch(() => "");

  if (command === "manifest" && flag === "--check") {
    if (generated !== current) {
      console.error(
        "fresh.gen.ts is stale: run `deno task manifest` and commit the result",
      );
      Deno.exit(1);
    }
    console.log("fresh.gen.ts is up to date");
    return;
  }
  if (generated !== current) {
    await Deno.writeTextFile(manifestPath, generated);
    console.log("Wrote fresh.gen.ts");
  }
  if (command === "manifest") return;

  if (command === "build") {
    const manifest: Manifest =
      (await import(new URL("./fresh.gen.ts", base).href)).default;
    const started = performance.now();
    const b = await bundle(baseDir, Object.keys(manifest.islands));
    const outDir = join(baseDir, config.build?.outDir ?? "_fresh");
    await writeBundle(b, outDir);
    const bytes = [...b.files.values()].reduce((n, f) => n + f.byteLength, 0);
    console.log(
      `Built ${b.files.size} files (${
        (bytes / 1024).toFixed(1)
      } KiB) into ${outDir} in ${Math.round(performance.now() - started)} ms`,
    );
    return;
  }

  Deno.env.set("FRESH_DEV", "1");
  await import(new URL(entry, base).href);
}
