/**
 * Starts a real server process for integration, browser and crash tests:
 * its own port (chosen by the OS) and its own KV file, so tests never share
 * state. Call `stop()` (or `kill()` for SIGKILL) when done.
 *
 * A new store starts as a copy of a seeded snapshot: the first server of a
 * test run with a given content and environment does the real start-up
 * (content import, demo seeding: PBKDF2 for every demo account, the demo
 * engines' runs) into a snapshot file; every later server of the run gets its
 * own copy of that file, so its start-up finds the content imported and the
 * demo seeded and only listens. The snapshots live in `SA_TEST_SNAPSHOTS`
 * (a folder `deno task test` makes per run and removes after, shared by the
 * parallel test processes under a file lock), or, for a single `deno test`,
 * in a folder of that process.
 */
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../", import.meta.url));

/**
 * How long a server may take to say it listens. A limit about the machine,
 * not the test: it only catches a server that hangs. A cold start on the
 * 2-core machine shared with other runs took up to 40 s under load, so the
 * default leaves a wide margin; `SA_TEST_START_LIMIT_S` changes it.
 */
const START_LIMIT_MS = Number(Deno.env.get("SA_TEST_START_LIMIT_S") ?? 300) *
  1000;

/** A running server. */
export interface TestServer {
  origin: string;
  kvPath: string;
  process: Deno.ChildProcess;
  output(): string;
  stop(): Promise<void>;
  kill(): Promise<void>;
}

/** Options for {@link startServer}. */
export interface StartOptions {
  /** Entry module relative to the project root (default main.ts). */
  entry?: string;
  /**
   * A KV file to reuse (default: a new temp file; for main.ts a copy of the
   * seeded snapshot). A given file is used as it is: tests of start-up itself
   * pass one.
   */
  kvPath?: string;
  env?: Record<string, string>;
}

/** Spawns the server and waits until it listens. */
export async function startServer(
  options: StartOptions = {},
): Promise<TestServer> {
  const entry = options.entry ?? "main.ts";
  const kvPath = options.kvPath ??
    (entry === "main.ts"
      ? await seededCopy(options.env ?? {})
      : await newKvPath());
  return await spawnServer(entry, kvPath, options.env ?? {});
}

/** Folders of stores this process made, removed when it ends. */
const madeDirs: string[] = [];
addEventListener("unload", () => {
  for (const dir of madeDirs) {
    try {
      Deno.removeSync(dir, { recursive: true });
    } catch { /* gone */ }
  }
});

/**
 * A new store path in a folder of its own. The folder stays while the
 * process runs (a test may restart a server on the same store) and is
 * removed when it ends: a bundled-course store is some 10 MB.
 */
async function newKvPath(): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "sa-test-" });
  madeDirs.push(dir);
  return `${dir}/academy.kv`;
}

async function spawnServer(
  entry: string,
  kvPath: string,
  env: Record<string, string>,
): Promise<TestServer> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "--unstable-kv", entry],
    cwd: ROOT,
    env: {
      PORT: "0",
      HOST: "127.0.0.1",
      SA_KV_PATH: kvPath,
      NO_COLOR: "1",
      ...env,
    },
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  let log = "";
  const decoder = new TextDecoder();
  const started = performance.now();
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      try {
        child.kill("SIGKILL");
      } catch { /* gone */ }
      reject(
        new Error(
          `Server did not listen within ${START_LIMIT_MS / 1000} s:\n${log}`,
        ),
      );
    }, START_LIMIT_MS);
    const pump = async (stream: ReadableStream<Uint8Array>) => {
      for await (const chunk of stream) {
        log += decoder.decode(chunk);
        // Printed once the socket is bound: from here requests are served.
        const m = /Listening on (http:\/\/[^/\s]+)\//.exec(log);
        if (m) {
          clearTimeout(timer);
          resolve(m[1].replace("localhost", "127.0.0.1"));
        }
      }
    };
    pump(child.stdout);
    pump(child.stderr);
    child.status.then((s) => {
      clearTimeout(timer);
      reject(new Error(`Server exited with ${s.code}:\n${log}`));
    });
  });
  const startMs = Math.round(performance.now() - started);
  if (Deno.env.get("SA_TEST_TIMINGS") === "1") {
    console.log(`[server ${entry} listening after ${startMs} ms]`);
  }
  const end = async (signal: Deno.Signal) => {
    try {
      child.kill(signal);
    } catch { /* already gone */ }
    await child.status;
  };
  return {
    origin,
    kvPath,
    process: child,
    output: () => log,
    stop: () => end("SIGTERM"),
    kill: () => end("SIGKILL"),
  };
}

