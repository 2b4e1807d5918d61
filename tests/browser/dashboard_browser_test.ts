/**
 * The manager's dashboard in a real browser: every chart draws (its canvas
 * painted, no console error) the numbers of the table beside it; the cohort
 * filter changes the URL and the figures; a learner drill-down opens; CSV
 * and xAPI exports download and parse; axe finds nothing on each page; a
 * 360 px phone scrolls no page sideways.
 */
import assert from "node:assert/strict";
import Papa from "papaparse";
import xapiValidation from "xapi-validation";
import type { Page } from "playwright-core";
import { currentEvaluationContent } from "@/lib/dashboard/kirkpatrick.ts";
import { cohortSummary } from "@/lib/evaluation/summary.ts";
import { assertAccessible, assertFits, shot, startSuite } from "./browser.ts";

const opts = { sanitizeResources: false, sanitizeOps: false };

// deno-lint-ignore no-explicit-any
const validateXapi = ((xapiValidation as any).default ?? xapiValidation) as (
  s: unknown,
) => unknown[];

const suite = await startSuite();
const { server } = suite;

/** Per chart on the page: painted pixels, drawn figures, table figures. */
async function chartsOf(page: Page) {
  await page.waitForFunction(() =>
    [...document.querySelectorAll("canvas[role=img]")].every((c) =>
      (c as HTMLCanvasElement).dataset.drawn
    )
  );
  return await page.evaluate(() =>
    [...document.querySelectorAll<HTMLCanvasElement>("canvas[role=img]")]
      .map((canvas) => {
        const ctx = canvas.getContext("2d")!;
        const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
        let painted = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
        const table = document.getElementById(
          canvas.getAttribute("aria-describedby")!,
        )!;
        const rows = [...table.querySelectorAll("tbody tr")].map((tr) =>
          [...tr.querySelectorAll("td")].map((td) =>
            td.dataset.value === "" ? null : Number(td.dataset.value)
          )
        );
        // Columns of the table are the chart's series.
        const series = rows[0]?.map((_, i) => rows.map((r) => r[i])) ?? [];
        const texts = [...table.querySelectorAll("tbody td")].map((td) =>
          td.textContent
        );
        return {
          id: canvas.id,
          painted,
          width: canvas.width,
          drawn: JSON.parse(canvas.dataset.drawn!),
          series,
          texts,
        };
      })
  );
}

async function assertChartsMatchTables(page: Page, what: string) {
  const charts = await chartsOf(page);
  assert.ok(charts.length >= 3, `${what}: charts on the page`);
  for (const c of charts) {
    assert.ok(c.width > 0, `${what} ${c.id}: canvas has a size`);
    assert.ok(
      c.painted > 500,
      `${what} ${c.id}: canvas painted (${c.painted})`,
    );
    assert.deepEqual(c.drawn, c.series, `${what} ${c.id}: table = chart`);
    // The visible cells say the same numbers.
    assert.deepEqual(
      c.texts.map((x) => x === "—" ? null : Number(x)),
      c.series[0]?.flatMap((_, i) => c.series.map((s) => s[i])) ?? [],
      `${what} ${c.id}: visible table text`,
    );
  }
  return charts;
}

Deno.test({
  ...opts,
  name:
    "browser dashboard: the manager's charts draw the table's numbers; the cohort filter changes URL and figures",
}, async () => {
  const { page, errors } = await suite.page({ login: "manager2@demo.academy" });
  await page.goto(`${server.origin}/dashboard`);
  const before = await assertChartsMatchTables(page, "all cohorts");
  await assertFits(page, "dashboard");
  await assertAccessible(page, "dashboard");
  await shot(page, "dashboard-manager", true);

  await page.selectOption("#filter-cohort", "cohort-c");
  await Promise.all([
    page.waitForURL(/cohort=cohort-c/),
    page.click("form.dash-filters button[type=submit]"),
  ]);
  assert.equal(new URL(page.url()).searchParams.get("cohort"), "cohort-c");
  const after = await assertChartsMatchTables(page, "cohort-c");
  const funnel = (cs: typeof before) =>
    cs.find((c) => c.id === "chart-funnel")!.drawn;
  assert.notDeepEqual(funnel(after), funnel(before), "funnel figures changed");
  assert.equal(
    await page.locator("#cohort-cards li").count(),
    1,
    "one cohort card",
  );
  await assertAccessible(page, "dashboard filtered");
  assert.deepEqual(errors, []);
  await page.context().close();
});

