/**
 * Submissions under load (issue item 2): quiz submissions, scenario turns
 * and drill answers over HTTP to the real server, on the test fixtures.
 * Latency: 100 learners each submitting about once a second; throughput:
 * 100 connections submitting back to back, against bare KV atomic commits
 * of the same records (taken from what the server stored) at the same
 * concurrency, in the same run. Each submission is the one that finishes
 * its activity, so it writes the record, its idempotency key, the evidence
 * statement and the progress rollup in one commit.
 */
import { openStore } from "@/lib/db/kv.ts";
import { hashPassword } from "@/lib/identity/accounts/password.ts";
import { createSession } from "@/lib/identity/sessions/session_store.ts";
import { createUser } from "@/lib/identity/accounts/user_store.ts";
import { SESSION_COOKIE } from "@/lib/http/session_cookie.ts";
import { startServer, type TestServer } from "../tests/server.ts";
import { envNumber, pct, percentile, type Row, type Section } from "./rows.ts";

const CONCURRENCY = 100;

interface Job {
  path: string;
  cookie: string;
  body: string;
  json: boolean;
  csrf: string;
}

type Kind = "quiz" | "scenario" | "drill";

/** What one kind measured. */
interface KindResult {
  p50Ms: number;
  p99Ms: number;
  perSecond: number;
  bareCommitsPerSecond: number;
  errors: number;
}

async function post(
  origin: string,
  path: string,
  cookie: string,
  csrf: string,
  body: string,
  json: boolean,
): Promise<Response> {
  return await fetch(origin + path, {
    method: "POST",
    redirect: "manual",
    body,
    headers: json
      ? {
        cookie,
        origin,
        "content-type": "application/json",
        accept: "application/json",
        "x-csrf-token": csrf,
      }
      : {
        cookie,
        origin,
        "content-type": "application/x-www-form-urlencoded",
      },
  });
}

/** Prepares `count` learners, each one submission away from finishing. */
async function prepare(
  server: TestServer,
  kv: Deno.Kv,
  kind: Kind,
  count: number,
): Promise<Job[]> {
  const hash = await hashPassword("unused-password-123", 1000);
  const now = new Date();
  const jobs: Job[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: 20 }, async () => {
    while (next < count) {
      const i = next++;
      const user = await createUser(kv, {
        name: `学员${kind}${i}`,
        role: "learner",
        email: `bench-${kind}-${i}@test.academy`,
        passwordHash: hash,
      }, now);
      const { id, session } = await createSession(kv, user.id, now);
      const cookie = `${SESSION_COOKIE}=${id}`;
      const csrf = session.csrfToken;
      const form = (f: Record<string, string>) =>
        new URLSearchParams({ _csrf: csrf, ...f }).toString();
      if (kind === "quiz") {
        const res = await post(
          server.origin,
          "/courses/demo/basics/quiz",
          cookie,
          csrf,
          form({}),
          false,
        );
        await res.body?.cancel();
        const path = new URL(res.headers.get("location")!, "http://x")
          .pathname;
        const page = await (await fetch(server.origin + path, {
          headers: { cookie },
        })).text();
        const key = /name="idempotencyKey" value="([^"]+)"/.exec(page)![1];
        // Every field the page shows, with its first option picked.
        const fields = new URLSearchParams({
          _csrf: csrf,
          idempotencyKey: key,
        });
        for (
          const m of page.matchAll(/name="(q\.[^"]+)"[^>]*value="([^"]*)"/g)
        ) {
          if (!fields.has(m[1])) fields.set(m[1], m[2]);
        }
        jobs.push({ path, cookie, csrf, body: fields.toString(), json: false });
      } else if (kind === "scenario") {
        const res = await post(
          server.origin,
          "/courses/demo/scenarios/late-parcel",
          cookie,
          csrf,
          form({}),
          false,
        );
        await res.body?.cancel();
        const run = new URL(res.headers.get("location")!, "http://x").pathname;
        const first = await post(
          server.origin,
          `${run}/turns`,
          cookie,
          csrf,
          JSON.stringify({
            nodeId: "open",
            choiceId: "empathise",
            idempotencyKey: crypto.randomUUID(),
          }),
          true,
        );
        await first.body?.cancel();
        jobs.push({
          path: `${run}/turns`,
          cookie,
          csrf,
          json: true,
          body: JSON.stringify({
            nodeId: "check",
            text:
              "王女士,非常抱歉让您久等了!包裹在转运中心,今天下午 6 点前给您回复。",
            idempotencyKey: crypto.randomUUID(),
          }),
        });
      } else {
        const res = await post(
          server.origin,
          "/courses/demo/drills/drill-greeting",
          cookie,
          csrf,
          form({}),
          false,
        );
        await res.body?.cancel();
        const run = new URL(res.headers.get("location")!, "http://x").pathname;
        jobs.push({
          path: `${run}/answers`,
          cookie,
          csrf,
          json: true,
          body: JSON.stringify({
            itemId: "d1",
            text: "您好,在的!这款目前有货,请问您想要哪个颜色呢?",
            idempotencyKey: crypto.randomUUID(),
          }),
        });
      }
    }
  }));
  return jobs;
}

