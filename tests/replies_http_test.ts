import assert from "node:assert/strict";
import { isoWeek, weekUsage } from "@/lib/replies/usage_store.ts";
import { startServer } from "./server.ts";
import { client } from "./session.ts";

const opts = { sanitizeResources: false, sanitizeOps: false };
// The bundled content: the reply library lives in assessments/replies/.
const server = await startServer();
addEventListener("unload", () => server.process.kill("SIGKILL"));
const kv = await Deno.openKv(server.kvPath);

const cardIds = (html: string) =>
  [...html.matchAll(/<h2 class="reply-title" id="reply-([a-z0-9-]+)"/g)].map((
    m,
  ) => m[1]);

Deno.test({
  ...opts,
  name:
    "replies: a learner's search ranks the refund-time replies first, marks placeholders and is counted",
}, async () => {
  const c = client(server.origin);
  await c.signIn("learner@demo.academy");
  const res = await c.get(
    `/replies?q=${encodeURIComponent("退款多久到账")}`,
  );
  assert.equal(res.status, 200);
  const html = await res.text();
  const ids = cardIds(html);
  assert.ok(ids.length >= 3, html.slice(0, 500));
  assert.ok(
    ids.slice(0, 3).includes("aftersale-refund-time"),
    ids.join(","),
  );
  assert.match(html, /<mark\s+class="placeholder" data-placeholder="支付方式"/);
  // The house figure is filled in, never a raw {{placeholder}}.
  assert.doesNotMatch(html, /\{\{refund\}\}/);
  assert.match(html, /1-2 天内原路退回/);
  const usage = await weekUsage(kv, isoWeek(new Date()));
  assert.ok(usage.searches.some((s) => s.what === "退款多久到账"));
});

Deno.test({
  ...opts,
  name:
    "replies: a bad filter is named and ignored; a search with no result is shown and logged as a gap",
}, async () => {
  const c = client(server.origin);
  await c.signIn("learner2@demo.academy");
  const bad = await c.get("/replies?situation=spaceship");
  assert.equal(bad.status, 422);
  const html = await bad.text();
  assert.match(html, /这个筛选条件不存在/);
  assert.ok(cardIds(html).length > 0, "the unfiltered list is still shown");
  const none = await c.get(`/replies?q=${encodeURIComponent("量子计算机")}`);
  assert.equal(none.status, 200);
  assert.match(await none.text(), /没有找到相关话术/);
  const usage = await weekUsage(kv, isoWeek(new Date()));
  assert.ok(usage.zero.some((s) => s.what === "量子计算机"));
  const filtered =
    await (await c.get("/replies?situation=complaint&stage=closing"))
      .text();
  assert.ok(cardIds(filtered).every((id) => id.startsWith("complaint-")));
});

Deno.test({
  ...opts,
  name:
    "replies: a copy is counted with the CSRF header and refused without it; unknown replies are 404",
}, async () => {
  const c = client(server.origin);
  await c.signIn("learner3@demo.academy");
  const before = (await weekUsage(kv, isoWeek(new Date()))).copies
    .find((x) => x.what === "logistics-lost")?.count ?? 0;
  const ok = await c.postJson("/replies/logistics-lost/copy", {});
  assert.equal(ok.status, 204);
  const forged = await c.get("/replies/logistics-lost/copy", {
    method: "POST",
    headers: { origin: server.origin },
  });
  await forged.body?.cancel();
  assert.equal(forged.status, 403);
  const after = (await weekUsage(kv, isoWeek(new Date()))).copies
    .find((x) => x.what === "logistics-lost")?.count ?? 0;
  assert.equal(after, before + 1);
  const missing = await c.postJson("/replies/no-such-reply/copy", {});
  await missing.body?.cancel();
  assert.equal(missing.status, 404);
  const page = await c.get("/replies/no-such-reply");
  await page.body?.cancel();
  assert.equal(page.status, 404);
});

Deno.test({
  ...opts,
  name:
    "replies: a reply page links to the lessons that teach it; the usage page is for trainers only",
}, async () => {
  const c = client(server.origin);
  await c.signIn("learner@demo.academy");
  const page = await (await c.get("/replies/aftersale-refund-time")).text();
  assert.match(
    page,
    /href="\/courses\/onboarding\/practice\/practice-returns-flow"/,
  );
  assert.match(page, /什么时候不要用/);
  // The lesson lists the replies it teaches, each linked to its page.
  const lesson = await (await c.get(
    "/courses/onboarding/practice/practice-returns-flow",
  )).text();
  assert.match(lesson, /本课话术/);
  assert.match(lesson, /href="\/replies\/aftersale-refund-time"/);
  const refused = await c.get("/replies/stats");
  await refused.body?.cancel();
  assert.equal(refused.status, 403);
  const trainer = client(server.origin);
  await trainer.signIn("trainer@demo.academy");
  const stats = await trainer.get("/replies/stats");
  assert.equal(stats.status, 200);
  const html = await stats.text();
  assert.match(html, /退款多久到账/);
  const badWeek = await trainer.get("/replies/stats?week=yesterday");
  assert.equal(badWeek.status, 422);
  assert.match(await badWeek.text(), /周的格式是/);
  const empty = await (await trainer.get("/replies/stats?week=2020-W01"))
    .text();
  assert.match(empty, /这一周还没有使用记录/);
});
