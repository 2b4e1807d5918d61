/**
 * Reading a stored value back with its schema. A stored value that does not
 * match is corruption or a missed migration, so it fails loudly and names the
 * key instead of turning into a silent default.
 */
import type { z } from "zod";

/** Parses a value read from KV with its schema; throws a TypeError naming the key. */
export function decodeStored<S extends z.ZodType>(
  schema: S,
  key: Deno.KvKey,
  value: unknown,
): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new TypeError(
      `Cannot read ${JSON.stringify(key)}: ${
        parsed.error.issues.map((i) =>
          `${i.path.join(".") || "value"}: ${i.message}`
        ).join("; ")
      }`,
    );
  }
  return parsed.data;
}

/** Reads one key and decodes it with its schema; null when nothing is stored there. */
export async function getStored<S extends z.ZodType>(
  kv: Deno.Kv,
  key: Deno.KvKey,
  schema: S,
): Promise<z.output<S> | null> {
  const e = await kv.get(key);
  return e.versionstamp === null ? null : decodeStored(schema, e.key, e.value);
}
