/**
 * The line format of `deno task backup`: JSON Lines, one KV entry per line,
 * lossless for every key part and every value Deno KV stores (Dates,
 * bigints, byte arrays, Maps, Sets, KvU64, undefined, NaN, -0 and objects
 * that happen to have a "$t" field). The first line names the format, the
 * last one counts the entries, so a cut-off file is refused on restore.
 *
 * ```jsonl
 * {"format":"service-academy-kv-backup","version":1,"createdAt":"…"}
 * {"k":[["s","users"],["s","01J…"]],"v":{"name":"李娜","createdAt":{"$t":"date","v":"…"}}}
 * {"k":[["s","sessions"],["s","…"]],"v":{…},"x":1796645469039}
 * {"end":true,"entries":2}
 * ```
 */

/** The first line's `format`. */
export const BACKUP_FORMAT = "service-academy-kv-backup";

type KeyPart = ["s", string] | ["n", number | string] | ["i", string] | [
  "b",
  boolean,
] | ["u", string];

/** One stored entry: key, value, and when KV drops it (ms since epoch), if ever. */
export interface BackupEntry {
  key: Deno.KvKey;
  value: unknown;
  expiresAt?: number;
}

function toBase64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(s);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

function encodeNumber(n: number): number | string {
  return Number.isFinite(n) && !Object.is(n, -0)
    ? n
    : String(n === 0 ? "-0" : n);
}

function decodeNumber(v: number | string): number {
  return typeof v === "number" ? v : v === "-0" ? -0 : Number(v);
}

function encodeKeyPart(p: Deno.KvKeyPart): KeyPart {
  if (typeof p === "string") return ["s", p];
  if (typeof p === "number") return ["n", encodeNumber(p)];
  if (typeof p === "bigint") return ["i", p.toString()];
  if (typeof p === "boolean") return ["b", p];
  if (p instanceof Uint8Array) return ["u", toBase64(p)];
  throw new TypeError(`Cannot back up key part ${String(p)}`);
}

function decodeKeyPart([t, v]: KeyPart): Deno.KvKeyPart {
  switch (t) {
    case "s":
    case "b":
      return v;
    case "n":
      return decodeNumber(v);
    case "i":
      return BigInt(v);
    case "u":
      return fromBase64(v);
  }
  throw new TypeError(`Unknown key part type "${t}"`);
}

/** A value as plain JSON, tagged where JSON alone would lose something. */
export function encodeValue(v: unknown): unknown {
  if (v === null || typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "number") {
    const n = encodeNumber(v);
    return typeof n === "number" ? n : { $t: "number", v: n };
  }
  if (v === undefined) return { $t: "undefined" };
  if (typeof v === "bigint") return { $t: "bigint", v: v.toString() };
  if (v instanceof Deno.KvU64) return { $t: "u64", v: v.value.toString() };
  if (v instanceof Date) {
    return {
      $t: "date",
      v: Number.isNaN(v.getTime()) ? null : v.toISOString(),
    };
  }
  if (v instanceof Uint8Array) return { $t: "bytes", v: toBase64(v) };
  if (Array.isArray(v)) return v.map(encodeValue);
  if (v instanceof Map) {
    return {
      $t: "map",
      v: [...v].map(([k, x]) => [encodeValue(k), encodeValue(x)]),
    };
  }
  if (v instanceof Set) return { $t: "set", v: [...v].map(encodeValue) };
  if (typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      Object.defineProperty(out, k, {
        value: encodeValue(x),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    // A stored object with its own "$t" must not read as a tag.
    return "$t" in out ? { $t: "object", v: out } : out;
  }
  throw new TypeError(`Cannot back up a value of type ${typeof v}`);
}

/** The value `encodeValue` was given. */
export function decodeValue(v: unknown): unknown {
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) return v.map(decodeValue);
  const o = v as Record<string, unknown>;
  if (!("$t" in o)) return decodeObject(o);
  switch (o.$t) {
    case "number":
      return decodeNumber(o.v as string);
    case "undefined":
      return undefined;
    case "bigint":
      return BigInt(o.v as string);
    case "u64":
      return new Deno.KvU64(BigInt(o.v as string));
    case "date":
      return new Date(o.v === null ? NaN : o.v as string);
    case "bytes":
      return fromBase64(o.v as string);
    case "map":
      return new Map(
        (o.v as [unknown, unknown][]).map((
          [k, x],
        ) => [decodeValue(k), decodeValue(x)]),
      );
    case "set":
      return new Set((o.v as unknown[]).map(decodeValue));
    case "object":
      return decodeObject(o.v as Record<string, unknown>);
  }
  throw new TypeError(`Unknown value tag "${String(o.$t)}"`);
}

function decodeObject(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(o)) {
    Object.defineProperty(out, k, {
      value: decodeValue(x),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** One entry as one line (no newline). */
export function entryLine(e: BackupEntry): string {
  return JSON.stringify({
    k: e.key.map(encodeKeyPart),
    v: encodeValue(e.value),
    ...(e.expiresAt !== undefined ? { x: e.expiresAt } : {}),
  });
}

/** The entry of a line written by `entryLine`. */
export function parseEntryLine(line: string): BackupEntry {
  const o = JSON.parse(line);
  if (!Array.isArray(o.k) || !("v" in o)) {
    throw new TypeError("Not an entry line");
  }
  return {
    key: (o.k as KeyPart[]).map(decodeKeyPart),
    value: decodeValue(o.v),
    ...(typeof o.x === "number" ? { expiresAt: o.x } : {}),
  };
}
