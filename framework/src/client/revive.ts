/**
 * Browser half of `serialize.ts`: rebuilds island props from their JSON.
 * References are patched after the whole tree exists, so circular ones work.
 */
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const TAG = "\u00a7";

/** Rebuilds props; `makeSignal` is only called when a signal was sent. */
export function revive(
  json: Json,
  makeSignal: (v: unknown) => unknown,
): unknown {
  const refs: {
    holder: Record<string | number, unknown>;
    key: string | number;
    path: (string | number)[];
  }[] = [];
  const walk = (v: Json): unknown => {
    if (v === null || typeof v !== "object") return v;
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      v.forEach((item, i) =>
        set(out as unknown as Record<number, unknown>, i, item)
      );
      return out;
    }
    const tagged = v[TAG] as [string, Json] | undefined;
    if (tagged && Object.keys(v).length === 1) {
      const [kind, payload] = tagged;
      switch (kind) {
        case "u":
          return undefined;
        case "n":
          return payload === "-0" ? -0 : Number(payload);
        case "b":
          return BigInt(payload as string);
        case "d":
          return new Date(payload as string);
        case "8":
          return Uint8Array.from(
            atob(payload as string),
            (c) => c.charCodeAt(0),
          );
        case "m":
          return new Map(
            (payload as [Json, Json][]).map(([k, val]) => [walk(k), walk(val)]),
          );
        case "e":
          return new Set((payload as Json[]).map(walk));
        case "s": {
          const s = makeSignal(undefined) as { value: unknown };
          const inner = { value: undefined as unknown };
          set(inner as unknown as Record<string, unknown>, "value", payload);
          s.value = inner.value;
          // A reference to the signal's value is patched into `inner`, so copy late.
          refs.push({
            holder: inner as unknown as Record<string, unknown>,
            key: "__signal",
            path: [],
          });
          (inner as unknown as Record<string, unknown>).__target = s;
          return s;
        }
        case "o":
          return walkObject(payload as Record<string, Json>);
        case "r":
          return { [TAG]: payload };
      }
    }
    return walkObject(v);
  };
  const walkObject = (v: Record<string, Json>) => {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) set(out, k, v[k]);
    return out;
  };
  const set = (
    holder: Record<string | number, unknown>,
    key: string | number,
    item: Json,
  ) => {
    const value = walk(item);
    if (isRef(item)) {
      refs.push({
        holder,
        key,
        path: (item as Record<string, [string, (string | number)[]]>)[TAG][1],
      });
    }
    holder[key] = value;
  };
  const root = walk(json);
  for (const { holder, key, path } of refs) {
    if (key === "__signal") {
      const h = holder as { value: unknown; __target: { value: unknown } };
      h.__target.value = h.value;
      continue;
    }
    let target: unknown = root;
    for (const p of path) {
      const t = target as Record<string | number, unknown> & {
        brand?: unknown;
        peek?: () => unknown;
      };
      target = p === "value" && t?.brand ? t.peek!() : t[p];
    }
    holder[key] = target;
  }
  return root;
}

function isRef(v: Json): boolean {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return false;
  const t = v[TAG];
  return Array.isArray(t) && t[0] === "r" && Object.keys(v).length === 1;
}
