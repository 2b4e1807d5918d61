import assert from "node:assert/strict";
import { findUserByLogin as findByLogin } from "@/lib/identity/accounts/user_store.ts";
import { getProgress } from "@/lib/evidence/progress_store.ts";
import { listLearnerStatements } from "@/lib/evidence/statement_store.ts";
import { listAttempts } from "@/lib/quiz/attempt_store.ts";
import { startServer } from "./server.ts";
import { client } from "./session.ts";

const opts = { sanitizeResources: false, sanitizeOps: false };
const server = await startServer({
  env: { SA_CONTENT_DIR: "tests/fixtures/content" },
});
addEventListener("unload", () => server.process.kill("SIGKILL"));
// The test reads the server's own store file to check what was stored.
const kv = await Deno.openKv(server.kvPath);

const QUIZ = "/courses/demo/basics/quiz";

async function startAttempt(c: ReturnType<typeof client>) {
  const res = await c.postForm(QUIZ, {});
  assert.equal(res.status, 303);
  const url = res.headers.get("location")!;
  const html = await (await c.get(url)).text();
  return {
    url,
    html,
    key: /name="idempotencyKey" value="([^"]+)"/.exec(html)![1],
  };
}

Deno.test({
  ...opts,
  name: "quiz: a double-submitted attempt is stored once and counted once",
}, async () => {
  const c = client(server.origin);
  await c.signIn("learner4@demo.academy");
  const { url, key } = await startAttempt(c);
  const [a, b] = await Promise.all([
    c.postForm(url, { idempotencyKey: key }),
    c.postForm(url, { idempotencyKey: key }),
  ]);
  assert.deepEqual([a.status, b.status], [303, 303]);
  const retry = await c.postForm(url, { idempotencyKey: key });
  assert.equal(
    retry.status,
    303,
    "a retry after a lost response gets the stored result",
  );
  const user = (await findByLogin(kv, "learner4@demo.academy"))!;
  const attempts = await listAttempts(kv, user.id, "demo", "basics");
  assert.equal(attempts.length, 1);
  assert.equal(attempts[0].status, "submitted");
  const progress = await getProgress(kv, user.id, "demo", new Date());
  assert.equal(progress.quizzes.basics.count, 1);
  const statements = (await listLearnerStatements(kv, user.id)).filter((s) =>
    s.object.id.endsWith("/quiz")
  );
  assert.equal(statements.length, 1, "one evidence statement");
  const page = await (await c.get(url)).text();
  assert.match(page, /测验结果/);
});

Deno.test({
  ...opts,
  name: "quiz: a forged score is ignored: the server grades the answers",
}, async () => {
  const c = client(server.origin);
  await c.signIn("learner5@demo.academy");
  const { url, key } = await startAttempt(c);
  const res = await c.postForm(url, {
    idempotencyKey: key,
    score: "100",
    percent: "100",
    passed: "true",
    points: "4",
  });
  assert.equal(res.status, 303);
  const user = (await findByLogin(kv, "learner5@demo.academy"))!;
  const [attempt] = await listAttempts(kv, user.id, "demo", "basics");
  assert.equal(attempt.result!.percent, 0, "no answers, no points");
  assert.equal(attempt.result!.passed, false);
});

Deno.test({
  ...opts,
  name: "quiz: another learner's attempt id is not found, and nothing changes",
}, async () => {
  const owner = client(server.origin);
  await owner.signIn("learner6@demo.academy");
  const { url, key } = await startAttempt(owner);
  const other = client(server.origin);
  await other.signIn("learner2@demo.academy");
  const view = await other.get(url);
  assert.equal(view.status, 404);
  await view.body?.cancel();
  const post = await other.postForm(url, { idempotencyKey: "x".repeat(36) });
  assert.equal(post.status, 404);
  await post.body?.cancel();
  const user = (await findByLogin(kv, "learner6@demo.academy"))!;
  const [attempt] = await listAttempts(kv, user.id, "demo", "basics");
  assert.equal(attempt.status, "open");
  await (await owner.postForm(url, { idempotencyKey: key })).body?.cancel();
});

Deno.test({
  ...opts,
  name:
    "quiz: an option id that does not exist gets a 422 naming it, and the attempt stays open",
}, async () => {
  const c = client(server.origin);
  await c.signIn("learner3@demo.academy");
  const { url, html, key } = await startAttempt(c);
  const singleField = /name="(q\.q-basics-001)"/.exec(html)?.[1] ??
    /name="(q\.[^".]+)" value="[a-z]"/.exec(html)![1];
  const res = await c.postForm(url, {
    idempotencyKey: key,
    [singleField]: "no-such-option",
  });
  assert.equal(res.status, 422);
  assert.match(await res.text(), /no-such-option/);
  const user = (await findByLogin(kv, "learner3@demo.academy"))!;
  const [attempt] = await listAttempts(kv, user.id, "demo", "basics");
  assert.equal(attempt.status, "open");
});

Deno.test({
  ...opts,
  name:
    "scenario: a forged score, an unknown option and a 100,000-character reply get 4xx",
}, async () => {
  const c = client(server.origin);
  await c.signIn("learner@demo.academy");
  const start = await c.postForm("/courses/demo/scenarios/late-parcel", {});
  assert.equal(start.status, 303);
  const run = start.headers.get("location")!;
  const turns = `${run}/turns`;
  const forged = await c.postJson(turns, {
    nodeId: "open",
    choiceId: "empathise",
    idempotencyKey: "key-forged-1",
    score: 100,
  });
  assert.equal(forged.status, 422);
  await forged.body?.cancel();
  const unknown = await c.postJson(turns, {
    nodeId: "open",
    choiceId: "nope",
    idempotencyKey: "key-unknown-1",
  });
  assert.equal(unknown.status, 422);
  assert.match(JSON.stringify(await unknown.json()), /nope/);
  const huge = await c.postJson(turns, {
    nodeId: "open",
    text: "好".repeat(100_000),
    idempotencyKey: "key-huge-0001",
  });
  assert.equal(huge.status, 413);
  await huge.body?.cancel();
  const wrongNode = await c.postJson(turns, {
    nodeId: "check",
    text: "你好",
    idempotencyKey: "key-node-0001",
  });
  assert.equal(wrongNode.status, 422);
  await wrongNode.body?.cancel();
  // Nothing was stored by the refused turns: the first real turn is still turn one.
  const ok = await c.postJson(turns, {
    nodeId: "open",
    choiceId: "empathise",
    idempotencyKey: "key-ok-000001",
  });
  assert.equal(ok.status, 200, await ok.clone().text());
  const view = await ok.json();
  assert.equal(
    view.history.filter((e: { from: string }) => e.from === "agent").length,
    1,
  );
  const again = await c.postJson(turns, {
    nodeId: "open",
    choiceId: "empathise",
    idempotencyKey: "key-ok-000001",
  });
  assert.equal(
    (await again.json()).history.length,
    view.history.length,
    "a retried turn is not applied twice",
  );
  const other = client(server.origin);
  await other.signIn("learner2@demo.academy");
  const stolen = await other.postJson(turns, {
    nodeId: "check",
    text: "你好",
    idempotencyKey: "key-steal-0001",
  });
  assert.equal(stolen.status, 404);
  await stolen.body?.cancel();
});
