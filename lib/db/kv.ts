/**
 * Opens the one Deno KV store of the process. Where it lives:
 * - `SA_KV_URL`: a KV Connect URL (several app instances share one store);
 * - `SA_KV_PATH`: a file path, or `:memory:` (unit tests);
 * - default: `./data/academy.kv`, created on first start.
 */
import { retryWritesOnLock, withLockRetry } from "./lock_retry.ts";

export const DEFAULT_KV_PATH = "./data/academy.kv";

/** Where the store is, from the environment. */
export function kvLocation(
  env: { get(key: string): string | undefined } = Deno.env,
): string {
  return env.get("SA_KV_URL") ?? env.get("SA_KV_PATH") ?? DEFAULT_KV_PATH;
}

/**
 * Opens the store at `location`, creating the folder of a file store. Writes
 * retry when another process holds the file's write lock (lock_retry.ts).
 */
export async function openStore(
  location: string = kvLocation(),
): Promise<Deno.Kv> {
  if (location !== ":memory:" && !/^https?:\/\//.test(location)) {
    const dir = location.replace(/[\\/][^\\/]*$/, "");
    if (dir && dir !== location) await Deno.mkdir(dir, { recursive: true });
  }
  // Opening migrates the schema, which can meet another instance's lock too.
  return retryWritesOnLock(await withLockRetry(() => Deno.openKv(location)));
}
