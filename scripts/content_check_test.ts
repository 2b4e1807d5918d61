import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";

const script = fileURLToPath(new URL("./content_check.ts", import.meta.url));
const fixture = (dir: string) =>
  fileURLToPath(new URL(`../lib/content/testdata/${dir}`, import.meta.url));

async function run(dir: string) {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", script, fixture(dir)],
  }).output();
  return { code: out.code, stdout: new TextDecoder().decode(out.stdout) };
}

Deno.test("content:check exits 0 and prints the counts for valid content", async () => {
  const { code, stdout } = await run("valid");
  assert.equal(code, 0);
  assert.match(stdout, /^courses \/ modules \/ lessons +1 \/ 1 \/ 1$/m);
  assert.match(stdout, /Content OK/);
});

Deno.test("content:check exits 1 and prints every problem as path:line:col: message", async () => {
  const { code, stdout } = await run("broken/plan-missing-day");
  assert.equal(code, 1);
  const problems = stdout.split("\n").filter((l) => /^\S+:\d+:\d+: /.test(l));
  assert.deepEqual(problems.map((l) => l.split(": ")[0]), [
    "assessments/plans/plan.yaml:3:1",
    "assessments/plans/plan.yaml:4:1",
    "assessments/plans/plan.yaml:6:7",
    "assessments/plans/plan.yaml:8:7",
  ]);
  assert.match(stdout, /4 problems/);
});
