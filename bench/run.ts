/**
 * `deno task bench`: measures the real server on loopback against references
 * taken in the same run, prints one table, writes BENCHMARKS.md and exits
 * non-zero when a budget is missed.
 *
 * (a) requests/s and p50/p99 at 50 connections: SSR pages vs the same HTML
 *     served as a static file by the same server, and that static path vs a
 *     bare Deno.serve answering the same bytes from memory;
 * (b) cold start with the prebuilt bundle to first byte;
 * (c) gzipped JavaScript bytes per page type.
 */
import { startServer } from "../tests/server.ts";
import { ensureWrk, load, type LoadResult } from "./load.ts";
import { benchQuizSubmission } from "./quiz_submit.ts";
import { benchLessonNavigation } from "./lesson_nav.ts";
import { client } from "../tests/session.ts";

const ROOT = new URL("../", import.meta.url);
const CONNECTIONS = 50;
const SECONDS = Number(Deno.env.get("BENCH_SECONDS") ?? 3);
const ROUNDS = Number(Deno.env.get("BENCH_ROUNDS") ?? 3);
const deno = Deno.execPath();

interface Row {
  metric: string;
  value: string;
  reference: string;
  ratio: string;
  budget: string;
  ok: boolean;
}
const rows: Row[] = [];

if (!(await ensureWrk())) {
  console.error(
    "deno task bench needs wrk: run `sudo apt-get install -y wrk`, then re-run.",
  );
  Deno.exit(1);
}

console.log("Building the island bundle…");
const build = await new Deno.Command(deno, {
  args: ["task", "build"],
  cwd: ROOT,
  stdout: "null",
  stderr: "inherit",
}).output();
if (!build.success) Deno.exit(1);

// Pages under test, and their HTML copied into static/_bench/ so the same
// server can serve the same bytes as static files.
const benchDir = new URL("static/_bench/", ROOT);
await Deno.remove(benchDir, { recursive: true }).catch(() => {});
await Deno.mkdir(benchDir, { recursive: true });
const kvDir = await Deno.makeTempDir({ prefix: "sa-bench-" });
const kvPath = `${kvDir}/academy.kv`;

const probe = await startServer({ kvPath });
const pages: {
  name: string;
  path: string;
  html: Uint8Array;
  cookie?: string;
}[] = [];
const fetchBytes = async (url: string, cookie = "") =>
  new Uint8Array(
    await (await fetch(url, { headers: { cookie } })).arrayBuffer(),
  );
// Lessons are for signed-in users: the lesson page is measured as the demo
// learner, so each request also reads its session from KV.
const learner = client(probe.origin);
await learner.signIn("learner@demo.academy");
pages.push({
  name: "home",
  path: "/",
  html: await fetchBytes(probe.origin + "/"),
});
const lessonPath = firstLesson(new TextDecoder().decode(pages[0].html));
if (lessonPath) {
  pages.push({
    name: "lesson",
    path: lessonPath,
    html: await fetchBytes(probe.origin + lessonPath, learner.cookie),
    cookie: learner.cookie,
  });
}
const jsBytes = await Promise.all(
  pages.map(async (p) => ({
    name: p.name,
    bytes: await gzippedJs(probe.origin, p.path, p.cookie),
  })),
);
// Quiz and scenario pages, as the signed-in demo learner sees them.
const quizStart = await learner.postForm("/courses/onboarding/basics/quiz", {});
const scenarioStart = await learner.postForm(
  "/courses/onboarding/scenarios/late-parcel",
  {},
);
const learnerPages = [
  { name: "quiz", path: quizStart.headers.get("location")! },
  { name: "scenario", path: scenarioStart.headers.get("location")! },
];
const learnerJs = await Promise.all(
  learnerPages.map(async (p) => ({
    name: p.name,
    bytes: await gzippedJs(probe.origin, p.path, learner.cookie),
  })),
);
await probe.stop();
for (const p of pages) {
  await Deno.writeFile(new URL(`${p.name}.html`, benchDir), p.html);
}

