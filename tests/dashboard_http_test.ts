/**
 * The dashboards over real HTTP with the demo data: a manager sees only the
 * cohorts of the teams they lead; another team's cohort and learner are
 * "not found" on the page and in every export; CSV downloads are UTF-8 with
 * a BOM and parse back; filters are checked and named.
 */
import assert from "node:assert/strict";
import Papa from "papaparse";
import xapiValidation from "xapi-validation";
import { startServer } from "./server.ts";
import { client } from "./session.ts";
import { XAPI_INTERACTION_TYPES } from "@/lib/export/testing.ts";

const opts = { sanitizeResources: false, sanitizeOps: false };
const server = await startServer();
addEventListener("unload", () => {
  try {
    server.process.kill("SIGKILL");
  } catch { /* already stopped by the last test */ }
});

async function signedIn(login: string) {
  const c = client(server.origin);
  const res = await c.signIn(login);
  assert.equal(res.status, 303, `sign-in of ${login}`);
  return c;
}

const manager = await signedIn("manager@demo.academy");
const manager2 = await signedIn("manager2@demo.academy");

/** Parses a CSV download after checking its BOM. */
async function csvOf(res: Response): Promise<string[][]> {
  const bytes = new Uint8Array(await res.arrayBuffer());
  assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 BOM");
  const text = new TextDecoder().decode(bytes.slice(3));
  const parsed = Papa.parse<string[]>(text.trimEnd(), { newline: "\r\n" });
  assert.deepEqual(parsed.errors, []);
  return parsed.data;
}

Deno.test({
  ...opts,
  name: "http dashboard: a manager sees their own team's cohort only",
}, async () => {
  const res = await manager.get("/dashboard");
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-type") ?? "", /text\/html/);
  const html = await res.text();
  assert.match(html, /第 11 期新人营/);
  assert.doesNotMatch(html, /第 10 期新人营|第 9 期新人营|售后二组/);
  // Charts are islands with a table of the same numbers beside them.
  assert.match(html, /id="chart-progress-table"/);
  assert.match(html, /id="chart-funnel-table"/);
});

Deno.test({
  ...opts,
  name:
    "http dashboard: another team's cohort is not found, on the page and in exports",
}, async () => {
  for (
    const path of [
      "/dashboard?cohort=cohort-b",
      "/dashboard?team=team-aftersale",
      "/dashboard/export/members?cohort=cohort-b",
      "/dashboard/export/certification?cohort=cohort-b",
    ]
  ) {
    const res = await manager.get(path);
    assert.equal(res.status, 404, path);
    const body = await res.text();
    assert.doesNotMatch(body, /第 10 期新人营/, path);
  }
  // The same cohort is there for its own manager.
  const own = await manager2.get("/dashboard?cohort=cohort-b");
  assert.equal(own.status, 200);
  assert.match(await own.text(), /第 10 期新人营/);
});

Deno.test({
  ...opts,
  name: "http dashboard: the cohort filter changes the figures",
}, async () => {
  const rows = async (q: string) =>
    await csvOf(await manager2.get(`/dashboard/export/progress${q}`));
  const all = await rows("");
  const one = await rows("?cohort=cohort-c");
  assert.equal(all.length - 1, 5, "five cohorts in team-aftersale");
  assert.deepEqual(one.map((r) => r[0]), [all[0][0], "第 9 期新人营"]);
  const funnelB = await csvOf(
    await manager2.get("/dashboard/export/funnel?cohort=cohort-b"),
  );
  const funnelC = await csvOf(
    await manager2.get("/dashboard/export/funnel?cohort=cohort-c"),
  );
  const certified = (t: string[][]) => t.find((r) => r[0] === "已认证")![1];
  assert.equal(certified(funnelB), "0");
  assert.equal(certified(funnelC), "1", "one valid, one revoked, one ready");
});

