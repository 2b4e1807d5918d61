/**
 * Store helpers for tests. Test-only: no module of the app imports it.
 *
 * @module
 */

/** Runs `fn` on a fresh in-memory store, closed afterwards whatever happens. */
export async function withKv(
  fn: (kv: Deno.Kv) => Promise<void>,
): Promise<void> {
  const kv = await Deno.openKv(":memory:");
  try {
    await fn(kv);
  } finally {
    kv.close();
  }
}
