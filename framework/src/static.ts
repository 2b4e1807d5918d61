/**
 * Static files: the folder is indexed once at start-up and requests are looked
 * up by exact path in that index, so no request path ever reaches the file
 * system (traversal is impossible by construction). Small files are kept in
 * memory; ETags come from the `etag` package, content types from `mime-types`.
 */
import etag from "etag";
import { Buffer } from "node:buffer";
import { lookup } from "mime-types";
import { join, relative } from "./path.ts";

/** One indexed file. */
export interface StaticFile {
  path: string;
  size: number;
  contentType: string;
  etag: string;
  /** Short content hash for `asset()` cache busting. */
  hash: string;
  /** The bytes, for files up to MEMORY_LIMIT. */
  bytes: Uint8Array<ArrayBuffer> | null;
  /**
   * Every header of its answers, built once: with the year-long cache of an
   * `asset()` URL, or revalidated; the app's `config.staticHeaders` included.
   */
  headers: { versioned: HeaderPairs; revalidated: HeaderPairs };
}

type HeaderPairs = readonly (readonly [string, string])[];

const MEMORY_LIMIT = 512 * 1024;

/** Indexes every file under `dir` by its URL path (`/styles.css`). */
export async function indexStatic(
  dir: string,
  extraHeaders?: (
    file: { path: string; contentType: string },
  ) => Record<string, string>,
): Promise<Map<string, StaticFile>> {
  const index = new Map<string, StaticFile>();
  const walk = async (d: string) => {
    let entries: Deno.DirEntry[];
    try {
      entries = await Array.fromAsync(Deno.readDir(d));
    } catch (e) {
      if (e instanceof Deno.errors.NotFound) return;
      throw e;
    }
    for (const entry of entries) {
      const full = join(d, entry.name);
      if (entry.isDirectory) await walk(full);
      else if (entry.isFile) {
        const bytes = await Deno.readFile(full);
        const digest = new Uint8Array(
          await crypto.subtle.digest("SHA-256", bytes),
        );
        const hash = Array.from(
          digest.slice(0, 6),
          (b) => b.toString(16).padStart(2, "0"),
        ).join("");
        const urlPath = "/" + relative(dir, full).split(/[\\/]/).join("/");
        const type = lookup(entry.name) || "application/octet-stream";
        const contentType = /^text\/|javascript|json|svg|xml/.test(type)
          ? `${type}; charset=utf-8`
          : type;
        const tag = etag(
          Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        );
        const base: [string, string][] = [
          ["content-type", contentType],
          ["etag", tag],
          ...Object.entries(
            extraHeaders?.({ path: urlPath, contentType }) ?? {},
          ),
        ];
        index.set(urlPath, {
          path: full,
          size: bytes.byteLength,
          contentType,
          etag: tag,
          hash,
          bytes: bytes.byteLength <= MEMORY_LIMIT ? bytes : null,
          headers: {
            versioned: [...base, [
              "cache-control",
              "public, max-age=31536000, immutable",
            ]],
            revalidated: [...base, [
              "cache-control",
              "public, max-age=0, must-revalidate",
            ]],
          },
        });
      }
    }
  };
  await walk(dir);
  return index;
}

/** The query key `asset()` adds. */
export const ASSET_QUERY = "__frsh_c";

/**
 * Answers a GET/HEAD for an indexed file: 304 when an `If-None-Match` tag
 * matches (weak comparison, so `W/"x"` matches `"x"`, as Fresh does), a
 * year-long immutable cache when the URL carries the file's current hash,
 * and a 307 to the current URL when it carries an old one (a page from a
 * previous build asking for a file that has changed since).
 */
export async function serveStatic(
  req: Request,
  url: URL,
  file: StaticFile,
): Promise<Response> {
  let versioned = false;
  if (url.search !== "") {
    const hash = url.searchParams.get(ASSET_QUERY);
    if (hash !== null && hash !== file.hash) {
      const params = new URLSearchParams(url.search);
      params.set(ASSET_QUERY, file.hash);
      const res = new Response(null, { status: 307 });
      res.headers.set("location", `${url.pathname}?${params}`);
      res.headers.set("cache-control", "no-cache");
      return res;
    }
    versioned = hash !== null;
  }
  const inm = req.headers.get("if-none-match");
  let res: Response;
  if (inm && etagMatches(inm, file.etag)) {
    res = new Response(null, { status: 304 });
  } else if (req.method === "HEAD") {
    res = new Response(null, { status: 200 });
    res.headers.set("content-length", String(file.size));
  } else {
    // Deno sets Content-Length for byte bodies itself.
    const body = file.bytes ?? (await Deno.open(file.path)).readable;
    res = new Response(body, { status: 200 });
  }
  return withHeaders(
    res,
    versioned ? file.headers.versioned : file.headers.revalidated,
  );
}

/** `If-None-Match` against our tag, by weak comparison (RFC 9110 13.1.2). */
export function etagMatches(header: string, etag: string): boolean {
  const ours = etag.startsWith("W/") ? etag.slice(2) : etag;
  for (const raw of header.split(",")) {
    const tag = raw.trim();
    if (tag === "*" || (tag.startsWith("W/") ? tag.slice(2) : tag) === ours) {
      return true;
    }
  }
  return false;
}

/**
 * Sets `pairs` on a response made without a `headers` init. This is the
 * hottest path of the server, and converting a `headers` init costs Deno
 * about four times as much as setting the same headers one by one.
 */
export function withHeaders(
  res: Response,
  pairs: HeaderPairs,
): Response {
  const headers = res.headers;
  for (let i = 0; i < pairs.length; i++) {
    headers.set(pairs[i][0], pairs[i][1]);
  }
  return res;
}
