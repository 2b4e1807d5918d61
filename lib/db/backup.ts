/**
 * Backup and restore of the whole store (`deno task backup`, `deno task
 * restore`), in the JSON Lines format of backup_format.ts.
 *
 * A backup must be one moment of the store even while the app writes, but
 * Deno KV reads at most 1,000 entries in one snapshot, and a store read page
 * by page could hold half of a commit. So the backup first copies the store
 * file with SQLite's `VACUUM INTO` (one read transaction: a consistent copy
 * while writers go on), then reads that private copy through Deno KV, page by
 * page at leisure. Expiry times come from the copy's rows (KV does not
 * report them), matched to the entries by order and versionstamp. Only file
 * stores can be copied this way; a KV Connect store is refused.
 *
 * A restore writes into an empty store (it refuses one with entries unless
 * `force`, which first deletes them), in commits of at most 500 entries or
 * about 600 KB, each entry with its remaining expiry; entries already
 * expired are skipped.
 */
import { DatabaseSync } from "node:sqlite";
import {
  BACKUP_FORMAT,
  type BackupEntry,
  entryLine,
  parseEntryLine,
} from "./backup_format.ts";
import { openStore } from "./kv.ts";

/** What a backup or restore did. */
export interface BackupReport {
  entries: number;
  /** Entries skipped because they had expired (restore) or were about to (backup). */
  expired: number;
  bytes: number;
}

/** Expiring within this long is as good as expired: left out of a backup. */
const EXPIRY_MARGIN_MS = 60_000;

function isRemote(location: string): boolean {
  return /^https?:\/\//.test(location);
}

/** Versionstamp of a row: version (8 bytes) and seq (2 bytes), in hex. */
function rowStamp(version: number | bigint, seq: number | bigint): string {
  return BigInt(version).toString(16).padStart(16, "0") +
    BigInt(seq).toString(16).padStart(4, "0");
}

/** Writes every entry of the file store at `location` to `outFile`. */
export async function backupStore(
  location: string,
  outFile: string,
): Promise<BackupReport> {
  if (isRemote(location) || location === ":memory:") {
    throw new Error(
      `Cannot back up "${location}": only a store file can be copied consistently`,
    );
  }
  await Deno.stat(location); // a clear NotFound before SQLite makes a file
  const dir = await Deno.makeTempDir({ prefix: "sa-backup-" });
  const copyPath = `${dir}/snapshot.kv`;
  try {
    const source = new DatabaseSync(location, { readOnly: true });
    try {
      source.exec(`VACUUM INTO '${copyPath.replaceAll("'", "''")}'`);
    } finally {
      source.close();
    }
    const cutoff = Date.now() + EXPIRY_MARGIN_MS;
    const db = new DatabaseSync(copyPath);
    let rows: { version: number; seq: number; expiration_ms: number }[];
    let expired: number;
    try {
      expired = Number(
        db.prepare(
          "DELETE FROM kv WHERE expiration_ms >= 0 AND expiration_ms <= ?",
        ).run(cutoff).changes,
      );
      rows = db.prepare(
        "SELECT version, seq, expiration_ms FROM kv ORDER BY k",
      ).all() as typeof rows;
    } finally {
      db.close();
    }
    using kv = await Deno.openKv(copyPath);
    await Deno.mkdir(outFile.replace(/[\\/][^\\/]*$/, "") || ".", {
      recursive: true,
    }).catch(() => {});
    const file = await Deno.open(outFile, {
      write: true,
      create: true,
      truncate: true,
    });
    const writer = file.writable.getWriter();
    const enc = new TextEncoder();
    let bytes = 0;
    const write = async (line: string) => {
      const b = enc.encode(line + "\n");
      bytes += b.length;
      await writer.write(b);
    };
    let n = 0;
    try {
      await write(JSON.stringify({
        format: BACKUP_FORMAT,
        version: 1,
        createdAt: new Date().toISOString(),
      }));
      for await (const e of kv.list({ prefix: [] }, { batchSize: 1000 })) {
        const row = rows[n];
        if (!row || rowStamp(row.version, row.seq) !== e.versionstamp) {
          throw new Error(
            `Backup copy out of step at entry ${n} (${JSON.stringify(e.key)})`,
          );
        }
        const entry: BackupEntry = { key: e.key, value: e.value };
        if (row.expiration_ms >= 0) entry.expiresAt = row.expiration_ms;
        await write(entryLine(entry));
        n++;
      }
      if (n !== rows.length) {
        throw new Error(`Backup copy has ${rows.length} rows, KV listed ${n}`);
      }
      await write(JSON.stringify({ end: true, entries: n }));
    } finally {
      await writer.close();
    }
    return { entries: n, expired, bytes };
  } finally {
    await Deno.remove(dir, { recursive: true }).catch(() => {});
  }
}

