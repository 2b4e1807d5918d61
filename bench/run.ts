/**
 * `deno task bench`: measures the real server on loopback against
 * references taken in the same run, prints one table, writes BENCHMARKS.md
 * and exits non-zero when a budget is missed. Each section is a module that
 * returns its rows (bench/rows.ts); add one to SECTIONS to add figures.
 * `BENCH_ONLY=pages,start-up` runs some sections (BENCHMARKS.md is then not
 * written).
 */
import { startServer } from "../tests/server.ts";
import { evaluator } from "./evaluator.ts";
import { ensureWrk } from "./load.ts";
import { lessonNavigation } from "./lesson_nav_section.ts";
import { pages } from "./pages.ts";
import { type Row, type Section, table } from "./rows.ts";
import { start } from "./start.ts";
import { dashboard } from "./dashboard.ts";
import { submissions } from "./submissions.ts";
import { replySearch } from "./reply_search.ts";
import { statementCost } from "./statement_cost.ts";

const SECTIONS: Section[] = [
  pages,
  lessonNavigation,
  submissions,
  start,
  evaluator,
  statementCost,
  replySearch,
  dashboard,
];

const ROOT = new URL("../", import.meta.url);
const deno = Deno.execPath();

if (!(await ensureWrk())) {
  console.error(
    "deno task bench needs wrk: run `sudo apt-get install -y wrk`, then re-run.",
  );
  Deno.exit(1);
}
const only = Deno.env.get("BENCH_ONLY")?.split(",");
const sections = only
  ? SECTIONS.filter((s) => only.includes(s.name))
  : SECTIONS;
if (!sections.length) {
  console.error(
    `BENCH_ONLY names no section; sections: ${
      SECTIONS.map((s) => s.name).join(", ")
    }`,
  );
  Deno.exit(2);
}

console.log("Building the island bundle…");
const build = await new Deno.Command(deno, {
  args: ["task", "build"],
  cwd: ROOT,
  stdout: "null",
  stderr: "inherit",
}).output();
if (!build.success) Deno.exit(1);

// A store with the bundled courses and the demo data, shared by sections.
const kvDir = await Deno.makeTempDir({ prefix: "sa-bench-" });
const kvPath = `${kvDir}/academy.kv`;
await (await startServer({ kvPath })).stop();

const rows: Row[] = [];
try {
  for (const s of sections) {
    console.log(`Measuring ${s.name}…`);
    rows.push(...await s.run({ root: ROOT, kvPath }));
  }
} finally {
  await Deno.remove(kvDir, { recursive: true }).catch(() => {});
}

const printed = table(rows);
console.log("\n" + printed + "\n");

if (!only) {
  const cpu = (await Deno.readTextFile("/proc/cpuinfo").catch(() => "")).match(
    /model name\s*:\s*(.*)/,
  )?.[1] ?? "unknown CPU";
  const load = (await Deno.readTextFile("/proc/loadavg").catch(() => ""))
    .split(" ").slice(0, 3).join(" ");
  const md = `# Benchmarks

Measured by \`deno task bench\` (bench/run.ts and one module per section).
Every figure is compared with a reference measured in the same run on the
same machine, so ratios, not absolute numbers, are what the budgets check.

- Date: ${new Date().toISOString()}
- Machine: ${navigator.hardwareConcurrency} cores, ${cpu}, ${
    (Deno.systemMemoryInfo().total / 2 ** 30).toFixed(0)
  } GiB; load average at the end ${load} (the machine is shared)
- Deno ${Deno.version.deno}, V8 ${Deno.version.v8}
- Command: \`deno task bench\`

${printed}

${sections.map((s) => s.notes).join("\n\n")}
`;
  await Deno.writeTextFile(new URL("BENCHMARKS.md", ROOT), md);
}
const missed = rows.filter((r) => r.ok === false);
if (missed.length) {
  console.error(`Budget missed: ${missed.map((r) => r.metric).join("; ")}`);
  Deno.exit(1);
}
console.log(`All budgets met${only ? "" : "; BENCHMARKS.md updated"}.`);