Deno.test({
  ...opts,
  name: "browser dashboard: exports download and parse",
}, async () => {
  const { page, errors } = await suite.page({ login: "manager2@demo.academy" });
  await page.goto(`${server.origin}/dashboard?cohort=cohort-c`);
  for (const table of ["members", "certification"]) {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click(`a[href^="/dashboard/export/${table}"]`),
    ]);
    const path = await download.path();
    const bytes = await Deno.readFile(path!);
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], table);
    const parsed = Papa.parse<string[]>(
      new TextDecoder().decode(bytes.slice(3)).trimEnd(),
      { newline: "\r\n" },
    );
    assert.deepEqual(parsed.errors, [], table);
    assert.ok(parsed.data.length >= 4, `${table}: rows`);
    assert.ok(parsed.data.some((r) => r.includes("许佳琪")), table);
  }
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.click('a[href^="/dashboard/xapi"]'),
  ]);
  const xapi = JSON.parse(await Deno.readTextFile((await download.path())!));
  assert.ok(Array.isArray(xapi.statements));
  assert.ok(xapi.statements.length > 100, "xAPI statements");
  assert.equal(typeof xapi.more, "string");
  // Every statement is valid xAPI 1.0.3 (the npm validator), as an LRS
  // would check it.
  for (const s of xapi.statements) {
    assert.deepEqual(validateXapi(s), [], JSON.stringify(s).slice(0, 200));
    assert.ok(s.actor.account.name);
  }
  // The form exports a range of record dates: only statements in it.
  const stamps = xapi.statements.map((s: { timestamp: string }) => s.timestamp)
    .toSorted();
  const day = (iso: string) =>
    new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(
      0,
      10,
    );
  const since = day(stamps[Math.floor(stamps.length / 2)]);
  await page.fill("#xapi-since", since);
  const [ranged] = await Promise.all([
    page.waitForEvent("download"),
    page.click("#xapi-form button[type=submit]"),
  ]);
  const part = JSON.parse(await Deno.readTextFile((await ranged.path())!));
  assert.ok(part.statements.length > 0, "statements in range");
  assert.ok(part.statements.length < xapi.statements.length, "range narrows");
  for (const s of part.statements) {
    assert.ok(day(s.timestamp) >= since, `${s.timestamp} >= ${since}`);
    assert.deepEqual(validateXapi(s), []);
  }
  // A range ending before it starts comes back named, exporting nothing.
  await page.fill("#xapi-until", "2020-01-01");
  await Promise.all([
    page.waitForURL(/xapi=range/),
    page.click("#xapi-form button[type=submit]"),
  ]);
  assert.match(
    await page.locator("#xapi-problem").innerText(),
    /「记录日期到」早于「记录日期从」/,
  );
  await assertAccessible(page, "dashboard exports");
  assert.deepEqual(errors, []);
  await page.context().close();
});

/** Downloads a CSV link's file and parses it after checking the BOM. */
async function downloadCsv(page: Page, selector: string) {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.click(selector),
  ]);
  const bytes = await Deno.readFile((await download.path())!);
  assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], selector);
  const parsed = Papa.parse<string[]>(
    new TextDecoder().decode(bytes.slice(3)).trimEnd(),
    { newline: "\r\n" },
  );
  assert.deepEqual(parsed.errors, [], selector);
  return parsed.data;
}

