/**
 * `deno task test`: the whole suite, as CI runs it. Steps stop at the first
 * failure: format/lint/type-check, fresh.gen.ts staleness, content:check on
 * the bundled content, chromium present (installed via apt-get when root),
 * then every test (unit, integration, browser), then the reliability suite
 * (`deno task test:reliability`: crashes, two instances, fuzz, backup).
 * Ends with one summary line.
 */
import { ensureChromium } from "./ensure_chromium.ts";

const deno = Deno.execPath();

async function step(name: string, args: string[]): Promise<void> {
  console.log(`\n== ${name}: deno ${args.join(" ")}`);
  const { code } = await new Deno.Command(deno, {
    args,
    stdout: "inherit",
    stderr: "inherit",
  }).output();
  if (code !== 0) {
    console.error(`\n${name} failed (exit ${code})`);
    Deno.exit(code);
  }
}

await step("format, lint, type-check", ["task", "check"]);
await step("manifest is current", [
  "run",
  "-A",
  "dev.ts",
  "manifest",
  "--check",
]);
await step("content check", ["task", "content:check"]);
if (!(await ensureChromium())) Deno.exit(1);

/** Runs `deno <args>` streaming its output; returns its exit code and counts. */
async function tests(
  name: string,
  args: string[],
): Promise<{ code: number; passed: number; failed: number }> {
  console.log(`\n== ${name}: deno ${args.join(" ")}`);
  const child = new Deno.Command(deno, {
    args,
    stdout: "piped",
    stderr: "inherit",
    env: { ...Deno.env.toObject(), SA_TEST_SNAPSHOTS: snapshots },
  }).spawn();
  let tail = "";
  const decoder = new TextDecoder();
  for await (const chunk of child.stdout) {
    await Deno.stdout.write(chunk);
    tail = (tail + decoder.decode(chunk)).slice(-4000);
  }
  const { code } = await child.status;
  // deno test's own summary line is "ok | 12 passed | 0 failed".
  // deno-lint-ignore no-control-regex
  const plain = tail.replace(/\x1b\[[0-9;]*m/g, "");
  const m = /(\d+) passed(?: \(\d+ steps?\))? \| (\d+) failed/.exec(plain);
  return { code, passed: Number(m?.[1] ?? 0), failed: Number(m?.[2] ?? 0) };
}

// Seeded stores shared by every test process of this run (tests/server.ts):
// the first server per content seeds, the others copy its file.
const snapshots = await Deno.makeTempDir({ prefix: "sa-test-snapshots-" });

// The reliability suite runs as its own step, so its report stands apart;
// a run of chosen test files (arguments given) skips it.
//
// The test files run in parallel (one process per file, as many as DENO_JOBS
// or the cores allow): each starts its own server on its own port and KV file
// (a copy of the run's seeded snapshot) and its own browser, so they share
// nothing. Their waits are on real conditions and their limits are sized for
// a loaded machine (tests/server.ts, tests/browser/browser.ts), so the load
// of the neighbours slows them without failing them. SA_TEST_PARALLEL=0 runs
// them one after another. The reliability suite always runs serially: it
// measures time bounds that other load would blur.
const parallel = Deno.env.get("SA_TEST_PARALLEL") === "0" ? [] : ["--parallel"];
const runs = [
  await tests("tests", [
    "test",
    "-A",
    "--unstable-kv",
    "--doc",
    ...parallel,
    "--ignore=tests/reliability/",
    ...Deno.args,
  ]),
];
if (runs[0].code === 0 && Deno.args.length === 0) {
  runs.push(await tests("reliability suite", ["task", "test:reliability"]));
}
await Deno.remove(snapshots, { recursive: true });
const passed = runs.reduce((n, r) => n + r.passed, 0);
const failed = runs.reduce((n, r) => n + r.failed, 0);
// CI reads this plain line.
console.log(`\ntests: ${passed} passed, ${failed} failed`);
Deno.exit(runs.find((r) => r.code !== 0)?.code ?? 0);
