/**
 * A per-instance cache of signed-in lookups (a session with its user) and
 * of what pages read with them (a learner's progress), so a signed-in page
 * does not read KV for them on every request. Bounded so that revocation
 * still works on every instance:
 *
 * - an entry lives at most `CACHE_TTL_MS` (2 s) after it was read from KV;
 * - the instance that changes a user (sign-out, password, role, disabling,
 *   personal-data deletion, progress) drops that user's entries at once,
 *   after its commit (`userChanged`);
 * - the change's commit also writes the user's change key, which every
 *   instance watches (`kv.watch`) for the users it holds, and appends the
 *   user to a short change log, which every instance polls every 250 ms:
 *   Deno KV's watch does not see another process's writes to a SQLite file
 *   (measured: never, in 13 s), so on a shared file the log is what tells
 *   the other instances. A late watch or poll only shortens nothing: the
 *   2 s life of an entry is the bound either way.
 *
 * A read that was in flight while its user changed is not cached (each user
 * has a generation, bumped by every drop). Only this module reads or writes
 * these keys:
 *
 * | key                           | value                                        |
 * | ----------------------------- | -------------------------------------------- |
 * | ["user_changes", userId]      | Date of the user's last change               |
 * | ["user_change_log", ulid]     | userId (expires after a minute)              |
 */
import { decodeTime, encodeTime, monotonicFactory } from "ulid";

/** An entry is served at most this long after it was read from KV. */
export const CACHE_TTL_MS = 2_000;
/** How often the change log is polled and watches are adjusted. */
export const POLL_MS = 250;
/** Log entries outlive any poll gap by far. */
const LOG_TTL_MS = 60_000;
/** A late commit can carry an id this much older than the newest seen. */
const LOG_LAG_MS = 2_000;
/** Deno KV watches at most ten keys per call. */
const WATCH_KEYS = 10;

const ulid = monotonicFactory();
const changeKey = (userId: string): Deno.KvKey => ["user_changes", userId];
const LOG = "user_change_log";

/** The key to read with a session so a cached entry knows its user's last change. */
export function userChangeKey(userId: string): Deno.KvKey {
  return changeKey(userId);
}

/**
 * Adds "this user changed" to a commit: the watched change key and, unless
 * `log: false`, a change-log entry. Progress changes skip the log: they are
 * frequent, and a page showing progress up to 2 s old on another instance
 * of a SQLite file is harmless; sign-outs and account changes use it. Call
 * `userChanged` after the commit lands.
 */
export function addUserChange(
  op: Deno.AtomicOperation,
  userId: string,
  now: Date,
  options: { log?: boolean } = {},
): Deno.AtomicOperation {
  op.set(changeKey(userId), now);
  if (options.log === false) return op;
  return op.set([LOG, ulid(now.getTime())], userId, { expireIn: LOG_TTL_MS });
}

/** Tuning (tests shorten or switch off parts); defaults are the bound above. */
export interface SessionCacheOptions {
  /** Entry life; clamped to at most CACHE_TTL_MS. */
  ttlMs?: number;
  /** Change-log poll interval; 0 switches polling off (watches only). */
  pollMs?: number;
  /** Whether to watch change keys (default true). */
  watch?: boolean;
  /** Milliseconds clock (tests). */
  clock?: () => number;
}

interface Entry<T> {
  userId: string;
  value: T;
  /** The versionstamp of the user's change key when read (null: none yet). */
  stamp: string | null;
  expiresAt: number;
}

interface Watcher {
  users: string[];
  reader: ReadableStreamDefaultReader<Deno.KvEntryMaybe<unknown>[]>;
}

/** The cache of one store in one process. */
export class SessionCache<T = unknown> {
  readonly ttlMs: number;
  private readonly pollMs: number;
  private readonly watchOn: boolean;
  private readonly clock: () => number;
  private entries = new Map<string, Entry<T>>();
  private byUser = new Map<string, Set<string>>();
  private generations = new Map<string, number>();
  private watched = new Map<string, Watcher>();
  private watchers = new Set<Watcher>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;
  /** Log ids already acted on, with their time, within the lag window. */
  private seen = new Map<string, number>();
  private logFrom: number;
  /** Counts for tests and the suite's report. */
  readonly stats = { hits: 0, misses: 0, drops: 0, remoteDrops: 0 };

  constructor(readonly kv: Deno.Kv, options: SessionCacheOptions = {}) {
    this.ttlMs = Math.min(options.ttlMs ?? CACHE_TTL_MS, CACHE_TTL_MS);
    this.pollMs = options.pollMs ?? POLL_MS;
    this.watchOn = options.watch ?? true;
    this.clock = options.clock ?? (() => Date.now());
    this.logFrom = Date.now();
    if (this.pollMs > 0 || this.watchOn) this.schedule();
  }

  /** The live entry under `key`, or undefined. */
  get(key: string): { userId: string; value: T } | undefined {
    const e = this.entries.get(key);
    if (!e) {
      this.stats.misses++;
      return undefined;
    }
    if (this.clock() >= e.expiresAt) {
      this.remove(key, e.userId);
      this.stats.misses++;
      return undefined;
    }
    this.stats.hits++;
    return e;
  }

  /** The user's generation: take it before reading KV, give it to `put`. */
  generation(userId: string): number {
    return this.generations.get(userId) ?? 0;
  }