/** This process's snapshot folder when `deno task test` gave none. */
let ownSnapshots: string | null = null;
/** Snapshot files this process already knows, by key. */
const known = new Map<string, Promise<string>>();

async function snapshotDir(): Promise<string> {
  const shared = Deno.env.get("SA_TEST_SNAPSHOTS");
  if (shared) return shared;
  if (!ownSnapshots) {
    ownSnapshots = await Deno.makeTempDir({ prefix: "sa-test-snapshots-" });
    const dir = ownSnapshots;
    addEventListener("unload", () => {
      try {
        Deno.removeSync(dir, { recursive: true });
      } catch { /* gone */ }
    });
  }
  return ownSnapshots;
}

/**
 * What decides a seeded store: the server's own environment (content
 * folder, production flag, public origin...) and the `SA_` settings it
 * inherits.
 */
async function snapshotKey(env: Record<string, string>): Promise<string> {
  const inherited = Object.entries(Deno.env.toObject())
    .filter(([k]) => k.startsWith("SA_") && !k.startsWith("SA_TEST_"));
  const all = Object.entries({ ...Object.fromEntries(inherited), ...env })
    .sort(([a], [b]) => a.localeCompare(b));
  const bytes = new TextEncoder().encode(JSON.stringify(all));
  const hash = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return [...hash.slice(0, 8)].map((b) => b.toString(16).padStart(2, "0"))
    .join("");
}

/** The snapshot for `env`, made by a real start-up the first time. */
function snapshot(env: Record<string, string>): Promise<string> {
  const made = (async () => {
    const dir = await snapshotDir();
    const key = await snapshotKey(env);
    const file = `${dir}/${key}.kv`;
    // One process seeds; the others wait on the lock, then copy its file.
    const lock = await Deno.open(`${dir}/${key}.lock`, {
      create: true,
      write: true,
    });
    try {
      await lock.lock(true);
      if (!(await exists(file))) {
        const seeding = await newKvPath();
        const server = await spawnServer("main.ts", seeding, env);
        await server.stop();
        // Opening and closing the store folds its write-ahead log into the
        // file, so one file is the whole store.
        (await Deno.openKv(seeding)).close();
        await Deno.copyFile(seeding, `${file}.part`);
        await Deno.rename(`${file}.part`, file);
        await Deno.remove(seeding.replace(/\/[^/]+$/, ""), { recursive: true });
      }
    } finally {
      lock.close();
    }
    return file;
  })();
  return made;
}

async function seededCopy(env: Record<string, string>): Promise<string> {
  const key = await snapshotKey(env);
  let file = known.get(key);
  if (!file) {
    file = snapshot(env);
    known.set(key, file);
    file.catch(() => known.delete(key));
  }
  const kvPath = await newKvPath();
  await Deno.copyFile(await file, kvPath);
  return kvPath;
}

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(path);
    return true;
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return false;
    throw e;
  }
}

/**
 * Starts a server for a whole test module, on the fixture content, killed
 * when the module's process ends even if a test failed before `stop()`.
 */
export async function startModuleServer(
  env: Record<string, string> = {},
): Promise<TestServer> {
  const server = await startServer({
    env: { SA_CONTENT_DIR: "tests/fixtures/content", ...env },
  });
  addEventListener("unload", () => {
    try {
      server.process.kill("SIGKILL");
    } catch { /* already stopped by the module's last test */ }
  });
  return server;
}
