/**
 * Bundles the browser boot module and every island with esbuild: ES modules,
 * code splitting, minified, content-hashed file names. deno.json's import map
 * is honoured: local aliases resolve to files, `npm:` targets to the packages
 * Deno installed in node_modules/.
 */
// esbuild is loaded only when something is bundled: a production start
// with a current bundle in _fresh/ never loads it.
import type * as esbuild from "esbuild";
import { dirname, fromFileUrl, join } from "./path.ts";
import type { ClientAssets } from "./render.ts";

/** A bundle in memory or read back from `build` output. */
export interface Bundle extends ClientAssets {
  /** Hash of the sources it was built from. */
  fingerprint: string;
  /** URL path -> file bytes. */
  files: Map<string, Uint8Array<ArrayBuffer>>;
}

/** What `build` writes next to the chunks, so start-up needs no bundling. */
export interface Snapshot {
  /** Hash of the sources the bundle was built from (see sourceFingerprint). */
  fingerprint: string;
  main: string;
  islands: Record<string, { url: string; preload: string[] }>;
  files: string[];
}

/** URL prefix of bundle files. */
export const JS_PREFIX = "/_frsh/js/";

/**
 * Bundles the boot module and the island modules (manifest keys such as
 * `./islands/Counter.tsx`, resolved against `baseDir`).
 */
export async function bundle(
  baseDir: string,
  islandFiles: string[],
): Promise<Bundle> {
  const entryPoints: Record<string, string> = {
    main: fromFileUrl(new URL("./client/main.ts", import.meta.url)),
  };
  const entryByName = new Map<string, string>();
  for (const [i, file] of islandFiles.entries()) {
    const base = file.split("/").at(-1)!.replace(/\.[jt]sx?$/, "").replace(
      /[^A-Za-z0-9_-]/g,
      "_",
    );
    const name = `island-${base}-${i}`;
    entryPoints[name] = join(baseDir, file);
    entryByName.set(name, file);
  }
  const importMap = await readImportMap(baseDir);
  const esbuild = await import("esbuild");
  try {
    const result = await esbuild.build({
      entryPoints,
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "browser",
      target: ["chrome100", "firefox100", "safari15"],
      minify: true,
      write: false,
      metafile: true,
      outdir: "/out",
      entryNames: "[name]-[hash]",
      chunkNames: "chunk-[hash]",
      jsx: "automatic",
      jsxImportSource: "preact",
      absWorkingDir: baseDir,
      legalComments: "none",
      logLevel: "silent",
      plugins: [importMapPlugin(importMap.root, importMap.imports)],
    });
    const files = new Map<string, Uint8Array<ArrayBuffer>>();
    for (const f of result.outputFiles) {
      files.set(
        JS_PREFIX + f.path.replace(/^\/out\//, ""),
        f.contents as Uint8Array<ArrayBuffer>,
      );
    }
    const islands = new Map<string, { url: string; preload: string[] }>();
    let main = "";
    for (const [out, meta] of Object.entries(result.metafile!.outputs)) {
      if (!meta.entryPoint) continue;
      const url = JS_PREFIX +
        out.replace(/^(\.\.\/)*out\//, "").replace(/^\/out\//, "");
      const preload = meta.imports.filter((i) => i.kind === "import-statement")
        .map((i) =>
          JS_PREFIX +
          i.path.replace(/^(\.\.\/)*out\//, "").replace(/^\/out\//, "")
        );
      const name = url.slice(JS_PREFIX.length).replace(/-[A-Z0-9]+\.js$/, "");
      if (name === "main") main = url;
      const island = entryByName.get(name);
      if (island) islands.set(island, { url, preload });
    }
    return {
      fingerprint: await sourceFingerprint(baseDir),
      files,
      main,
      islands,
    };
  } finally {
    await esbuild.stop();
  }
}

/**
 * Writes a bundle and its snapshot to `outDir`. The files go to a new
 * folder first, which then replaces `outDir`, so a process starting
 * meanwhile reads the old bundle or the new one, never half of one.
 */
export async function writeBundle(b: Bundle, outDir: string): Promise<void> {
  const tmp = `${outDir}.tmp-${crypto.randomUUID()}`;
  try {
    await Deno.mkdir(join(tmp, "js"), { recursive: true });
    for (const [url, bytes] of b.files) {
      await Deno.writeFile(join(tmp, "js", url.slice(JS_PREFIX.length)), bytes);
    }
    const snapshot: Snapshot = {
      fingerprint: b.fingerprint,
      main: b.main,
      islands: Object.fromEntries(b.islands),
      files: [...b.files.keys()],
    };
    await Deno.writeTextFile(
      join(tmp, "snapshot.json"),
      JSON.stringify(snapshot, null, 2) + "\n",
    );
    await Deno.remove(outDir, { recursive: true }).catch(() => {});
    await Deno.rename(tmp, outDir);
  } finally {
    await Deno.remove(tmp, { recursive: true }).catch(() => {});
  }
}

/** Reads a bundle written by `build`, or null when there is none. */
export async function readBundle(outDir: string): Promise<Bundle | null> {
  let snapshot: Snapshot;
  try {
    snapshot = JSON.parse(
      await Deno.readTextFile(join(outDir, "snapshot.json")),
    );
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return null;
    throw e;
  }
  const files = new Map<string, Uint8Array<ArrayBuffer>>();
  for (const url of snapshot.files) {
    try {
      files.set(
        url,
        await Deno.readFile(join(outDir, "js", url.slice(JS_PREFIX.length))),
      );
    } catch (e) {
      // Replaced while we read it: as good as no bundle.
      if (e instanceof Deno.errors.NotFound) return null;
      throw e;
    }
  }
  return {
    fingerprint: snapshot.fingerprint ?? "",
    files,
    main: snapshot.main,
    islands: new Map(Object.entries(snapshot.islands)),
  };
}

/** Finds the nearest deno.json at or above `dir`, as Deno itself does. */
async function readImportMap(
  dir: string,
): Promise<{ root: string; imports: Record<string, string> }> {
  for (let d = dir;; d = dirname(d)) {
    try {
      const config = JSON.parse(await Deno.readTextFile(join(d, "deno.json")));
      return { root: d, imports: config.imports ?? {} };
    } catch (e) {
      if (!(e instanceof Deno.errors.NotFound)) throw e;
    }
    if (dirname(d) === d) return { root: dir, imports: {} };
  }
}

/** `npm:preact@^10/hooks` -> `preact/hooks`; `npm:/@scope/pkg@1/x` -> `@scope/pkg/x`. */
export function npmToBare(spec: string): string {
  const rest = spec.replace(/^npm:\/?/, "");
  const m = /^(@[^/@]+\/[^/@]+|[^/@]+)(?:@[^/]*)?(\/.*)?$/.exec(rest);
  return m ? m[1] + (m[2] ?? "") : rest;
}

function importMapPlugin(
  configDir: string,
  imports: Record<string, string>,
): esbuild.Plugin {
  const keys = Object.keys(imports).sort((a, b) => b.length - a.length);
  return {
    name: "deno-import-map",
    setup(build) {
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData?.mapped) return undefined;
        let spec = args.path;
        const key = keys.find((k) =>
          k.endsWith("/") ? spec.startsWith(k) : spec === k
        );
        if (key) spec = imports[key] + spec.slice(key.length);
        if (spec.startsWith("npm:")) spec = npmToBare(spec);
        else if (spec.startsWith("./") && key) spec = join(configDir, spec);
        if (spec === args.path) return undefined;
        const resolved = await build.resolve(spec, {
          kind: args.kind,
          // Bare package names resolve from the project's node_modules/.
          resolveDir: spec.startsWith("/") ? args.resolveDir : configDir,
          importer: args.importer,
          pluginData: { mapped: true },
        });
        return resolved.errors.length
          ? { errors: resolved.errors }
          : { path: resolved.path, sideEffects: resolved.sideEffects };
      });
    },
  };
}

