/**
 * `deno task test`: the whole suite, as CI runs it. Steps stop at the first
 * failure: format/lint/type-check, fresh.gen.ts staleness, content:check on
 * the bundled content, chromium present (installed via apt-get when root),
 * then every test (unit, integration, browser). Ends with one summary line.
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

console.log("\n== tests: deno test -A --unstable-kv --doc");
const child = new Deno.Command(deno, {
  args: ["test", "-A", "--unstable-kv", "--doc", ...Deno.args],
  stdout: "piped",
  stderr: "inherit",
  env: { ...Deno.env.toObject() },
}).spawn();
let tail = "";
const decoder = new TextDecoder();
for await (const chunk of child.stdout) {
  await Deno.stdout.write(chunk);
  tail = (tail + decoder.decode(chunk)).slice(-4000);
}
const { code } = await child.status;
// deno test's own summary line is "ok | 12 passed | 0 failed"; CI reads the plain form.
// deno-lint-ignore no-control-regex
const plain = tail.replace(/\x1b\[[0-9;]*m/g, "");
const m = /(\d+) passed(?: \(\d+ steps?\))? \| (\d+) failed/.exec(plain);
if (m) console.log(`\ntests: ${m[1]} passed, ${m[2]} failed`);
Deno.exit(code);
