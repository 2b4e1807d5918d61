/**
 * Starts a real server process for integration, browser and crash tests:
 * its own port (chosen by the OS) and its own KV file, so tests never share
 * state. Call `stop()` (or `kill()` for SIGKILL) when done.
 */
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../", import.meta.url));

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
  /** A KV file to reuse (default: a new temp file). */
  kvPath?: string;
  env?: Record<string, string>;
}

/** Spawns the server and waits until it listens. */
export async function startServer(
  options: StartOptions = {},
): Promise<TestServer> {
  const kvPath = options.kvPath ??
    (await Deno.makeTempDir({ prefix: "sa-test-" })) + "/academy.kv";
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "--unstable-kv", options.entry ?? "main.ts"],
    cwd: ROOT,
    env: {
      PORT: "0",
      HOST: "127.0.0.1",
      SA_KV_PATH: kvPath,
      NO_COLOR: "1",
      ...options.env,
    },
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  let log = "";
  const decoder = new TextDecoder();
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Server did not start in 30 s:\n${log}`)),
      30_000,
    );
    const pump = async (stream: ReadableStream<Uint8Array>) => {
      for await (const chunk of stream) {
        log += decoder.decode(chunk);
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
