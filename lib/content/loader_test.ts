import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { courseHash, loadContent } from "./loader.ts";
import { englishText } from "./source.ts";

const fixture = (dir: string) =>
  fileURLToPath(new URL(`./testdata/${dir}`, import.meta.url));

/** Asserts a problem at `path:line` whose message holds `text`, listing all problems when not. */
async function assertLoadProblem(dir: string, at: string, text: string) {
  const { problems } = await loadContent(fixture(`broken/${dir}`));
  const lines = problems.map((p) =>
    `${p.path}:${p.line}:${p.col}: ${englishText(p)}`
  );
  assert.ok(
    lines.some((l) => l.startsWith(`${at}:`) && l.includes(text)),
    `expected a problem at ${at} with "${text}", got:\n${lines.join("\n")}`,
  );
}

Deno.test("loadContent() loads the valid fixture into a typed tree without problems", async () => {
  const { tree, problems } = await loadContent(fixture("valid"));
  assert.deepEqual(problems, []);
  assert.equal(tree.courses.length, 1);
  const [course] = tree.courses;
  assert.equal(course.dir, "courses/demo");
  assert.equal(course.coverage?.data.facts[0].id, "three-stages");
  const [module] = course.modules;
  assert.equal(module.dir, "01-basics");
  assert.equal(module.data.quiz?.bank, "basics");
  const [lesson] = module.lessons;
  assert.equal(lesson.path, "courses/demo/01-basics/01-stages.md");
  assert.equal(lesson.bodyLine, 11);
  assert.match(lesson.body, /## 三个阶段/);
  // The fenced example inside ````markdown is not a check.
  assert.deepEqual(lesson.checks.map((c) => c.line), [16, 34]);
  assert.equal(lesson.fenceCount, 2);
  assert.deepEqual(lesson.checks[1].data, { ref: "q-basics-002" });
  assert.deepEqual(
    [
      tree.banks,
      tree.rubrics,
      tree.scenarios,
      tree.drills,
      tree.surveys,
      tree.observations,
      tree.exams,
      tree.plans,
    ]
      .map((list) => list.length),
    [1, 1, 1, 1, 1, 1, 1, 1],
  );
  assert.equal(tree.banks[0].data.questions.length, 7);
  assert.deepEqual(tree.invalid, {});
});

Deno.test("loadContent() gives each course a stable SHA-256 content hash", async () => {
  const a = await loadContent(fixture("valid"));
  const b = await loadContent(fixture("valid"));
  assert.match(a.tree.courses[0].hash, /^[0-9a-f]{64}$/);
  assert.equal(a.tree.courses[0].hash, b.tree.courses[0].hash);
});

Deno.test("loadContent() produces a JSON-serialisable tree", async () => {
  const { tree } = await loadContent(fixture("valid"));
  assert.deepEqual(JSON.parse(JSON.stringify(tree)), tree);
});

Deno.test("loadContent() reports nothing for a folder without content", async () => {
  const { tree, problems } = await loadContent(fixture("does-not-exist"));
  assert.deepEqual(problems, []);
  assert.deepEqual(tree.courses, []);
});

Deno.test("courseHash() depends on paths and bytes, not on their order", async () => {
  const enc = new TextEncoder();
  const one = await courseHash([["a", enc.encode("x")], [
    "b",
    enc.encode("y"),
  ]]);
  assert.equal(
    await courseHash([["b", enc.encode("y")], ["a", enc.encode("x")]]),
    one,
  );
  assert.notEqual(
    await courseHash([["a", enc.encode("x")], ["b", enc.encode("z")]]),
    one,
  );
  assert.notEqual(
    await courseHash([["a", enc.encode("xb")], ["", enc.encode("y")]]),
    one,
  );
});

Deno.test("loadContent() reports a YAML syntax error at its line", async () => {
  await assertLoadProblem(
    "yaml-syntax",
    "assessments/rubrics/reply.yaml:3",
    "YAML syntax error",
  );
});

Deno.test("loadContent() reports an unknown field at its line", async () => {
  await assertLoadProblem(
    "unknown-field",
    "assessments/surveys/reaction-basics.yaml:2",
    'titel: unknown field (did you mean "title"?)',
  );
});

Deno.test("loadContent() reports a wrong type at its line", async () => {
  await assertLoadProblem(
    "wrong-type",
    "assessments/observations/qa-scorecard.yaml:3",
    'passPercent: must be a number, got "high"',
  );
});

Deno.test("loadContent() reports a bad id at its line", async () => {
  await assertLoadProblem(
    "bad-id",
    "assessments/observations/QA_Scorecard.yaml:1",
    "id: must be a lowercase kebab-case id",
  );
});

Deno.test("loadContent() maps lesson frontmatter to the lesson file's lines", async () => {
  await assertLoadProblem(
    "lesson-lines",
    "courses/demo/01-basics/01-stages.md:4",
    "minutes: must be 15-20",
  );
});

Deno.test("loadContent() maps an inline quiz fence to the lesson file's lines", async () => {
  await assertLoadProblem(
    "lesson-lines",
    "courses/demo/01-basics/01-stages.md:14",
    'answer: must be a boolean, got "yes please"',
  );
});

Deno.test("loadContent() reports a scenario choice without next", async () => {
  await assertLoadProblem(
    "scenario-missing-next",
    "assessments/scenarios/missing-next.yaml:13",
    "nodes.open.choices[0].next: is required: every choice must lead to a node or an ending",
  );
});

Deno.test("loadContent() keeps ids of invalid files so references to them are not missing", async () => {
  const { tree } = await loadContent(fixture("broken/wrong-type"));
  assert.deepEqual(tree.invalid, { observation: ["qa-scorecard"] });
  assert.deepEqual(tree.observations, []);
});

Deno.test("loadContent() reports module folders missing from or absent in course.yaml", async () => {
  await assertLoadProblem(
    "course-modules",
    "courses/demo/course.yaml:6",
    'module folder "02-missing" does not exist',
  );
  await assertLoadProblem(
    "course-modules",
    "courses/demo/course.yaml:6",
    'folder "03-extra" is not listed',
  );
});