const SOURCE_DIRS = ["islands", "components", "lib", "routes"];

/**
 * A hash of every source file an island bundle can depend on (islands,
 * components, lib, route-local islands, the framework's client code and
 * deno.json), so a prebuilt bundle that no longer matches the sources is
 * never served.
 */
export async function sourceFingerprint(baseDir: string): Promise<string> {
  const files: string[] = [];
  const walk = async (dir: string) => {
    let entries: Deno.DirEntry[];
    try {
      entries = await Array.fromAsync(Deno.readDir(dir));
    } catch (e) {
      if (e instanceof Deno.errors.NotFound) return;
      throw e;
    }
    for (const e of entries) {
      const full = join(dir, e.name);
      if (e.isDirectory) await walk(full);
      else if (
        /\.(tsx?|jsx?)$/.test(e.name) && !/_test\.[jt]sx?$/.test(e.name)
      ) files.push(full);
    }
  };
  for (const d of SOURCE_DIRS) await walk(join(baseDir, d));
  await walk(fromFileUrl(new URL("./client/", import.meta.url)));
  files.push(join(baseDir, "deno.json"));
  files.sort();
  const parts: Uint8Array[] = [];
  const enc = new TextEncoder();
  for (const f of files) {
    const bytes = await Deno.readFile(f).catch(() => new Uint8Array());
    parts.push(
      enc.encode(`${f.slice(baseDir.length)}\0${bytes.length}\0`),
      bytes,
    );
  }
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", all));
  return Array.from(digest.slice(0, 16), (b) => b.toString(16).padStart(2, "0"))
    .join("");
}