  /**
   * Caches `value` read from KV, unless the user changed since `generation`
   * was taken (then the read may predate the change).
   */
  put(
    key: string,
    userId: string,
    value: T,
    stamp: string | null,
    generation: number,
  ): void {
    if (this.closed || this.generation(userId) !== generation) return;
    this.entries.set(key, {
      userId,
      value,
      stamp,
      expiresAt: this.clock() + this.ttlMs,
    });
    let keys = this.byUser.get(userId);
    if (!keys) this.byUser.set(userId, keys = new Set());
    keys.add(key);
  }

  /** Drops every entry of a user and voids reads in flight. */
  drop(userId: string): void {
    this.generations.set(userId, this.generation(userId) + 1);
    const keys = this.byUser.get(userId);
    if (keys) {
      for (const k of keys) this.entries.delete(k);
      this.byUser.delete(userId);
    }
    this.stats.drops++;
  }

  /** Entries held (tests). */
  get size(): number {
    return this.entries.size;
  }

  /** Stops polling and watching. */
  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    for (const w of this.watchers) w.reader.cancel().catch(() => {});
    this.watchers.clear();
    this.watched.clear();
    this.entries.clear();
    this.byUser.clear();
  }

  private remove(key: string, userId: string) {
    this.entries.delete(key);
    const keys = this.byUser.get(userId);
    keys?.delete(key);
    if (keys?.size === 0) this.byUser.delete(userId);
  }

  private schedule() {
    if (this.closed) return;
    const every = this.pollMs > 0 ? this.pollMs : POLL_MS;
    const timer = setTimeout(() => {
      this.tick().catch((e) => {
        // A failed poll only leaves the 2 s bound to do the work.
        if (!this.closed) console.warn(`Session cache poll failed: ${e}`);
      }).finally(() => this.schedule());
    }, every);
    // The cache must not keep a process (or a test) alive.
    Deno.unrefTimer(timer);
    this.timer = timer;
  }

  private async tick() {
    const now = this.clock();
    for (const [k, e] of this.entries) {
      if (now >= e.expiresAt) this.remove(k, e.userId);
    }
    if (this.pollMs > 0) await this.pollLog();
    if (this.watchOn) this.adjustWatches();
  }

  /** Reads the change log from a little before the newest entry seen. */
  private async pollLog() {
    const from = encodeTime(Math.max(0, this.logFrom - LOG_LAG_MS), 10);
    let newest = this.logFrom;
    for await (
      const e of this.kv.list<string>({
        start: [LOG, from],
        end: [LOG, "\uffff"],
      }, { limit: 1000 })
    ) {
      const id = String(e.key[1]);
      if (this.seen.has(id)) continue;
      const at = decodeTime(id);
      this.seen.set(id, at);
      newest = Math.max(newest, at);
      // Also when nothing is held: a read in flight must not be cached.
      this.drop(e.value);
      this.stats.remoteDrops++;
    }
    this.logFrom = newest;
    for (const [id, at] of this.seen) {
      if (at < this.logFrom - 2 * LOG_LAG_MS) this.seen.delete(id);
    }
  }

  /** Watches the change keys of held users, ten per watch; ends idle watches. */
  private adjustWatches() {
    for (const w of this.watchers) {
      if (!w.users.some((u) => this.byUser.has(u))) {
        w.reader.cancel().catch(() => {});
        this.watchers.delete(w);
        for (const u of w.users) this.watched.delete(u);
      }
    }
    const unwatched = [...this.byUser.keys()].filter((u) =>
      !this.watched.has(u)
    );
    for (let i = 0; i < unwatched.length; i += WATCH_KEYS) {
      const users = unwatched.slice(i, i + WATCH_KEYS);
      const reader = this.kv.watch(users.map(changeKey)).getReader();
      const w: Watcher = { users, reader };
      this.watchers.add(w);
      for (const u of users) this.watched.set(u, w);
      this.follow(w);
    }
  }

  private async follow(w: Watcher) {
    try {
      for (;;) {
        const { value, done } = await w.reader.read();
        if (done || this.closed) return;
        for (const [i, entry] of value.entries()) {
          const userId = w.users[i];
          const keys = this.byUser.get(userId);
          if (!keys) continue;
          // The first event is the current value: it also catches a change
          // that landed between the read and the start of the watch.
          const stale = [...keys].some((k) =>
            this.entries.get(k)?.stamp !== entry.versionstamp
          );
          if (stale) {
            this.drop(userId);
            this.stats.remoteDrops++;
          }
        }
      }
    } catch {
      // A broken watch: the poll and the 2 s bound still hold.
      this.watchers.delete(w);
      for (const u of w.users) {
        if (this.watched.get(u) === w) this.watched.delete(u);
      }
    }
  }
}

const caches = new WeakMap<Deno.Kv, SessionCache>();

/** Turns the cache on for `kv` in this process (the app does at start-up). */
export function enableSessionCache<T>(
  kv: Deno.Kv,
  options?: SessionCacheOptions,
): SessionCache<T> {
  caches.get(kv)?.close();
  const cache = new SessionCache<T>(kv, options);
  caches.set(kv, cache);
  return cache;
}

/** The cache of `kv` in this process, if turned on. */
export function sessionCacheOf<T>(kv: Deno.Kv): SessionCache<T> | undefined {
  return caches.get(kv) as SessionCache<T> | undefined;
}

/** Drops a changed user's entries in this process, at once (after the commit). */
export function userChanged(kv: Deno.Kv, userId: string): void {
  caches.get(kv)?.drop(userId);
}
