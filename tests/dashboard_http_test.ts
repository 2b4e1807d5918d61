/**
 * The dashboards over real HTTP with the demo data: a manager sees only the
 * cohorts of the teams they lead; another team's cohort and learner are
 * "not found" on the page and in every export; CSV downloads are UTF-8 with
 * a BOM and parse back; filters are checked and named.
 */
import assert from "node:assert/strict";
import Papa from "papaparse";
import { startServer } from "./server.ts";
import { client } from "./session.ts";

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
  assert.equal(all.length - 1, 4, "four cohorts in team-aftersale");
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
  const res = await manager.get("/dashboard/export/members");
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
  assert.equal(byName.get("马丽")?.[5], "进行中");
  // Ready for the exam: every rule but the exam met.
  assert.match(byName.get("马丽")?.[10] ?? "", /认证考试/);
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
