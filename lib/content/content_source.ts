/**
 * Where content files come from. The loader and `content:check` read every
 * course and assessment file through a {@link ContentSource}, so the same code
 * checks the repository's file tree and a trainer's draft kept in KV: the
 * text is the same Markdown and YAML, and problems keep their path:line:col.
 *
 * Paths are relative to the content root and `/` separated
 * (`courses/onboarding/course.yaml`).
 *
 * @module
 */
import { join, relative, sep } from "node:path";

/** Read access to one content root. */
export interface ContentSource {
  /** Files under `dir` (recursively unless told not to), sorted; [] when `dir` does not exist. Hidden names are skipped. */
  listFiles(dir: string, recursive?: boolean): Promise<string[]>;
  /** Immediate subfolders of `dir`, sorted; [] when it does not exist. */
  listDirs(dir: string): Promise<string[]>;
  /** A file's bytes, or null when there is no such file. */
  readBytes(path: string): Promise<Uint8Array | null>;
}

/** A file's text without a UTF-8 BOM (it would shift the first line's columns), or null. */
export async function readSourceText(
  source: ContentSource,
  path: string,
): Promise<string | null> {
  const bytes = await source.readBytes(path);
  if (bytes === null) return null;
  return new TextDecoder().decode(bytes).replace(/^\uFEFF/, "");
}

/** Joins relative content paths with `/`. */
export function joinPath(...parts: string[]): string {
  return parts.filter((p) => p !== "").join("/");
}

/** The content files under a folder on disk (the repository, or a test fixture). */
export function fileTreeSource(rootDir: string): ContentSource {
  const abs = (path: string) => join(rootDir, ...path.split("/"));
  const rel = (file: string) => relative(rootDir, file).split(sep).join("/");
  async function list(
    dir: string,
    want: "files" | "dirs",
    recursive: boolean,
  ): Promise<string[]> {
    const out: string[] = [];
    try {
      for await (const e of Deno.readDir(abs(dir))) {
        if (e.name.startsWith(".")) continue;
        const full = join(abs(dir), e.name);
        if (want === "dirs") {
          if (e.isDirectory) out.push(rel(full));
        } else if (e.isFile) out.push(rel(full));
        else if (e.isDirectory && recursive) {
          out.push(...await list(rel(full), "files", true));
        }
      }
    } catch (e) {
      if (!(e instanceof Deno.errors.NotFound)) throw e;
    }
    return out.sort();
  }
  return {
    listFiles: (dir, recursive = true) => list(dir, "files", recursive),
    listDirs: (dir) => list(dir, "dirs", false),
    async readBytes(path) {
      try {
        return await Deno.readFile(abs(path));
      } catch (e) {
        if (e instanceof Deno.errors.NotFound) return null;
        throw e;
      }
    },
  };
}

/**
 * Content held in memory as text by path: a trainer's draft (the published
 * files with the draft's changes laid over them), an uploaded zip, a test.
 */
export function memorySource(
  files: Readonly<Record<string, string>>,
): ContentSource {
  const paths = Object.keys(files).filter((p) =>
    !p.split("/").some((part) => part.startsWith("."))
  ).sort();
  const under = (dir: string) =>
    paths.filter((p) => p.startsWith(`${dir}/`)).map((p) =>
      p.slice(dir.length + 1)
    );
  const enc = new TextEncoder();
  return {
    listFiles(dir, recursive = true) {
      return Promise.resolve(
        under(dir).filter((rest) => recursive || !rest.includes("/")).map((
          rest,
        ) => `${dir}/${rest}`),
      );
    },
    listDirs(dir) {
      const names = new Set(
        under(dir).filter((rest) => rest.includes("/")).map((rest) =>
          rest.split("/")[0]
        ),
      );
      return Promise.resolve([...names].sort().map((n) => `${dir}/${n}`));
    },
    readBytes(path) {
      return Promise.resolve(
        Object.hasOwn(files, path) ? enc.encode(files[path]) : null,
      );
    },
  };
}

/** Every file under the given folders as text by path (for snapshots, zips and drafts). */
export async function readAllText(
  source: ContentSource,
  dirs: readonly string[],
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const dir of dirs) {
    for (const path of await source.listFiles(dir)) {
      out[path] = (await readSourceText(source, path)) ?? "";
    }
  }
  return out;
}
