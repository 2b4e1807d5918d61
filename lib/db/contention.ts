/**
 * Optimistic-concurrency retries: a commit whose `check` failed because a
 * concurrent writer got there first is built again from fresh reads. Without
 * a pause, writers that collide once collide again (four tabs autosaving one
 * quiz did, five times in a row); a short random pause spreads them out.
 */

/** Tries before a read-check-commit loop gives up. */
export const CONFLICT_TRIES = 20;

/**
 * Waits before try number `tries` (0-based; no wait before the first): a
 * random pause of up to 2^tries ms, at most 50 ms.
 */
export async function conflictBackoff(tries: number): Promise<void> {
  if (tries === 0) return;
  await new Promise((r) =>
    setTimeout(r, Math.random() * Math.min(50, 2 ** tries))
  );
}
