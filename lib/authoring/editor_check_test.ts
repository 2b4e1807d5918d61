import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { fileTreeSource } from "@/lib/content/content_source.ts";
import { checkFile, fileKind } from "./editor_check.ts";
import { courseFiles } from "./workspace.ts";
import { englishText } from "@/lib/content/source.ts";

const files = await courseFiles(
  fileTreeSource(
    fileURLToPath(new URL("../content/testdata/valid", import.meta.url)),
  ),
  "courses/demo",
);
const SCENARIO = "assessments/scenarios/late-parcel.yaml";
const LESSON = "courses/demo/01-basics/01-stages.md";
const MODEL =
  "王女士,非常抱歉让您久等了!我已为您查询到包裹在转运中心,今天下午 6 点前给您回复。";

Deno.test("checkFile() grades the model answer live: the bundled one passes, one that blames the courier does not", async () => {
  const good = await checkFile(files, SCENARIO, files[SCENARIO]);
  const model = good.verdicts.find((v) => v.text === MODEL)!;
  assert.equal(model.passed, true);
  const line =
    files[SCENARIO].split("\n").findIndex((l) => l.includes("modelAnswer:")) +
    1;
  assert.equal(model.line, line);

  const blamed = files[SCENARIO].replace(
    MODEL,
    "王女士,这是快递公司的问题,跟我们没关系,您去找快递吧。",
  );
  const bad = await checkFile(files, SCENARIO, blamed);
  const verdict = bad.verdicts.find((v) => v.line === line)!;
  assert.equal(verdict.passed, false);
  assert.ok(verdict.blockers.length > 0, JSON.stringify(verdict));
  // content:check reports the same model answer at the same line.
  assert.ok(
    bad.problems.some((p) => p.line === line),
    JSON.stringify(bad.problems),
  );
});

Deno.test("checkFile() reports a schema error at its line and still previews a lesson", async () => {
  const lines = files[LESSON].split("\n");
  const at = lines.findIndex((l) => l.startsWith("minutes:"));
  lines[at] = "minutes: 90";
  const check = await checkFile(files, LESSON, lines.join("\n"));
  assert.equal(check.kind, "lesson");
  assert.ok(
    check.problems.some((p) =>
      p.line === at + 1 && /minutes/.test(englishText(p))
    ),
  );
  // The frontmatter does not load, so the body previews on its own.
  assert.equal(check.preview?.frontmatter, undefined);
  assert.match(check.preview!.parts.join(""), /三个阶段/);
});

Deno.test("checkFile() previews a valid lesson with its inline checks as learners get them", async () => {
  const check = await checkFile(
    files,
    LESSON,
    files[LESSON].replace("正文。", "新正文。"),
  );
  assert.deepEqual(check.problems, []);
  assert.equal(check.preview?.frontmatter?.id, "basics-stages");
  assert.match(check.preview!.parts.join(""), /新正文/);
  assert.equal(check.preview!.checks.length, 2);
  // No answer key leaves the server in a preview either.
  assert.doesNotMatch(JSON.stringify(check.preview!.checks), /correct/);
});

Deno.test("fileKind() names each content path's editor", () => {
  assert.equal(fileKind("assessments/policy.yaml"), "policy");
  assert.equal(fileKind(SCENARIO), "scenario");
  assert.equal(fileKind("assessments/quizzes/basics.yaml"), "bank");
  assert.equal(fileKind(LESSON), "lesson");
  assert.equal(fileKind("courses/demo/01-basics/module.yaml"), "module");
  assert.equal(fileKind("courses/demo/course.yaml"), "course");
});
