import assert from "node:assert/strict";
import { z } from "zod";
import {
  englishText,
  label,
  locate,
  parseYaml,
  splitLesson,
  validate,
} from "./source.ts";

Deno.test("parseYaml() records the line and column of every key and item", () => {
  const parsed = parseYaml("id: a\nlist:\n  - x\n  - { k: v }\n", "f.yaml");
  assert.deepEqual(parsed.data, { id: "a", list: ["x", { k: "v" }] });
  assert.deepEqual(locate(parsed.pos, ["list", 1, "k"]), { line: 4, col: 7 });
  assert.deepEqual(locate(parsed.pos, ["list", 0]), { line: 3, col: 5 });
});

Deno.test("parseYaml() shifts lines by the document's offset in its file", () => {
  const parsed = parseYaml("id: a\nx: 1\n", "l.md", 10);
  assert.deepEqual(locate(parsed.pos, ["x"]), { line: 12, col: 1 });
});

Deno.test("locate() falls back to the nearest existing ancestor", () => {
  const parsed = parseYaml("a:\n  b: 1\n", "f.yaml");
  assert.deepEqual(locate(parsed.pos, ["a", "missing", 3]), {
    line: 1,
    col: 1,
  });
});

Deno.test("parseYaml() reports syntax errors with their position and no data", () => {
  const parsed = parseYaml("id: a\ntitle: 投诉: 先道歉\n", "f.yaml");
  assert.equal(parsed.data, undefined);
  assert.equal(parsed.problems.length, 1);
  assert.deepEqual([parsed.problems[0].line, parsed.problems[0].col], [2, 8]);
  assert.match(
    englishText(parsed.problems[0]),
    /quote text that contains ": "/,
  );
});

Deno.test("parseYaml() explains a value that starts with a quoted phrase", () => {
  const parsed = parseYaml(
    'id: a\nexplanation: "全网最好"属于极限用语\n',
    "f.yaml",
  );
  assert.equal(parsed.problems[0].line, 2);
  assert.match(
    englishText(parsed.problems[0]),
    /starts with a quote must end with it/,
  );
});

Deno.test("parseYaml() reports a key typed twice", () => {
  const parsed = parseYaml("id: a\nid: b\n", "f.yaml");
  assert.equal(parsed.problems[0].line, 2);
});

const Thing = z.strictObject({
  title: z.string(),
  items: z.array(z.strictObject({ text: z.string() })),
});

Deno.test("validate() names the unknown field and suggests the one meant", () => {
  const { problems } = validate(
    Thing,
    parseYaml("titel: a\nitems: []\n", "f.yaml"),
    "f.yaml",
  );
  assert.deepEqual(
    problems.map((p) => `${p.line}:${p.col} ${englishText(p)}`),
    [
      "1:1 title: is required",
      '1:1 titel: unknown field (did you mean "title"?)',
    ],
  );
});

Deno.test("validate() explains text cut at an unquoted comma in a flow mapping", () => {
  const { problems } = validate(
    Thing,
    parseYaml("title: a\nitems:\n  - { text: 你好,请稍等 }\n", "f.yaml"),
    "f.yaml",
  );
  assert.equal(problems.length, 1);
  assert.equal(problems[0].line, 3);
  assert.match(
    englishText(problems[0]),
    /^items\[0\]\.请稍等: unknown field: .*quote that text/,
  );
});

Deno.test("validate() says which type was expected and what was found", () => {
  const { problems } = validate(
    Thing,
    parseYaml("title: 3\nitems: x\n", "f.yaml"),
    "f.yaml",
  );
  assert.deepEqual(problems.map((p) => englishText(p)), [
    "title: must be a string, got number 3",
    'items: must be a list, got "x"',
  ]);
});

Deno.test("label() renders paths the way authors read them", () => {
  assert.equal(
    label(["nodes", "open", "choices", 1, "next"]),
    "nodes.open.choices[1].next",
  );
});

Deno.test("splitLesson() finds frontmatter, body and quiz fences but skips nested examples", () => {
  const text = [
    "---",
    "id: a",
    "---",
    "text",
    "```quiz",
    "ref: q-1",
    "```",
    "````markdown",
    "```quiz",
    "not: a check",
    "```",
    "````",
  ].join("\n");
  const lesson = splitLesson(text, "l.md");
  assert.equal(lesson.frontmatter, "id: a");
  assert.equal(lesson.bodyLine, 4);
  assert.deepEqual(lesson.fences, [{ text: "ref: q-1", line: 5 }]);
  assert.deepEqual(lesson.problems, []);
});

Deno.test("splitLesson() reports a missing frontmatter and an unclosed quiz fence", () => {
  const lesson = splitLesson("# title\n\n```quiz\nref: a\n", "l.md");
  assert.deepEqual(
    lesson.problems.map((p) => `${p.line}: ${englishText(p).split(":")[0]}`),
    [
      "1: Lesson has no frontmatter",
      "3: Quiz fence is not closed",
    ],
  );
});