// (b) cold start to first byte, with the prebuilt bundle and an existing store.
const coldStarts: number[] = [];
for (let i = 0; i < 3; i++) coldStarts.push(await coldStart(kvPath));
const cold = coldStarts.sort((a, b) => a - b)[1];
rows.push({
  metric: "cold start to first byte (median of 3)",
  value: `${cold.toFixed(0)} ms`,
  reference: "",
  ratio: "",
  budget: "< 1500 ms",
  ok: cold < 1500,
});

// (a) throughput.
const server = await startServer({ kvPath });
const bare = new Deno.Command(deno, {
  args: [
    "run",
    "-A",
    "bench/bare_server.ts",
    new URL("home.html", benchDir).pathname,
    "8791",
  ],
  cwd: ROOT,
  stdout: "piped",
  stderr: "inherit",
}).spawn();
await waitFor("http://127.0.0.1:8791/");
try {
  const warm = async (url: string, cookie?: string) =>
    void (await load(url, CONNECTIONS, 1, cookie));
  for (const p of pages) {
    await warm(server.origin + p.path, p.cookie);
    await warm(`${server.origin}/_bench/${p.name}.html`);
  }
  await warm("http://127.0.0.1:8791/");
  // Each ratio is measured ROUNDS times, reference and target back to back,
  // and the median round is reported: a neighbour's burst on a shared
  // machine moves one round, not the result.
  type Round = {
    bare: LoadResult;
    pages: Map<string, { ssr: LoadResult; stat: LoadResult }>;
  };
  const rounds: Round[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const bareResult = await load(
      "http://127.0.0.1:8791/",
      CONNECTIONS,
      SECONDS,
    );
    const pageResults = new Map<
      string,
      { ssr: LoadResult; stat: LoadResult }
    >();
    for (const p of pages) {
      const stat = await load(
        `${server.origin}/_bench/${p.name}.html`,
        CONNECTIONS,
        SECONDS,
      );
      const ssr = await load(
        server.origin + p.path,
        CONNECTIONS,
        SECONDS,
        p.cookie,
      );
      pageResults.set(p.name, { ssr, stat });
    }
    rounds.push({ bare: bareResult, pages: pageResults });
  }
  const medianBy = <T>(items: T[], ratio: (t: T) => number): T =>
    items.slice().sort((a, b) => ratio(a) - ratio(b))[
      Math.floor(items.length / 2)
    ];
  const staticRound = medianBy(
    rounds,
    (r) => r.pages.get("home")!.stat.requestsPerSec / r.bare.requestsPerSec,
  );
  const bareResult = staticRound.bare;
  const homeStatic = staticRound.pages.get("home")!.stat;
  const results = new Map<string, { ssr: LoadResult; stat: LoadResult }>();
  for (const p of pages) {
    results.set(
      p.name,
      medianBy(
        rounds.map((r) => r.pages.get(p.name)!),
        (x) => x.ssr.requestsPerSec / x.stat.requestsPerSec,
      ),
    );
  }
  const errors = rounds.reduce(
    (n, r) =>
      n + r.bare.errors +
      [...r.pages.values()].reduce(
        (m, x) => m + x.ssr.errors + x.stat.errors,
        0,
      ),
    0,
  );
  const fmt = (r: LoadResult) =>
    `${r.requestsPerSec.toFixed(0)} req/s (p50 ${r.p50Ms.toFixed(2)} ms, p99 ${
      r.p99Ms.toFixed(2)
    } ms)`;
  rows.push({
    metric: "bare Deno.serve, same bytes from memory (physical limit)",
    value: fmt(bareResult),
    reference: "",
    ratio: "",
    budget: "",
    ok: errors === 0,
  });
  rows.push({
    metric: "static file (home HTML) vs bare server",
    value: fmt(homeStatic),
    reference: `${bareResult.requestsPerSec.toFixed(0)} req/s`,
    ratio: pct(homeStatic.requestsPerSec / bareResult.requestsPerSec),
    budget: ">= 60%",
    ok: homeStatic.requestsPerSec / bareResult.requestsPerSec >= 0.6,
  });
  for (const [name, r] of results) {
    rows.push({
      metric: `SSR ${name} page vs same bytes as static file`,
      value: fmt(r.ssr),
      reference: `${r.stat.requestsPerSec.toFixed(0)} req/s`,
      ratio: pct(r.ssr.requestsPerSec / r.stat.requestsPerSec),
      budget: ">= 50%",
      ok: r.ssr.requestsPerSec / r.stat.requestsPerSec >= 0.5,
    });
  }
} finally {
  bare.kill("SIGTERM");
  await bare.status;
  await server.stop();
  await Deno.remove(benchDir, { recursive: true }).catch(() => {});
}

