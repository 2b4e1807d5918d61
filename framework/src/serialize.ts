/**
 * Island props travel from server to browser as JSON with a few tagged values,
 * so that Date, Map, Set, bigint, Uint8Array, undefined, non-finite numbers,
 * signals and shared or circular references survive. A tagged value is an
 * object whose only key is TAG: `{ "\u00a7": [kind, payload] }`; a plain object
 * that happens to own that key is itself wrapped, so nothing is ambiguous.
 * The browser side is `client/revive.ts`.
 */

/** The key that marks a tagged value. */
export const TAG = "\u00a7";

/** Raised when a prop cannot be sent to the browser. */
export class SerializeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SerializeError";
  }
}

const SIGNAL_BRAND = Symbol.for("preact-signals");

/** A JSON value as produced by `serialize`. */
export type Json = null | boolean | number | string | Json[] | {
  [k: string]: Json;
};

/**
 * Serializes island props. `where` names the island in error messages, e.g.
 * `island "Counter"`; each error also names the prop path.
 */
export function serialize(value: unknown, where: string): Json {
  // Paths of objects already written, for shared and circular references.
  // null marks an object met inside a Map or Set: it cannot be referenced.
  const seen = new Map<object, (string | number)[] | null>();
  let detached = 0;
  const walk = (v: unknown, path: (string | number)[]): Json => {
    switch (typeof v) {
      case "string":
      case "boolean":
        return v;
      case "number":
        if (Number.isFinite(v) && !Object.is(v, -0)) return v;
        return tag("n", String(Object.is(v, -0) ? "-0" : v));
      case "undefined":
        return tag("u", 0);
      case "bigint":
        return tag("b", v.toString());
      case "function":
      case "symbol":
        throw fail(where, path, `a ${typeof v} cannot be serialized`);
    }
    if (v === null) return null;
    const obj = v as object;
    const earlier = seen.get(obj);
    if (earlier === null || (earlier && detached > 0)) {
      throw fail(
        where,
        path,
        "an object inside a Map or Set cannot also appear elsewhere in the props",
      );
    }
    if (earlier) return tag("r", earlier);
    // deno-lint-ignore no-explicit-any
    if ((obj as any).brand === SIGNAL_BRAND) {
      seen.set(obj, detached > 0 ? null : path);
      // deno-lint-ignore no-explicit-any
      return tag("s", walk((obj as any).peek(), [...path, "value"]));
    }
    if (isVNode(obj)) {
      throw fail(where, path, "JSX is only allowed as the island's children");
    }
    seen.set(obj, detached > 0 ? null : path);
    if (Array.isArray(obj)) {
      return obj.map((item, i) => walk(item, [...path, i]));
    }
    if (obj instanceof Date) {
      if (Number.isNaN(obj.getTime())) {
        throw fail(where, path, "an invalid Date cannot be serialized");
      }
      return tag("d", obj.toISOString());
    }
    if (obj instanceof Uint8Array) {
      return tag("8", btoa(String.fromCharCode(...obj)));
    }
    if (obj instanceof Map) {
      // Entries are written by value: a reference into a Map would need the
      // Map to exist before its entries, which JSON order cannot promise.
      return tag(
        "m",
        [...obj].map((
          [k, val],
          i,
        ) => [
          walkDetached(k, [...path, i, 0]),
          walkDetached(val, [...path, i, 1]),
        ]),
      );
    }
    if (obj instanceof Set) {
      return tag(
        "e",
        [...obj].map((item, i) => walkDetached(item, [...path, i])),
      );
    }
    const proto = Object.getPrototypeOf(obj);
    if (proto !== Object.prototype && proto !== null) {
      const name = proto?.constructor?.name ?? "unknown";
      throw fail(
        where,
        path,
        `a ${name} instance cannot be serialized (only plain objects)`,
      );
    }
    const out: Record<string, Json> = {};
    for (const [k, val] of Object.entries(obj)) {
      out[k] = walk(val, [...path, k]);
    }
    return TAG in out ? tag("o", out) : out;
  };
  const walkDetached = (v: unknown, path: (string | number)[]): Json => {
    detached++;
    try {
      return walk(v, path);
    } finally {
      detached--;
    }
  };
  return walk(value, []);
}

function tag(kind: string, payload: Json): Json {
  return { [TAG]: [kind, payload] };
}

function isVNode(v: object): boolean {
  return "type" in v && "props" in v && "__k" in v;
}

function fail(
  where: string,
  path: (string | number)[],
  why: string,
): SerializeError {
  const prop = path.length === 0
    ? "props"
    : path.map((p) => typeof p === "number" ? `[${p}]` : `.${p}`).join("")
      .slice(1);
  return new SerializeError(
    `Cannot serialize prop "${prop}" of ${where}: ${why}`,
  );
}

/** JSON for a `<script type="application/json">`: `<` is escaped so `</script>` cannot close it. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(
    /\u2028/g,
    "\\u2028",
  ).replace(/\u2029/g, "\\u2029");
}
