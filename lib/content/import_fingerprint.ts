/**
 * Whether the content needs importing at start-up. Loading, checking and
 * publishing every course costs about a second; a start with the same files
 * and the same code that reads them would import nothing new. So start-up
 * hashes the content files (`courses/`, `assessments/`) together with the
 * source of `lib/` (the code that parses, checks and publishes them, and
 * the schemas it shares) and imports only when that hash differs from the
 * one stored by the last import. Only this module reads or writes:
 *
 * | key                                  | value  |
 * | ------------------------------------ | ------ |
 * | ["content_import", "fingerprint"]    | string |
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { filesHash } from "./files_hash.ts";

const FINGERPRINT_KEY = ["content_import", "fingerprint"];

/** Where `courses/` and `assessments/` live unless SA_CONTENT_DIR says. */
export const DEFAULT_CONTENT_ROOT: string = fileURLToPath(
  new URL("../../", import.meta.url),
);
const LIB_DIR = fileURLToPath(new URL("../", import.meta.url));

async function listFiles(dir: string, out: string[]): Promise<void> {
  let entries: Deno.DirEntry[];
  try {
    entries = await Array.fromAsync(Deno.readDir(dir));
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return;
    throw e;
  }
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory) await listFiles(path, out);
    else if (e.isFile) out.push(path);
  }
}

/**
 * A hash of every content file under `rootDir` and every non-test source
 * file of `lib/`, with their paths, so renaming, adding or removing a file
 * changes it too.
 */
export async function contentFingerprint(rootDir: string): Promise<string> {
  const content: string[] = [];
  await listFiles(join(rootDir, "courses"), content);
  await listFiles(join(rootDir, "assessments"), content);
  const code: string[] = [];
  await listFiles(LIB_DIR, code);
  // Content files are named by their path under rootDir and sort before
  // the code, whose names start with "lib:".
  const files = [
    ...content.map((f) => ({ path: f, label: f.slice(rootDir.length) })),
    ...code.filter((f) => /\.tsx?$/.test(f) && !/_test\.tsx?$/.test(f))
      .map((f) => ({ path: f, label: `lib:${f.slice(LIB_DIR.length)}` })),
  ];
  const bytes = await Promise.all(files.map((f) => Deno.readFile(f.path)));
  return filesHash(files.map((f, i) => [f.label, bytes[i]]));
}

/** The fingerprint of the last import, or null before the first. */
export async function storedFingerprint(kv: Deno.Kv): Promise<string | null> {
  const e = await kv.get<string>(FINGERPRINT_KEY);
  return typeof e.value === "string" ? e.value : null;
}

/** Records the fingerprint of an import that has just completed. */
export async function saveFingerprint(
  kv: Deno.Kv,
  fingerprint: string,
): Promise<void> {
  await kv.set(FINGERPRINT_KEY, fingerprint);
}
