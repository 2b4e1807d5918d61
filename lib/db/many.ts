/**
 * Reading many keys at once. Deno KV answers at most ten keys per `getMany`
 * ("Too many ranges (max 10)" beyond), so every read of a list of keys that
 * can grow goes through `getAll`, which splits it into calls of ten.
 */

/** KV answers at most this many keys per `getMany`. */
export const GET_MANY_LIMIT = 10;

/**
 * Reads `keys` in calls of at most ten keys, in parallel; entries come back
 * in the order of `keys`. Each call is its own snapshot, so entries of
 * different calls may come from different moments: callers that need one
 * snapshot across more than ten keys must check versionstamps in a commit.
 */
export async function getAll<T = unknown>(
  kv: Deno.Kv,
  keys: readonly Deno.KvKey[],
  options?: { consistency?: Deno.KvConsistencyLevel },
): Promise<Deno.KvEntryMaybe<T>[]> {
  if (keys.length <= GET_MANY_LIMIT) {
    return keys.length ? await kv.getMany<T[]>(keys, options) : [];
  }
  const calls: Promise<Deno.KvEntryMaybe<T>[]>[] = [];
  for (let i = 0; i < keys.length; i += GET_MANY_LIMIT) {
    calls.push(kv.getMany<T[]>(keys.slice(i, i + GET_MANY_LIMIT), options));
  }
  return (await Promise.all(calls)).flat();
}