Deno.test({
  ...opts,
  name:
    "http dashboard: CSV exports are UTF-8 with BOM and hold one row per learner",
}, async () => {
  const res = await manager.get("/dashboard/export/members?cohort=cohort-a");
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("content-type"), "text/csv; charset=utf-8");
  assert.match(res.headers.get("content-disposition") ?? "", /^attachment;/);
  const table = await csvOf(res);
  assert.equal(table[0][1], "姓名");
  assert.deepEqual(
    table.slice(1).map((r) => r[1]).toSorted(),
    ["李小雨", "王晨", "张一鸣", "陈思思", "刘洋"].toSorted(),
  );
  const report = await csvOf(
    await manager2.get(
      "/dashboard/export/certification?cohort=cohort-c&level=onboarding",
    ),
  );
  const byName = new Map(report.slice(1).map((r) => [r[1], r]));
  assert.equal(byName.get("许佳琪")?.[5], "有效");
  assert.equal(byName.get("何俊")?.[5], "已撤销");
  // Issued, valid until and revoked dates: only a revoked one has the last.
  assert.equal(report[0][8], "撤销日期");
  assert.match(byName.get("何俊")?.[8] ?? "", /^\d{4}-\d{2}-\d{2}$/);
  assert.match(byName.get("何俊")?.[6] ?? "", /^\d{4}-\d{2}-\d{2}$/);
  assert.equal(byName.get("许佳琪")?.[8], "");
  assert.equal(byName.get("马丽")?.[6], "", "no certificate, no issue date");
  assert.equal(byName.get("马丽")?.[5], "进行中");
  // Ready for the exam: every rule but the exam met.
  assert.match(byName.get("马丽")?.[11] ?? "", /认证考试/);
  assert.ok(report.slice(1).every((r) => r[4] === "新人上岗认证"));
});

Deno.test({
  ...opts,
  name:
    "http dashboard: a bad filter is named and ignored; learners may not open it",
}, async () => {
  const res = await manager.get("/dashboard?from=2026-02-30&cohort=cohort-a");
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /筛选条件「开始日期不早于」不正确/);
  assert.match(html, /第 11 期新人营/);
  const learner = await signedIn("learner@demo.academy");
  const refused = await learner.get("/dashboard");
  assert.equal(refused.status, 403);
  await refused.body?.cancel();
  const exportRefused = await learner.get("/dashboard/export/members");
  assert.equal(exportRefused.status, 403);
  await exportRefused.body?.cancel();
});

// deno-lint-ignore no-explicit-any
const validateXapi = ((xapiValidation as any).default ?? xapiValidation) as (
  s: unknown,
) => { path?: string[] }[];

const UUID =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ADL_VERBS = new Set([
  "http://adlnet.gov/expapi/verbs/completed",
  "http://adlnet.gov/expapi/verbs/passed",
  "http://adlnet.gov/expapi/verbs/failed",
  "http://adlnet.gov/expapi/verbs/answered",
  "http://adlnet.gov/expapi/verbs/responded",
  // KPI months imported (and drivers logged) for the demo cohorts' agents.
  "http://adlnet.gov/expapi/verbs/scored",
  "http://adlnet.gov/expapi/verbs/attended",
  // Certificate events: ADL has no verb for them, so the platform's own
  // (documented in docs/evaluation.md, "Certificate events").
  "https://service-academy.example/xapi/verbs/issued",
  "https://service-academy.example/xapi/verbs/expired",
  "https://service-academy.example/xapi/verbs/revoked",
]);

// deno-lint-ignore no-explicit-any
type Json = Record<string, any>;

/** Every page of an export, following `more`. */
async function allPages(
  c: Awaited<ReturnType<typeof signedIn>>,
  first: string,
) {
  const pages: { statements: Json[]; more: string }[] = [];
  for (let url = first; url; url = pages.at(-1)!.more) {
    const res = await c.get(url);
    assert.equal(res.status, 200, url);
    assert.match(res.headers.get("content-type") ?? "", /application\/json/);
    assert.equal(res.headers.get("x-experience-api-version"), "1.0.3");
    pages.push(await res.json());
    assert.ok(pages.length < 200, "paging ends");
  }
  return pages;
}