// (c) JavaScript per page type.
for (const { name, bytes } of jsBytes) {
  const islandFree = name === "home";
  rows.push({
    metric: `JS shipped, ${name} page (gzip)`,
    value: `${bytes} B`,
    reference: "",
    ratio: "",
    budget: islandFree
      ? "0 B (no island)"
      : "<= 15360 B (runtime + one island)",
    ok: islandFree ? bytes === 0 : bytes <= 15360,
  });
}

for (const { name, bytes } of learnerJs) {
  rows.push({
    metric: `JS shipped, ${name} page (gzip)`,
    value: `${bytes} B`,
    reference: "",
    ratio: "",
    budget: "<= 25600 B",
    ok: bytes > 0 && bytes <= 25600,
  });
}

// Quiz submission: latency at 100 concurrent learners, throughput vs bare KV commits.
console.log("Measuring quiz submissions…");
const quiz = await benchQuizSubmission(
  Number(Deno.env.get("BENCH_QUIZ_SUBMISSIONS") ?? 2000),
);
rows.push({
  metric: "quiz submission latency, 100 concurrent learners (~1 submit/s each)",
  value: `p50 ${quiz.p50Ms.toFixed(1)} ms, p99 ${quiz.p99Ms.toFixed(1)} ms`,
  reference: "",
  ratio: "",
  budget: "p99 < 50 ms",
  ok: quiz.p99Ms < 50 && quiz.errors === 0,
});
rows.push({
  metric:
    "committed quiz attempts/s (100 connections) vs bare KV atomic commits of the same size",
  value: `${quiz.perSecond.toFixed(0)} attempts/s`,
  reference: `${quiz.bareCommitsPerSecond.toFixed(0)} commits/s`,
  ratio: pct(quiz.perSecond / quiz.bareCommitsPerSecond),
  budget: ">= 30%",
  ok: quiz.perSecond / quiz.bareCommitsPerSecond >= 0.3 && quiz.errors === 0,
});

console.log("Measuring lesson-to-lesson navigation…");
const nav = await benchLessonNavigation();
rows.push({
  metric:
    `lesson-to-lesson navigation with Partials vs full page loads (bytes received in chromium, ${nav.steps} steps)`,
  value: `${nav.partialBytes} B`,
  reference: `${nav.fullBytes} B`,
  ratio: pct(nav.partialBytes / nav.fullBytes),
  budget: "< 100%",
  ok: nav.partialBytes < nav.fullBytes,
});

const table = [
  "| metric | measured | reference (same run) | ratio | budget | ok |",
  "| --- | --- | --- | --- | --- | --- |",
  ...rows.map((r) =>
    `| ${r.metric} | ${r.value} | ${r.reference} | ${r.ratio} | ${r.budget} | ${
      r.ok ? "yes" : "**NO**"
    } |`
  ),
].join("\n");
console.log("\n" + table + "\n");

