/**
 * A scenario's total tells the truth over HTTP: a reply that blames the
 * courier fails its node whatever else it has, the run records the breach
 * with its words, does not pass, and the debrief says so and what each step
 * cost. The reply box offers the length the rubric accepts, and the server
 * refuses beyond it.
 */
import assert from "node:assert/strict";
import { listLearnerStatements } from "@/lib/evidence/statement_store.ts";
import { findUserByLogin } from "@/lib/identity/accounts/user_store.ts";
import { getRun } from "@/lib/scenario/run_store.ts";
import { startModuleServer } from "./server.ts";
import { client } from "./session.ts";

const opts = { sanitizeResources: false, sanitizeOps: false };
const server = await startModuleServer();
const SCENARIO = "/courses/demo/scenarios/late-parcel";
const LOGIN = "learner7@demo.academy";

Deno.test({
  ...opts,
  name:
    "scenario: a reply that blames the courier fails the node, is recorded as a breach, and the run does not pass",
}, async () => {
  const c = client(server.origin);
  await c.signIn(LOGIN);
  const start = await c.postForm(SCENARIO, {});
  const url = new URL(start.headers.get("location")!, "http://x").pathname;
  const turn = (body: Record<string, string>, init?: RequestInit) =>
    c.postJson(`${url}/turns`, {
      ...body,
      idempotencyKey: crypto.randomUUID(),
    }, init);
  const first = await turn({ nodeId: "open", choiceId: "empathise" });
  const view = await first.json();
  // The reply box shows the rubric's length (fixture rubric: 10-200).
  assert.equal(view.step.reply.maxLength, 200);
  assert.equal(view.step.reply.minLength, 10);
  assert.match(view.step.reply.lengthHint, /10–200/);
  // Beyond it the server refuses and changes nothing.
  // The refusal is the translated message of its code, in the UI language.
  const long = await turn({ nodeId: "check", text: "您好".repeat(101) }, {
    headers: { "accept-language": "en" },
  });
  assert.equal(long.status, 422);
  assert.match((await long.json()).errors.text, /at most 200/);
  const longZh = await turn({ nodeId: "check", text: "您好".repeat(101) });
  assert.equal(longZh.status, 422);
  assert.equal((await longZh.json()).errors.text, "回复太长：最多 200 个字。");
  // Every element the rubric wants, and the courier blamed.
  const blamed = await turn({
    nodeId: "check",
    text:
      "王女士,非常抱歉让您久等了!这是快递的问题,我已为您查询到包裹在转运中心,今天下午 6 点前给您回复。",
  });
  assert.equal(blamed.status, 200);
  const after = await blamed.json();
  assert.ok(after.ending, "the fixture's fail branch ends the run");

  const kv = await Deno.openKv(server.kvPath);
  try {
    const user = (await findUserByLogin(kv, LOGIN))!;
    const run = await getRun(kv, user.id, url.split("/").at(-1)!);
    assert.equal(run.state.turns.length, 2);
    assert.equal(run.state.turns[1].reply!.passed, false);
    assert.equal(run.passed, false);
    assert.equal(run.state.breaches.length, 1);
    assert.equal(run.state.breaches[0].category, "blame");
    assert.match(run.state.breaches[0].text ?? "", /快递/);
    const statement = (await listLearnerStatements(kv, user.id)).find((s) =>
      s.object.id.endsWith("/scenarios/late-parcel")
    )!;
    assert.equal(statement.result?.success, false);
  } finally {
    kv.close();
  }

  const debrief = await (await c.get(`${url}/debrief`)).text();
  assert.match(debrief, /未通过/);
  assert.match(debrief, /触碰了合规红线/);
  assert.match(debrief, /推卸责任/);
  assert.match(debrief, /每一步的得失/);
  assert.match(debrief, /回复未达标 −8/);
});