Deno.test({
  ...opts,
  name:
    "http xapi: every exported statement is valid xAPI 1.0.3 (xapi-validation and the rules the export promises)",
}, async () => {
  // (One page of the largest size holds the whole demo cohort.)
  const [page] = await allPages(
    manager2,
    "/dashboard/xapi?cohort=cohort-c&limit=2000",
  );
  assert.equal(page.more, "");
  const statements = page.statements;
  assert.ok(statements.length > 100, `statements: ${statements.length}`);
  const ids = new Set<string>();
  for (const s of statements) {
    assert.deepEqual(validateXapi(s), [], JSON.stringify(s).slice(0, 300));
    assert.match(s.id, UUID);
    assert.ok(!ids.has(s.id), `duplicate id ${s.id}`);
    ids.add(s.id);
    assert.equal(s.actor.objectType, "Agent");
    assert.ok(s.actor.account.homePage.startsWith("https://"));
    assert.ok(s.actor.account.name);
    assert.ok(ADL_VERBS.has(s.verb.id), s.verb.id);
    assert.match(s.context.registration, UUID);
    assert.ok(s.context.contextActivities.parent.length >= 1);
    assert.ok(
      s.context.contextActivities.grouping.some((a: { id: string }) =>
        a.id.endsWith("/cohorts/cohort-c")
      ),
    );
    if (s.result?.score) {
      assert.ok(s.result.score.scaled >= -1 && s.result.score.scaled <= 1);
    }
    if (s.object.definition.type.endsWith("cmi.interaction")) {
      assert.ok(
        XAPI_INTERACTION_TYPES.has(s.object.definition.interactionType),
      );
      assert.equal(s.verb.id, "http://adlnet.gov/expapi/verbs/answered");
    }
  }
  // Questions of quizzes and exams are there, each under its quiz.
  const answered = statements.filter((s) => s.verb.id.endsWith("/answered"));
  assert.ok(answered.length > 20, `answered: ${answered.length}`);
  const quizIds = new Set(statements.map((s) => s.object.id));
  assert.ok(
    answered.every((s) =>
      quizIds.has(s.context.contextActivities.parent[0].id)
    ),
  );
  // One registration per learner in the cohort.
  const regs = new Map<string, string>();
  for (const s of statements) {
    const name = s.actor.account.name;
    assert.equal(
      regs.get(name) ?? s.context.registration,
      s.context.registration,
    );
    regs.set(name, s.context.registration);
  }
  assert.equal(regs.size, 3, "three learners in cohort-c");
  // And the validator does catch a broken statement.
  const broken = structuredClone(statements[0]);
  broken.result = { score: { scaled: 1.5 } };
  broken.context.registration = "not-a-uuid";
  assert.ok(validateXapi(broken).length >= 2);
});

Deno.test({
  ...opts,
  name:
    "http xapi: small pages hold the same statements as one page, none twice; a date range narrows it",
}, async () => {
  const [whole] = await allPages(
    manager2,
    "/dashboard/xapi?cohort=cohort-c&limit=2000",
  );
  assert.equal(whole.more, "");
  const pages = await allPages(
    manager2,
    "/dashboard/xapi?cohort=cohort-c&limit=40",
  );
  assert.ok(pages.length > 3, `pages: ${pages.length}`);
  // A page holds at most 40, unless one quiz with its questions is bigger:
  // then that quiz alone (a page never splits a quiz from its questions).
  for (const p of pages) {
    const ok = p.statements.length <= 40 ||
      p.statements.slice(1).every((s) =>
        s.context.contextActivities.parent[0].id === p.statements[0].object.id
      );
    assert.ok(ok, `page of ${p.statements.length}`);
  }
  const ids = pages.flatMap((p) => p.statements.map((s) => s.id));
  assert.equal(new Set(ids).size, ids.length, "no statement twice");
  assert.deepEqual(ids, whole.statements.map((s) => s.id));
  // A range that ends before the cohort started holds nothing.
  const [none] = await allPages(
    manager2,
    "/dashboard/xapi?cohort=cohort-c&since=2020-01-01&until=2020-01-31",
  );
  assert.deepEqual(none.statements, []);
  // Two adjacent ranges split the export: nothing lost, nothing twice.
  // (Ranges count when a statement was recorded, as an LRS's since/until.)
  const mid = whole.statements[Math.floor(whole.statements.length / 2)]
    .timestamp.slice(0, 10);
  const next = new Date(Date.parse(`${mid}T00:00:00Z`) + 86_400_000)
    .toISOString().slice(0, 10);
  const [before] = await allPages(
    manager2,
    `/dashboard/xapi?cohort=cohort-c&since=2000-01-01&until=${mid}&limit=2000`,
  );
  const [after] = await allPages(
    manager2,
    `/dashboard/xapi?cohort=cohort-c&since=${next}&limit=2000`,
  );
  assert.ok(before.statements.length > 0 && after.statements.length > 0);
  assert.deepEqual(
    [...before.statements, ...after.statements].map((s) => s.id).toSorted(),
    whole.statements.map((s) => s.id).toSorted(),
  );
});