/** The keys one finished submission of `kind` wrote, with sample values. */
async function sampleRecords(
  kv: Deno.Kv,
  kind: Kind,
): Promise<[string, unknown][]> {
  const first = async (prefix: string) =>
    (await Array.fromAsync(kv.list({ prefix: [prefix] }, { limit: 1 })))[0]
      ?.value;
  const main = kind === "quiz"
    ? "quiz_attempts"
    : kind === "scenario"
    ? "scenario_runs"
    : "drill_runs";
  const key = kind === "quiz"
    ? "quiz_submissions"
    : kind === "scenario"
    ? "scenario_turn_keys"
    : "drill_answer_keys";
  return [
    [main, await first(main)],
    [key, await first(key)],
    ["statements", await first("statements")],
    ["statements_by_learner", await first("statements_by_learner")],
    ["progress", await first("progress")],
    ["user_changes", new Date()],
  ];
}

async function measureKind(
  server: TestServer,
  kv: Deno.Kv,
  kind: Kind,
  count: number,
): Promise<KindResult> {
  const jobs = await prepare(server, kv, kind, count);
  let errors = 0;
  const submit = async (job: Job) => {
    const t = performance.now();
    const res = await post(
      server.origin,
      job.path,
      job.cookie,
      job.csrf,
      job.body,
      job.json,
    );
    await res.body?.cancel();
    if (res.status !== (job.json ? 200 : 303)) errors++;
    return performance.now() - t;
  };
  const half = Math.floor(jobs.length / 2);
  const latencies: number[] = [];
  let a = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    await new Promise((r) => setTimeout(r, Math.random() * 1000));
    while (a < half) {
      latencies.push(await submit(jobs[a++]));
      await new Promise((r) => setTimeout(r, 500 + Math.random() * 1000));
    }
  }));
  let b = half;
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (b < jobs.length) await submit(jobs[b++]);
  }));
  const seconds = (performance.now() - started) / 1000;

  const records = await sampleRecords(kv, kind);
  let done = 0;
  const refCount = jobs.length - half;
  const refStart = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async (_, w) => {
    while (done < refCount) {
      const id = `ref-${kind}-${w}-${done++}`;
      const op = kv.atomic().check({
        key: [`ref_${records[0][0]}`, id],
        versionstamp: null,
      });
      for (const [prefix, value] of records) {
        op.set([`ref_${prefix}`, id], value);
      }
      await op.commit();
    }
  }));
  const refSeconds = (performance.now() - refStart) / 1000;
  latencies.sort((x, y) => x - y);
  return {
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    perSecond: refCount / seconds,
    bareCommitsPerSecond: refCount / refSeconds,
    errors,
  };
}

export const submissions: Section = {
  name: "submissions",
  async run() {
    const count = envNumber("BENCH_SUBMISSIONS", 1000);
    const rows: Row[] = [];
    for (const kind of ["quiz", "scenario", "drill"] as const) {
      const dir = await Deno.makeTempDir({ prefix: `sa-bench-${kind}-` });
      const kvPath = `${dir}/academy.kv`;
      const server = await startServer({
        kvPath,
        env: { SA_CONTENT_DIR: "tests/fixtures/content", SA_PRODUCTION: "1" },
      });
      const kv = await openStore(kvPath);
      try {
        const r = await measureKind(server, kv, kind, count);
        const what = kind === "quiz"
          ? "quiz submission"
          : kind === "scenario"
          ? "scenario turn (the reply that ends the run)"
          : "drill answer (the last item)";
        rows.push({
          metric: `${what}: latency, 100 learners (~1 submit/s each)`,
          value: `p50 ${r.p50Ms.toFixed(1)} ms, p99 ${r.p99Ms.toFixed(1)} ms`,
          reference: "",
          ratio: "",
          budget: "p99 < 50 ms",
          ok: r.p99Ms < 50 && r.errors === 0,
        });
        rows.push({
          metric:
            `${what}: committed/s at 100 connections vs bare KV commits of the same records`,
          value: `${r.perSecond.toFixed(0)}/s`,
          reference: `${r.bareCommitsPerSecond.toFixed(0)} commits/s`,
          ratio: pct(r.perSecond / r.bareCommitsPerSecond),
          budget: ">= 30%",
          ok: r.perSecond / r.bareCommitsPerSecond >= 0.3 && r.errors === 0,
        });
      } finally {
        kv.close();
        await server.stop();
        await Deno.remove(dir, { recursive: true }).catch(() => {});
      }
    }
    return rows;
  },
  notes:
    "Submissions: for each kind, learners are prepared one step before the end (a started quiz attempt with its answers filled from the page; a scenario run after its first choice; a drill run on its only item), then half submit with about a second of think time between submissions (latency) and half back to back on 100 connections (throughput). The reference commits the same records the server stored (record, idempotency key, statement and its index, progress rollup, change key) as bare KV atomic commits at the same concurrency.",
};
