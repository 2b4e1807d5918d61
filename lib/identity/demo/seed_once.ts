/**
 * The once-per-store rule every demo seed follows: a marker key says the
 * seed ran, so a restart seeds nothing again; a seed cut short (or one that
 * found nothing to seed on yet) leaves no marker and runs again, reusing
 * what it finds. Only this module reads or writes the markers:
 *
 * | key                    | value                  |
 * | ---------------------- | ---------------------- |
 * | ["demo_seeds", name]   | Date (when it ran)     |
 */

/**
 * Runs the demo seed `name` unless it already ran in this store. `seed`
 * returns false when it could not run yet (no published course, no demo
 * accounts): then no marker is set and the next call tries again.
 * Returns true when this call seeded.
 */
export async function seedOnce(
  kv: Deno.Kv,
  name: string,
  now: Date,
  seed: () => Promise<boolean | void>,
): Promise<boolean> {
  const marker = ["demo_seeds", name];
  if ((await kv.get(marker)).versionstamp !== null) return false;
  if ((await seed()) === false) return false;
  await kv.set(marker, now);
  return true;
}