Deno.test({
  ...opts,
  name:
    "http xapi: another team's cohort is not found; a bad cursor is refused",
}, async () => {
  const res = await manager.get("/dashboard/xapi?cohort=cohort-c");
  assert.equal(res.status, 404);
  await res.body?.cancel();
  const bad = await manager.get("/dashboard/xapi?cursor=%3Cscript%3E");
  assert.ok(bad.status >= 400 && bad.status < 500, `status ${bad.status}`);
  await bad.body?.cancel();
  // A range that ends before it starts: an LRS client gets a 4xx, the
  // dashboard's form goes back to the dashboard with the field named.
  const backwards =
    "/dashboard/xapi?cohort=cohort-a&since=2026-12-01&until=2026-11-01";
  const api = await manager.get(backwards);
  assert.ok(api.status >= 400 && api.status < 500, `status ${api.status}`);
  await api.body?.cancel();
  const form = await manager.get(backwards, {
    headers: { accept: "text/html" },
    redirect: "manual",
  });
  assert.equal(form.status, 303);
  const back = form.headers.get("location")!;
  assert.match(back, /^\/dashboard\?cohort=cohort-a&xapi=range&/);
  const page = await (await manager.get(back)).text();
  assert.match(page, /「记录日期到」早于「记录日期从」，没有导出。/);
  assert.match(page, /id="xapi-until"[^>]*aria-invalid="true"/);
  assert.match(
    page,
    /name="until"[^>]*value="2026-11-01"|value="2026-11-01"[^>]*name="until"/,
  );
  // The manager's own cohort exports only its own learners.
  const [own] = await allPages(manager, "/dashboard/xapi?cohort=cohort-a");
  const names = new Set(own.statements.map((s) => s.actor.account.name));
  assert.equal(names.size, 5);
});

/** Learner ids by name from a manager's members export (one cohort, or all). */
async function idsOf(c: Awaited<ReturnType<typeof signedIn>>, q = "") {
  const table = await csvOf(await c.get(`/dashboard/export/members${q}`));
  return new Map(table.slice(1).map((r) => [r[1], r[0]]));
}

Deno.test({
  ...opts,
  name:
    "http drill-down: a manager opens their own learner; another team's learner is not found",
}, async () => {
  const own = await idsOf(manager);
  const other = await idsOf(manager2);
  const mine = await manager.get(`/dashboard/learners/${own.get("王晨")}`);
  assert.equal(mine.status, 200);
  const html = await mine.text();
  assert.match(html, /王晨 的学习详情/);
  assert.match(html, /id="chart-scores-table"/);
  assert.match(html, /id="timeline"/);
  // Never an individual survey answer on the page.
  assert.doesNotMatch(html, /情景对话很有用，明天接待时先共情再给方案/);
  for (const name of ["许佳琪", "杨帆"]) {
    const res = await manager.get(`/dashboard/learners/${other.get(name)}`);
    assert.equal(res.status, 404, name);
    assert.doesNotMatch(await res.text(), new RegExp(name));
  }
  // A graduate's drill-down shows the on-the-job QA review at its
  // checkpoint (the evaluator's figure), the KPI months of her cohort and
  // the rules her certificate was issued on.
  const grad = await (await manager2.get(
    `/dashboard/learners/${other.get("许佳琪")}`,
  )).text();
  const qa = /<table[^>]*id="chart-qa-table"[\s\S]*?<\/table>/.exec(grad)
    ?.[0] ?? "";
  assert.match(qa, /第 30 天<\/th><td data-value="100">/);
  assert.match(grad, /颁发时满足的条件/);
  assert.match(grad, /证书有效。续期看颁发后的新成绩/);
  assert.match(grad, /培训前一个月（\d{4}-\d{2}）/);
  // Each table downloads as CSV with the page's rows, under the same access.
  const csv = await csvOf(
    await manager2.get(
      `/dashboard/learners/${other.get("许佳琪")}/export/qa`,
    ),
  );
  assert.deepEqual(csv, [["节点", "最近一次", "平均"], [
    "第 30 天",
    "100",
    "100",
  ]]);
  for (const table of ["qa", "scores", "nosuch", "toString"]) {
    const res = await manager.get(
      `/dashboard/learners/${other.get("许佳琪")}/export/${table}`,
    );
    assert.equal(res.status, 404, `another team's ${table} CSV`);
    assert.doesNotMatch(await res.text(), /许佳琪/);
  }
  const bad = await manager2.get(
    `/dashboard/learners/${other.get("许佳琪")}/export/toString`,
  );
  assert.equal(bad.status, 404, "no such table");
  await bad.body?.cancel();
  // An id that is no learner at all looks the same.
  const none = await manager.get(
    "/dashboard/learners/01NOSUCHLEARNER000000000000",
  );
  assert.equal(none.status, 404);
  await none.body?.cancel();
});