/** The entries of a backup file, checked against its first and last lines. */
async function* readBackup(inFile: string): AsyncGenerator<BackupEntry> {
  const file = await Deno.open(inFile);
  const lines = file.readable.pipeThrough(new TextDecoderStream())
    .pipeThrough(splitLines());
  let first = true;
  let count = 0;
  let ended: number | null = null;
  for await (const line of lines) {
    if (!line.trim()) continue;
    if (ended !== null) throw new Error(`${inFile}: lines after the end line`);
    if (first) {
      const head = JSON.parse(line);
      if (head.format !== BACKUP_FORMAT || head.version !== 1) {
        throw new Error(`${inFile} is not a backup of this platform`);
      }
      first = false;
      continue;
    }
    const o = JSON.parse(line);
    if (o.end === true) {
      ended = Number(o.entries);
      continue;
    }
    count++;
    yield parseEntryLine(line);
  }
  if (ended === null) throw new Error(`${inFile} is cut off: no end line`);
  if (ended !== count) {
    throw new Error(`${inFile} says ${ended} entries but holds ${count}`);
  }
}

function splitLines(): TransformStream<string, string> {
  let rest = "";
  return new TransformStream({
    transform(chunk, out) {
      const parts = (rest + chunk).split("\n");
      rest = parts.pop()!;
      for (const p of parts) out.enqueue(p);
    },
    flush(out) {
      if (rest) out.enqueue(rest);
    },
  });
}

/** Approximate stored size of an entry, to keep commits under KV's limits. */
function sizeOf(e: BackupEntry): number {
  return entryLine(e).length;
}

/**
 * Loads a backup into the store at `location`. Refuses a store that holds
 * entries unless `force`, which deletes them first.
 */
export async function restoreStore(
  location: string,
  inFile: string,
  options: { force?: boolean } = {},
): Promise<BackupReport> {
  // Read the whole file first: a broken backup must not half-fill a store.
  const entries: BackupEntry[] = [];
  for await (const e of readBackup(inFile)) entries.push(e);
  const kv = await openStore(location);
  try {
    const existing = await Array.fromAsync(
      kv.list({ prefix: [] }, { limit: 1 }),
    );
    if (existing.length && !options.force) {
      throw new StoreNotEmptyError(location);
    }
    if (existing.length) {
      let op = kv.atomic();
      let n = 0;
      for await (const e of kv.list({ prefix: [] }, { batchSize: 1000 })) {
        op.delete(e.key);
        if (++n % 500 === 0) {
          await op.commit();
          op = kv.atomic();
        }
      }
      await op.commit();
    }
    const now = Date.now();
    let written = 0;
    let expired = 0;
    let op = kv.atomic();
    let inOp = 0;
    let opBytes = 0;
    for (const e of entries) {
      let expireIn: number | undefined;
      if (e.expiresAt !== undefined) {
        expireIn = e.expiresAt - now;
        if (expireIn <= 0) {
          expired++;
          continue;
        }
      }
      const size = sizeOf(e);
      if (inOp >= 500 || (inOp > 0 && opBytes + size > 600_000)) {
        await commitOrThrow(op);
        op = kv.atomic();
        inOp = 0;
        opBytes = 0;
      }
      op.set(e.key, e.value, expireIn === undefined ? undefined : { expireIn });
      inOp++;
      opBytes += size;
      written++;
    }
    if (inOp) await commitOrThrow(op);
    return { entries: written, expired, bytes: (await Deno.stat(inFile)).size };
  } finally {
    kv.close();
  }
}

async function commitOrThrow(op: Deno.AtomicOperation): Promise<void> {
  if (!(await op.commit()).ok) throw new Error("A restore commit failed");
}

/** The target of a restore already holds entries. */
export class StoreNotEmptyError extends Error {
  constructor(location: string) {
    super(
      `The store at "${location}" is not empty: restore into an empty store, or pass --force to replace its contents`,
    );
    this.name = "StoreNotEmptyError";
  }
}
