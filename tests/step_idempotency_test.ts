/**
 * One idempotency key per scenario or drill step, as the islands send it:
 * the same step sent twice, and sent again after the server was killed with
 * SIGKILL mid-request, is stored once.
 */
import assert from "node:assert/strict";
import { getDrillRun } from "@/lib/drill/drill_run_store.ts";
import { findUserByLogin } from "@/lib/identity/accounts/user_store.ts";
import { getRun } from "@/lib/scenario/run_store.ts";
import { startServer, type TestServer } from "./server.ts";
import { client } from "./session.ts";

const opts = { sanitizeResources: false, sanitizeOps: false };
const env = { SA_CONTENT_DIR: "tests/fixtures/content" };
const SCENARIO = "/courses/demo/scenarios/late-parcel";
const DRILL = "/courses/demo/drills/drill-greeting";
const LOGIN = "learner6@demo.academy";

let server: TestServer = await startServer({ env });
const kvPath = server.kvPath;
addEventListener("unload", () => {
  try {
    server.process.kill("SIGKILL");
  } catch { /* stopped */ }
});

async function signedIn() {
  const c = client(server.origin);
  await c.signIn(LOGIN);
  return c;
}

/** Reads the server's store between requests (a second handle on the same file). */
async function withStore<T>(fn: (kv: Deno.Kv, userId: string) => Promise<T>) {
  const kv = await Deno.openKv(kvPath);
  try {
    const user = (await findUserByLogin(kv, LOGIN))!;
    return await fn(kv, user.id);
  } finally {
    kv.close();
  }
}

/** Sends a request and kills the server with SIGKILL before it can answer for sure, then restarts it. */
async function sendThenKill(send: () => Promise<Response>) {
  const pending = send().then((r) => r.body?.cancel()).catch(() => {});
  await new Promise((r) => setTimeout(r, 5));
  await server.kill();
  await pending;
  server = await startServer({ kvPath, env });
}

Deno.test({
  ...opts,
  name:
    "idempotency: a scenario step sent twice, and again across a server kill, is stored once",
}, async () => {
  let c = await signedIn();
  const start = await c.postForm(SCENARIO, {});
  assert.equal(start.status, 303);
  const url = new URL(start.headers.get("location")!, "http://x").pathname;
  const runId = url.split("/").at(-1)!;

  // The same step twice with one key: one turn.
  const step1 = {
    nodeId: "open",
    choiceId: "empathise",
    idempotencyKey: crypto.randomUUID(),
  };
  const [a, b] = [
    await c.postJson(`${url}/turns`, step1),
    await c.postJson(`${url}/turns`, step1),
  ];
  assert.deepEqual([a.status, b.status], [200, 200]);
  const viewA = await a.json();
  const viewB = await b.json();
  assert.deepEqual(viewB, viewA, "the retry gets the stored state back");
  assert.equal(
    await withStore(async (kv, id) =>
      (await getRun(kv, id, runId)).state.turns.length
    ),
    1,
  );
  // A second key for the same step is not a retry: the step is over.
  const other = await c.postJson(`${url}/turns`, {
    ...step1,
    idempotencyKey: crypto.randomUUID(),
  });
  assert.equal(other.status, 422);
  await other.body?.cancel();

  // The next step, sent as the server dies, then resent with its key.
  const step2 = {
    nodeId: "check",
    text: "王女士,非常抱歉让您久等了!包裹在转运中心,今天下午 6 点前给您回复。",
    idempotencyKey: crypto.randomUUID(),
  };
  const cookie = c.cookie;
  const csrf = c.csrf;
  await sendThenKill(() =>
    fetch(`${server.origin}${url}/turns`, {
      method: "POST",
      headers: {
        cookie,
        origin: server.origin,
        "content-type": "application/json",
        "x-csrf-token": csrf,
      },
      body: JSON.stringify(step2),
    })
  );
  c = await signedIn();
  const again = await c.postJson(`${url}/turns`, step2);
  assert.equal(again.status, 200);
  const view = await again.json();
  assert.equal(view.ending?.outcome, "resolved");
  const run = await withStore((kv, id) => getRun(kv, id, runId));
  assert.deepEqual(run.state.turns.map((t) => t.nodeId), ["open", "check"]);
  assert.equal(run.passed, true);
});

Deno.test({
  ...opts,
  name:
    "idempotency: a drill answer sent twice, and again across a server kill, is stored once",
}, async () => {
  let c = await signedIn();
  const answer = {
    itemId: "d1",
    text: "您好,在的!这款目前有货,请问您想要哪个颜色呢?",
    idempotencyKey: crypto.randomUUID(),
  };
  // Twice in a row.
  const first = await c.postForm(DRILL, {});
  assert.equal(first.status, 303);
  const url1 = new URL(first.headers.get("location")!, "http://x").pathname;
  const r1 = await c.postJson(`${url1}/answers`, answer);
  const r2 = await c.postJson(`${url1}/answers`, answer);
  assert.deepEqual([r1.status, r2.status], [200, 200]);
  await r1.body?.cancel();
  await r2.body?.cancel();
  const run1 = await withStore((kv, id) =>
    getDrillRun(kv, id, url1.split("/").at(-1)!)
  );
  assert.equal(run1.answers.length, 1);

  // Across a kill, on a new run with a new key for its step.
  const second = await c.postForm(DRILL, {});
  const url2 = new URL(second.headers.get("location")!, "http://x").pathname;
  const step = { ...answer, idempotencyKey: crypto.randomUUID() };
  const cookie = c.cookie;
  const csrf = c.csrf;
  await sendThenKill(() =>
    fetch(`${server.origin}${url2}/answers`, {
      method: "POST",
      headers: {
        cookie,
        origin: server.origin,
        "content-type": "application/json",
        "x-csrf-token": csrf,
      },
      body: JSON.stringify(step),
    })
  );
  c = await signedIn();
  const again = await c.postJson(`${url2}/answers`, step);
  assert.equal(again.status, 200);
  await again.body?.cancel();
  const run2 = await withStore((kv, id) =>
    getDrillRun(kv, id, url2.split("/").at(-1)!)
  );
  assert.equal(run2.answers.length, 1);
  assert.ok(run2.finishedAt, "the one-item drill is finished");
  await server.stop();
});