Deno.test({
  ...opts,
  name:
    "http drill-down: a mentor sees only mentees; a trainer only the cohort they mentor, and aggregates",
}, async () => {
  const a = await idsOf(manager, "?cohort=cohort-a"); // mentored by trainer@
  const b = await idsOf(manager2); // cohort-b..e, mentored by mentor@
  const mentor = await signedIn("mentor@demo.academy");
  const trainer = await signedIn("trainer@demo.academy");
  const status = async (c: typeof mentor, path: string) => {
    const res = await c.get(path);
    await res.body?.cancel();
    return res.status;
  };
  assert.equal(
    await status(mentor, `/dashboard/learners/${b.get("杨帆")}`),
    200,
  );
  assert.equal(
    await status(mentor, `/dashboard/learners/${a.get("王晨")}`),
    404,
  );
  // The mentor's home links each mentee's drill-down.
  const home = await (await mentor.get("/")).text();
  assert.match(home, new RegExp(`href="/dashboard/learners/${b.get("杨帆")}"`));
  assert.doesNotMatch(home, new RegExp(`/dashboard/learners/${a.get("王晨")}`));
  assert.equal(
    await status(trainer, `/dashboard/learners/${a.get("王晨")}`),
    200,
  );
  assert.equal(
    await status(trainer, `/dashboard/learners/${b.get("杨帆")}`),
    404,
  );
  // The trainer's analytics name nobody; managers and mentors may not open them.
  const res = await trainer.get("/dashboard/trainer");
  assert.equal(res.status, 200);
  const html = await res.text();
  for (const name of [...a.keys(), ...b.keys()]) {
    assert.doesNotMatch(html, new RegExp(name), `${name} named`);
  }
  assert.match(html, /id="chart-reaction-table"/);
  assert.match(html, /id="chart-paths-table"/);
  assert.match(html, /id="chart-skills-table"/);
  assert.equal(await status(manager, "/dashboard/trainer"), 403);
  assert.equal(await status(mentor, "/dashboard/trainer"), 403);
  assert.equal(await status(trainer, "/dashboard"), 403);
  // A cohort that does not exist is not found there too.
  assert.equal(
    await status(trainer, "/dashboard/trainer?cohort=cohort-zz"),
    404,
  );
});

Deno.test({
  ...opts,
  name:
    "http trainer: survey figures only from the minimum n (one cohort of graduates is below it)",
}, async () => {
  const trainer = await signedIn("trainer@demo.academy");
  // cohort-c: three graduates answered, below the minimum of five.
  const few = await (await trainer.get("/dashboard/trainer?cohort=cohort-c"))
    .text();
  assert.match(few, /提交人数少于 5 人/);
  assert.doesNotMatch(few, /id="chart-reaction-table"/);
  // Every cohort together: five graduates, figures shown.
  const all = await (await trainer.get("/dashboard/trainer")).text();
  assert.match(all, /id="chart-reaction-table"/);
});