Deno.test({
  ...opts,
  name:
    "browser dashboard: a learner drill-down opens from the dashboard and draws its charts",
}, async () => {
  const { page, errors } = await suite.page({ login: "manager2@demo.academy" });
  // A learner who needs attention, from the attention table.
  await page.goto(`${server.origin}/dashboard?cohort=cohort-b`);
  await Promise.all([
    page.waitForURL(/\/dashboard\/learners\//),
    page.click("#attention-table a"),
  ]);
  assert.match(await page.locator("h1").innerText(), /的学习详情/);
  const early = await chartsOf(page);
  assert.deepEqual(
    early.map((c) => c.id).slice(0, 2),
    ["chart-scores", "chart-mastery"],
  );
  for (const c of early) {
    assert.ok(c.painted > 500, `${c.id}: canvas painted (${c.painted})`);
    assert.deepEqual(c.drawn, c.series, `${c.id}: table = chart`);
  }
  assert.ok(await page.locator("#timeline li").count() > 5, "timeline");
  await assertFits(page, "drill-down");
  await assertAccessible(page, "learner drill-down");

  // A graduate, from the members table: QA at day 30 drawn too, and each
  // chart's table downloads as CSV with the same figures.
  await page.goto(`${server.origin}/dashboard?cohort=cohort-c`);
  await Promise.all([
    page.waitForURL(/\/dashboard\/learners\//),
    page.click('#members-table a:text("许佳琪")'),
  ]);
  const grad = await chartsOf(page);
  assert.deepEqual(grad.map((c) => c.id), [
    "chart-scores",
    "chart-mastery",
    "chart-qa",
  ]);
  for (const c of grad) {
    assert.ok(c.painted > 500, `${c.id}: canvas painted (${c.painted})`);
    assert.deepEqual(c.drawn, c.series, `${c.id}: table = chart`);
    const csv = await downloadCsv(
      page,
      `figure:has(#${c.id}) a[href*="/export/"]`,
    );
    assert.deepEqual(
      csv.slice(1).map((r) => r.slice(1).map(Number)),
      c.series[0].map((_, i) => c.series.map((s) => s[i])),
      `${c.id}: CSV = table`,
    );
  }
  assert.equal(
    await page.locator("#chart-qa-table tbody th").first().innerText(),
    "第 30 天",
  );
  await assertFits(page, "graduate drill-down");
  await assertAccessible(page, "graduate drill-down");
  await shot(page, "dashboard-learner", true);

  // In English the charts and their tables follow the page language.
  await page.context().addCookies([
    { name: "lang", value: "en", url: server.origin },
  ]);
  await page.reload();
  assert.equal(await page.locator("html").getAttribute("lang"), "en");
  const en = await chartsOf(page);
  assert.equal(en.length, 3);
  assert.equal(
    await page.locator("#chart-qa").getAttribute("aria-label"),
    "QA on the job: day 30 / 60 / 90 (percent)",
  );
  assert.equal(
    await page.locator("#chart-qa-table tbody th").first().innerText(),
    "Day 30",
  );
  await assertFits(page, "drill-down en");
  await assertAccessible(page, "drill-down en");
  await shot(page, "dashboard-learner-en", true);
  assert.deepEqual(errors, []);
  await page.context().close();
});

Deno.test({
  ...opts,
  name:
    "browser dashboard: the trainer's analytics draw their charts and pass axe",
}, async () => {
  const { page, errors } = await suite.page({ login: "trainer@demo.academy" });
  await page.goto(`${server.origin}/dashboard/trainer`);
  await assertChartsMatchTables(page, "trainer");
  await page.selectOption("#filter-scenario", "late-parcel");
  await Promise.all([
    page.waitForURL(/scenario=late-parcel/),
    page.locator("#filter-scenario").evaluate((el) =>
      (el as HTMLSelectElement).form!.requestSubmit()
    ),
  ]);
  await chartsOf(page);
  await assertFits(page, "trainer");
  await assertAccessible(page, "trainer analytics");
  await shot(page, "dashboard-trainer");
  assert.deepEqual(errors, []);
  await page.context().close();
});

Deno.test({
  ...opts,
  name:
    "browser dashboard: the Kirkpatrick panel's level 4 draws the evaluator's figures; the KPI switch is in the URL; its CSV parses; 390 px",
}, async () => {
  const { page, errors } = await suite.page({
    login: "manager2@demo.academy",
    width: 390,
    height: 844,
  });
  // The same store the server reads: the summary the panel must show.
  using kv = await Deno.openKv(server.kvPath);
  const content = await currentEvaluationContent(kv);
  const summary = (await cohortSummary(kv, "cohort-b", content))!;
  const trend = "#chart-kp-trend-team-aftersale";
  /** The table beside the trend chart, and what the canvas drew. */
  const trendFigures = async () => {
    await page.waitForFunction(
      (sel) =>
        (document.querySelector(sel) as HTMLCanvasElement)?.dataset
          .drawn,
      trend,
    );
    return await page.locator(trend).evaluate((canvas) => {
      const c = canvas as HTMLCanvasElement;
      const { data } = c.getContext("2d")!.getImageData(
        0,
        0,
        c.width,
        c.height,
      );
      let painted = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
      const table = document.getElementById(
        c.getAttribute("aria-describedby")!,
      )!;
      return {
        painted,
        drawn: JSON.parse(c.dataset.drawn!)[0] as (number | null)[],
        table: [...table.querySelectorAll("tbody td")].map((td) =>
          (td as HTMLElement).dataset.value === ""
            ? null
            : Number((td as HTMLElement).dataset.value)
        ),
        marks: table.querySelectorAll(".chart-mark").length,
      };
    });
  };
  const expected = (metric: string) =>
    summary.level4.series.map((m) => {
      const v = m.kpi[metric]?.mean;
      return v === undefined || v === null ? null : Math.round(v * 10) / 10;
    });

  await page.goto(`${server.origin}/dashboard`);
  let fig = await trendFigures();
  assert.ok(fig.painted > 500, `trend canvas painted (${fig.painted})`);
  assert.ok(fig.table.some((v) => v !== null), "the demo team has KPI months");
  assert.deepEqual(fig.table, expected("fcr"), "table = cohortSummary (FCR)");
  assert.deepEqual(fig.drawn, fig.table, "chart = table");
  assert.ok(fig.marks >= 1, "cohort start months are marked in the table");

  // The comparison with not-yet-trained agents: each row says what the
  // summary says, an estimate with its interval or why there is none.
  const didRows = await page.locator("#kp-did tbody tr").evaluateAll(
    (trs) =>
      trs.map((tr) =>
        [...tr.querySelectorAll("th, td")].map((c) => c.textContent ?? "")
      ),
  );
  const b = didRows.filter((r) => r[0] === summary.cohort.name);
  assert.equal(b.length, 3, "FRT, CSAT and FCR for cohort-b");
  for (const [i, metric] of ["frt", "csat", "fcr"].entries()) {
    const d = summary.level4.did[metric];
    if (d.claimed) {
      assert.equal(b[i][7], "可以下结论", metric);
      assert.equal(
        Number(b[i][4]),
        Math.round(d.estimate! * 100) / 100,
        `${metric} estimate`,
      );
    } else {
      assert.match(b[i][7], /人数还不够|还没有可对比/, metric);
      assert.equal(b[i][4], "—", `${metric}: no estimate below the minimum`);
    }
  }
  await assertFits(page, "dashboard at 390 px");
  await assertAccessible(page, "dashboard with the Kirkpatrick panel");
  await shot(page, "dashboard-kirkpatrick-390", true);

  // The KPI switch is a link: the URL carries it and the chart follows.
  await Promise.all([
    page.waitForURL(/kpi=csat/),
    page.click('.kp-metrics a[href*="kpi=csat"]'),
  ]);
  fig = await trendFigures();
  assert.deepEqual(fig.table, expected("csat"), "table = cohortSummary (CSAT)");
  assert.deepEqual(fig.drawn, fig.table);

  // Its tables download as CSV (BOM, the page's rows).
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.click('a[href^="/dashboard/export/kp-did"]'),
  ]);
  const bytes = await Deno.readFile((await download.path())!);
  assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
  const parsed = Papa.parse<string[]>(
    new TextDecoder().decode(bytes.slice(3)).trimEnd(),
    { newline: "\r\n" },
  );
  assert.deepEqual(parsed.errors, []);
  assert.equal(parsed.data.length - 1, didRows.length, "CSV rows = table rows");
  assert.deepEqual(errors, []);
  await page.context().close();
});

Deno.test({ ...opts, name: "browser dashboard: stop" }, () => suite.close());
