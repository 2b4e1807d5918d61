import assert from "node:assert/strict";
import { listCases } from "@/lib/cases/case_store.ts";
import { isoWeek, weekUsage } from "@/lib/replies/usage_store.ts";
import { startServer } from "./server.ts";
import { client } from "./session.ts";

const opts = { sanitizeResources: false, sanitizeOps: false };
const server = await startServer();
addEventListener("unload", () => server.process.kill("SIGKILL"));
const kv = await Deno.openKv(server.kvPath);

Deno.test({
  ...opts,
  name:
    "cases: first start has demo cases (masked) and this week's reply usage, made by the real engines",
}, async () => {
  const cases = await listCases(kv);
  assert.equal(cases.length, 3);
  const text = cases.map((c) => c.conversation + c.title).join("\n");
  assert.doesNotMatch(
    text,
    /138 0013 8000|6228 4860 1815 9081|王建国|张江路 88 号/,
  );
  assert.match(text, /\[手机号1\]/);
  const usage = await weekUsage(kv, isoWeek(new Date()));
  assert.ok(usage.totalSearches > 0);
  assert.ok(usage.copies.length > 0);
  // The gaps are what the real search found nothing for.
  assert.ok(
    usage.zero.every((z) => !usage.copies.some((c) => c.what === z.what)),
  );
  const trainer = client(server.origin);
  await trainer.signIn("trainer@demo.academy");
  const stats = await (await trainer.get("/replies/stats")).text();
  assert.match(stats, /没有搜到结果的词/);
  assert.match(stats, /退款多久到账/);
});

Deno.test({
  ...opts,
  name:
    "cases: a trainer's conversation is stored masked, linked, and shown; bad input is named and stores nothing",
}, async () => {
  const trainer = client(server.origin);
  await trainer.signIn("trainer@demo.academy");
  const before = (await listCases(kv)).length;
  const bad = await trainer.postForm("/cases", {
    title: "",
    situation: "aftersale",
    conversation: "太短",
    replies: "no-such-reply",
  });
  assert.equal(bad.status, 422);
  const badHtml = await bad.text();
  assert.match(badHtml, /请填写标题/);
  assert.match(badHtml, /请粘贴对话原文/);
  assert.equal((await listCases(kv)).length, before);
  const form = new URLSearchParams({
    _csrf: trainer.csrf,
    title: "尺码问题退货",
    situation: "aftersale",
    conversation:
      "顾客：我叫刘洋，手机１３９ １２３４ ５６７８，订单号2026120799887，衣服小了。\n客服：抱歉尺码不合适给您添麻烦了！可以为您办理退货。\n顾客：12月3日买的，199 元。",
    replies: "aftersale-wrong-size",
  });
  form.append("lessons", "core-return-rules");
  form.append("scenarios", "return-request");
  const res = await trainer.get("/cases", {
    method: "POST",
    body: form,
    headers: {
      origin: server.origin,
      "content-type": "application/x-www-form-urlencoded",
    },
  });
  assert.equal(res.status, 303);
  const url = res.headers.get("location")!;
  const page = await (await trainer.get(url)).text();
  assert.match(page, /已保存/);
  assert.match(page, /\[姓名1\]/);
  assert.match(page, /\[手机号1\]/);
  assert.match(page, /\[订单号1\]/);
  assert.match(page, /12月3日买的，199 元/);
  assert.match(page, /href="\/replies\/aftersale-wrong-size"/);
  assert.match(page, /href="\/courses\/onboarding\/scenarios\/return-request"/);
  const stored = JSON.stringify(await listCases(kv));
  assert.doesNotMatch(stored, /刘洋|１３９ １２３４|2026120799887/);
  const forged = await trainer.get("/cases", {
    method: "POST",
    body: new URLSearchParams({ title: "x", situation: "aftersale" }),
    headers: {
      origin: server.origin,
      "content-type": "application/x-www-form-urlencoded",
    },
  });
  await forged.body?.cancel();
  assert.equal(forged.status, 403);
});

Deno.test({
  ...opts,
  name: "cases: learners may not open the case library",
}, async () => {
  const learner = client(server.origin);
  await learner.signIn("learner@demo.academy");
  const res = await learner.get("/cases");
  await res.body?.cancel();
  assert.equal(res.status, 403);
  const missing = client(server.origin);
  await missing.signIn("trainer@demo.academy");
  const none = await missing.get("/cases/01NOSUCHCASE");
  await none.body?.cancel();
  assert.equal(none.status, 404);
});
