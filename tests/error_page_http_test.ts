/**
 * Errors over real HTTP: no exception message reaches a user. A learner's
 * malformed quiz answer is a 422 page with the code's translated message,
 * not the scoring engine's English; an unexpected failure (a corrupt stored
 * record) is logged with a request id and answered with the translated 500
 * page showing that id.
 */
import assert from "node:assert/strict";
import { startModuleServer } from "./server.ts";
import { client } from "./session.ts";
import { translate } from "@/lib/i18n/i18n.ts";

const opts = { sanitizeResources: false, sanitizeOps: false };
const server = await startModuleServer();

Deno.test({
  ...opts,
  name:
    "a malformed quiz answer: 422, the translated code message, never the engine's message",
}, async () => {
  const c = client(server.origin);
  await c.signIn("learner3@demo.academy");
  const start = await c.postForm("/courses/demo/basics/quiz", {});
  await start.body?.cancel();
  assert.equal(start.status, 303);
  const url = start.headers.get("location")!;
  const html = await (await c.get(url)).text();
  const key = /name="idempotencyKey" value="([^"]+)"/.exec(html)![1];
  const radio = /<input[^>]*type="radio"[^>]*>/.exec(html)?.[0] ?? "";
  const field = /name="(q\.[^"]+)"/.exec(radio)?.[1];
  assert.ok(field, "the fixture quiz has a question answered by a radio");
  const res = await c.postForm(url, {
    idempotencyKey: key,
    [field]: "no-such-option",
  });
  const page = await res.text();
  assert.equal(res.status, 422);
  // The code's message in Chinese, naming the bad value; never the engine's
  // developer message (English, with the field path and question id).
  assert.ok(
    page.includes(
      translate("zh-CN", "error.code.answer_value", {
        value: "no-such-option",
      }),
    ),
    "the code's message in Chinese",
  );
  assert.doesNotMatch(page, /is not (an option|true or false|valid)/);
  assert.doesNotMatch(page, /Cannot score/);
  // The attempt is still open: the bad answer changed nothing.
  const again = await c.get(url);
  assert.match(await again.text(), /name="idempotencyKey"/);
});

Deno.test({
  ...opts,
  name:
    "an unexpected error: logged with a request id, shown as the translated 500 page with that id",
}, async () => {
  const kv = await Deno.openKv(server.kvPath);
  try {
    await kv.set(["cohorts", "cohort-a"], { name: 42, broken: true });
  } finally {
    kv.close();
  }
  const c = client(server.origin);
  await c.signIn("admin@demo.academy");
  for (const lang of ["zh-CN", "en"] as const) {
    const res = await c.get("/admin/cohorts/cohort-a", {
      headers: { "accept-language": lang === "en" ? "en" : "zh-CN" },
    });
    const page = await res.text();
    assert.equal(res.status, 500);
    const id = res.headers.get("x-request-id");
    assert.match(id ?? "", /^[0-9a-f]{12}$/);
    assert.ok(page.includes(translate(lang, "error.500.title")), lang);
    assert.ok(
      page.includes(translate(lang, "error.request_id", { id: id! })),
      `${lang}: the page shows the request id`,
    );
    // The developer message (the corrupt key) stays in the log.
    assert.ok(!page.includes("Cannot read"), "no exception message");
    assert.ok(!page.includes("cohorts"), "no key names");
    const deadline = Date.now() + 5_000;
    while (!server.output().includes(`[request ${id}]`)) {
      assert.ok(Date.now() < deadline, "the log names the request id");
      await new Promise((r) => setTimeout(r, 50));
    }
    const line = server.output().split("\n").find((l) =>
      l.includes(`[request ${id}]`)
    )!;
    assert.match(line, /GET \/admin\/cohorts\/cohort-a failed/);
    assert.match(server.output(), /Cannot read \["cohorts","cohort-a"\]/);
  }
});