Deno.test({
  ...opts,
  name:
    "http trainer: every table downloads as CSV with the page's rows; nothing below the minimum n",
}, async () => {
  const trainer = await signedIn("trainer@demo.academy");
  const page = await (await trainer.get("/dashboard/trainer")).text();
  const links = [
    ...page.matchAll(/href="(\/dashboard\/trainer\/export\/[^"]+)"/g),
  ]
    .map((m) => m[1].replaceAll("&amp;", "&"));
  for (
    const table of [
      "reaction",
      "paths",
      "paths-chart",
      "skills",
      "skills-by-cohort",
    ]
  ) {
    assert.ok(
      links.some((l) => l.startsWith(`/dashboard/trainer/export/${table}?`)),
      `${table}: a CSV link`,
    );
  }
  for (const link of links) {
    const res = await trainer.get(link);
    assert.equal(res.status, 200, link);
    const rows = await csvOf(res);
    assert.ok(rows.length >= 2, `${link}: rows`);
  }
  // The reaction chart's CSV holds the figures the page's table shows.
  const reaction = await csvOf(
    await trainer.get(links.find((l) => l.includes("/export/reaction?"))!),
  );
  const table = /<table[^>]*id="chart-reaction-table"[\s\S]*?<\/table>/
    .exec(page)?.[0] ?? "";
  const values = [...table.matchAll(/data-value="([^"]*)"/g)].map((m) => m[1]);
  assert.deepEqual(reaction.slice(1).map((r) => r[1]), values);
  // Below the minimum n the survey's CSV is a header and nothing else.
  const few = await trainer.get(
    "/dashboard/trainer/export/reaction-reaction-core-skills?cohort=cohort-c",
  );
  assert.equal(few.status, 200);
  assert.equal((await csvOf(few)).length, 1, "header only");
  // The team filter lives in the URL and narrows the cohorts.
  const byCohort = async (q: string) =>
    new Set(
      (await csvOf(
        await trainer.get(`/dashboard/trainer/export/skills-by-cohort${q}`),
      )).slice(1).map((r) => r[0].replace(/（.*$/, "")),
    );
  const everyone = await byCohort("");
  const aftersale = await byCohort("?team=team-aftersale");
  assert.ok(aftersale.size > 0 && aftersale.size < everyone.size);
  assert.ok(!aftersale.has("第 11 期新人营"), "team-a's cohort left out");
  const unknown = await trainer.get("/dashboard/trainer?team=team-zz");
  assert.equal(unknown.status, 404);
  await unknown.body?.cancel();
  // Managers may not download the trainer's tables.
  const m = await manager.get("/dashboard/trainer/export/reaction");
  assert.equal(m.status, 403);
  await m.body?.cancel();
});

Deno.test({
  ...opts,
  name: "http dashboard: charts follow the page language",
}, async () => {
  const en = await manager.get("/dashboard", {
    headers: { cookie: `${manager.cookie}; lang=en` },
  });
  const html = await en.text();
  assert.match(html, /Certification funnel: Onboarding Certificate/);
  // The island's props carry the language and English series names.
  assert.match(html, /"lang":"en"/);
  assert.match(html, /Took the certification exam/);
  const zh = await (await manager.get("/dashboard")).text();
  assert.match(zh, /"lang":"zh-CN"/);
  assert.match(zh, /已参加认证考试/);
});

Deno.test({
  ...opts,
  name:
    "http dashboard: the Kirkpatrick panel shows each level where data allows, and says what results need",
}, async () => {
  const html = await (await manager2.get("/dashboard?cohort=cohort-c")).text();
  assert.match(html, /柯氏四级评估/);
  const table = (id: string) =>
    new RegExp(`<table[^>]*id="${id}"[\\s\\S]*?</table>`).exec(html)?.[0] ??
      "";
  // Three graduates: post-test 90 and QA 100 at day 30 are shown.
  assert.match(table("chart-kp-learning-table"), /data-value="90"/);
  assert.match(table("chart-kp-qa-table"), /data-value="100"/);
  // Reaction is below the surveys' minimum of five answers: no figure, and
  // the table says how many answered and how many are needed.
  assert.match(html, /还没有哪份问卷达到最少作答人数/);
  assert.doesNotMatch(html, /id="chart-kp-reaction"/);
  assert.match(table("kp-reaction"), /人数不足：3 人作答，需要 5 人/);
  // Results: the team's KPI months are drawn, and each comparison with
  // not-yet-trained agents says why it is not claimed.
  assert.match(html, /id="chart-kp-trend-team-aftersale"/);
  const did = table("kp-did");
  assert.equal([...did.matchAll(/<tr[\s>]/g)].length - 1, 3, "FRT, CSAT, FCR");
  assert.match(did, /还没有可对比的尚未培训批次|人数还不够/);
});
