/**
 * Point reads that share KV round trips. Under load, a KV read costs about
 * as much as a whole static response, and the cost is per `getMany` call,
 * not per key. So while one read is in flight, the reads that arrive meanwhile
 * wait and then go out together, up to KV's ten keys per call. A read that
 * arrives when nothing is in flight goes out at once, so a quiet server adds
 * no latency.
 *
 * Each read still sees the store as of its own `getMany` (the one it went
 * out in), never an older answer: nothing is cached. The queue holds keys
 * only until their call returns.
 */

/** KV answers at most this many keys per `getMany`. */
const MAX_KEYS = 10;
/** Calls in flight per store at once. */
const MAX_IN_FLIGHT = 2;

interface Waiting {
  keys: Deno.KvKey[];
  resolve(entries: Deno.KvEntryMaybe<unknown>[]): void;
  reject(error: unknown): void;
}

interface Queue {
  inFlight: number;
  waiting: Waiting[];
}

const queues = new WeakMap<Deno.Kv, Queue>();

/**
 * Reads `keys` (at most ten) in one snapshot, possibly in the same KV call
 * as other requests' reads. Same answer as `kv.getMany(keys)`.
 */
export function readMany(
  kv: Deno.Kv,
  keys: Deno.KvKey[],
): Promise<Deno.KvEntryMaybe<unknown>[]> {
  if (keys.length > MAX_KEYS) {
    throw new RangeError(`Cannot read ${keys.length} keys at once (max 10)`);
  }
  let queue = queues.get(kv);
  if (!queue) queues.set(kv, queue = { inFlight: 0, waiting: [] });
  const q = queue;
  return new Promise((resolve, reject) => {
    q.waiting.push({ keys, resolve, reject });
    if (q.inFlight < MAX_IN_FLIGHT) send(kv, q);
  });
}

/** Reads one key, possibly together with other requests' reads. */
export async function readOne(
  kv: Deno.Kv,
  key: Deno.KvKey,
): Promise<Deno.KvEntryMaybe<unknown>> {
  return (await readMany(kv, [key]))[0];
}

function send(kv: Deno.Kv, q: Queue): void {
  const batch: Waiting[] = [];
  let size = 0;
  while (q.waiting.length && size + q.waiting[0].keys.length <= MAX_KEYS) {
    const next = q.waiting.shift()!;
    batch.push(next);
    size += next.keys.length;
  }
  if (!batch.length) return;
  q.inFlight++;
  kv.getMany(batch.flatMap((w) => w.keys)).then(
    (entries) => {
      let at = 0;
      for (const w of batch) {
        w.resolve(entries.slice(at, at + w.keys.length));
        at += w.keys.length;
      }
    },
    // One bad key must not fail the reads it happened to travel with.
    () => {
      for (const w of batch) kv.getMany(w.keys).then(w.resolve, w.reject);
    },
  ).finally(() => {
    q.inFlight--;
    if (q.waiting.length) send(kv, q);
  });
}