const cpu = (await Deno.readTextFile("/proc/cpuinfo").catch(() => "")).match(
  /model name\s*:\s*(.*)/,
)?.[1] ?? "unknown CPU";
const md = `# Benchmarks

Measured by \`deno task bench\` (bench/run.ts). Every figure is compared with a
reference measured in the same run on the same machine, so ratios, not
absolute numbers, are what the budgets check. Load: wrk, 1 thread,
${CONNECTIONS} connections, ${SECONDS} s per target after a 1 s warm-up, all on
loopback. Each ratio is measured in ${ROUNDS} rounds (reference and target back
to back) and the median round is shown.

- Date: ${new Date().toISOString()}
- Machine: ${navigator.hardwareConcurrency} cores, ${cpu}, ${
  (Deno.systemMemoryInfo().total / 2 ** 30).toFixed(0)
} GiB
- Deno ${Deno.version.deno}, V8 ${Deno.version.v8}
- Command: \`deno task bench\`

${table}

How to read it: the home page is measured anonymously; the lesson page as the
signed-in demo learner, so every request also reads the session with its user
and the learner's progress from KV. Page output that depends only on the
content version and language is cached with \`RenderCache\` and copied into the
response as UTF-8; a visitor's home page depends only on the published
versions and is rendered once per language and version (see README, "Speed").
Quiz submission latency is measured with 100 learners each submitting about
once a second; throughput with 100 connections submitting back to back,
against bare KV atomic commits of the same records at the same concurrency.

The signed-in lesson misses its budget. Measured on this machine by answering
with the lesson's bytes at a step of the request instead of going on (same
load, 2026-11-23): right after the session read, about 55% of the static rate;
after the progress read, about a third; the whole page, a quarter. So the two
KV reads alone take the page below 50% before anything is rendered, and the
rest goes to rendering and encoding the learner's own parts (header, progress,
forms). Reads arriving together already share one \`getMany\`
(lib/db/coalesced_reads.ts; before that the page ran at 18%). Sessions are
checked in KV on every request on purpose (a password change or a disabled
account ends them at once, and any instance serves any request), so a page
that needs a session cannot be served from memory alone.

Lesson-to-lesson navigation (bench/lesson_nav.ts): the demo learner walks the
first module of the onboarding course by its "next" links in chromium, once
with Partials (each click fetches only the lesson area, its head and its
islands' state) and once loading the same lessons as full pages with the
cache already warm; the figure is every byte received, headers included, from
the browser's network events. The lesson text is most of a page, so the
saving is the header, footer and boot tags of each page.
`;
await Deno.writeTextFile(new URL("BENCHMARKS.md", ROOT), md);
await Deno.remove(kvDir, { recursive: true }).catch(() => {});
const missed = rows.filter((r) => !r.ok);
if (missed.length) {
  console.error(`Budget missed: ${missed.map((r) => r.metric).join("; ")}`);
  Deno.exit(1);
}
console.log("All budgets met; BENCHMARKS.md updated.");

function pct(x: number): string {
  return `${(x * 100).toFixed(0)}%`;
}

function firstLesson(html: string): string | null {
  const m = /href="(\/courses\/[^"]+\/[^"]+\/[^"]+)"/.exec(html);
  return m ? m[1] : null;
}

async function waitFor(url: string) {
  for (let i = 0; i < 100; i++) {
    try {
      await (await fetch(url)).body?.cancel();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`${url} did not come up`);
}

async function gzippedJs(
  origin: string,
  path: string,
  cookie = "",
): Promise<number> {
  const html = await (await fetch(origin + path, { headers: { cookie } }))
    .text();
  const urls = new Set([
    ...[...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]),
    ...[...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((
      m,
    ) => m[1]),
  ]);
  let total = 0;
  for (const url of urls) {
    const body = (await fetch(origin + url)).body!.pipeThrough(
      new CompressionStream("gzip"),
    );
    total += (await new Response(body).arrayBuffer()).byteLength;
  }
  return total;
}

async function coldStart(kv: string): Promise<number> {
  const started = performance.now();
  const child = new Deno.Command(deno, {
    args: ["run", "-A", "--unstable-kv", "main.ts"],
    cwd: ROOT,
    env: { PORT: "8792", HOST: "127.0.0.1", SA_KV_PATH: kv },
    stdout: "null",
    stderr: "null",
  }).spawn();
  try {
    for (;;) {
      try {
        const res = await fetch("http://127.0.0.1:8792/");
        await res.body?.cancel();
        return performance.now() - started;
      } catch {
        await new Promise((r) => setTimeout(r, 5));
      }
      if (performance.now() - started > 10_000) {
        throw new Error("cold start took over 10 s");
      }
    }
  } finally {
    child.kill("SIGTERM");
    await child.status;
  }
}
