import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { checkContent } from "./check.ts";
import { loadContent } from "../content/loader.ts";
import {
  isProblemCode,
  parseYaml,
  type Problem,
  type ProblemMessage,
  problemText,
  validate,
} from "../content/source.ts";
import { LessonFrontmatterSchema } from "../content/schema.ts";
import { translator } from "../i18n/i18n.ts";

const zh = translator("zh-CN");
const en = translator("en");

const testdata = new URL("../content/testdata/", import.meta.url);
const fixture = (dir: string) => fileURLToPath(new URL(dir, testdata));

async function problemsOf(dir: string): Promise<Problem[]> {
  const { tree, problems } = await loadContent(fixture(dir));
  return [...problems, ...checkContent(tree)];
}

Deno.test("a YAML syntax problem reads in Chinese and in English, the parser's detail kept as a param", () => {
  const [p] = parseYaml("title: 你好: 请稍等\n", "a.yaml").problems;
  assert.equal(p.code, "problem.yaml.syntax_colon");
  assert.match(
    problemText(en, p),
    /^YAML syntax error: .+ \(quote text that contains ": "\)$/,
  );
  assert.match(
    problemText(zh, p),
    /^YAML 语法错误：.+（含有“: ”的文本要加引号）$/,
  );
  assert.ok(problemText(zh, p).includes(String(p.params?.detail)));
});

Deno.test("a schema problem reads in Chinese and in English, with its field first", () => {
  const parsed = parseYaml(
    "id: Bad_Id\ntitle: t\nminutes: 30\nobjectives: [o]\nskills: [s]\n",
    "l.md",
  );
  const { problems } = validate(LessonFrontmatterSchema, parsed, "l.md");
  const id = problems.find((p) => p.field === "id")!;
  assert.equal(id.code, "problem.schema.id");
  assert.equal(
    problemText(en, id),
    'id: must be a lowercase kebab-case id like "late-parcel", got "Bad_Id"',
  );
  assert.equal(
    problemText(zh, id),
    'id：必须是小写字母、数字和短横线组成的编号，如“late-parcel”，当前是 "Bad_Id"',
  );
  const minutes = problems.find((p) => p.field === "minutes")!;
  assert.equal(
    problemText(en, minutes),
    "minutes: must be 15-20 (one knowledge unit); split longer lessons",
  );
  assert.equal(
    problemText(zh, minutes),
    "minutes：必须在 15-20 之间（一个知识单元）；较长的课请拆开",
  );
});

Deno.test("a generic zod issue names what was expected and what came, in both languages", () => {
  const parsed = parseYaml(
    "id: a\ntitle: [x]\nminutes: 15\nobjectives: [o]\nskills: [s]\n",
    "l.md",
  );
  const [p] = validate(LessonFrontmatterSchema, parsed, "l.md").problems;
  assert.equal(p.code, "problem.schema.type");
  assert.equal(problemText(en, p), "title: must be a string, got a list");
  assert.equal(problemText(zh, p), "title：必须是文本，当前是 列表");
});

Deno.test("a check problem reads in Chinese and in English, its kind of id translated", async () => {
  const problems = await problemsOf("broken/missing-ref");
  const p = problems.find((x) => x.code === "problem.check.missing_ref_near") ??
    problems.find((x) => x.code === "problem.check.missing_ref");
  assert.ok(p, problems.map((x) => problemText(en, x)).join("\n"));
  const id = String(p.params?.id);
  assert.match(problemText(en, p), new RegExp(`"${id}" does not exist`));
  assert.match(problemText(zh, p), new RegExp(`“${id}”不存在`));
  assert.doesNotMatch(
    problemText(zh, p),
    /does not exist|\b(module|lesson|bank|rubric)\b "/,
  );
});

/** Every message a problem names, its own and those in its params. */
function messages(m: ProblemMessage): ProblemMessage[] {
  return [
    m,
    ...Object.values(m.params ?? {}).flatMap((v) =>
      typeof v === "object" ? messages(v) : []
    ),
  ];
}

Deno.test("every problem of every broken fixture is a catalog message with all its params, in both languages", async () => {
  const dirs = [...Deno.readDirSync(new URL("broken/", testdata))]
    .filter((e) => e.isDirectory).map((e) => `broken/${e.name}`).sort();
  assert.ok(dirs.length > 30, `only ${dirs.length} broken fixtures`);
  const bad: string[] = [];
  let count = 0;
  for (const dir of dirs) {
    const problems = await problemsOf(dir);
    assert.ok(problems.length > 0, `${dir} reports no problem`);
    for (const p of problems) {
      count++;
      // A problem is its location, field, code and params: no sentence of its own.
      const extra = Object.keys(p).filter((k) =>
        !["path", "line", "col", "field", "code", "params"].includes(k)
      );
      if (extra.length) bad.push(`${dir} ${p.path}: has ${extra}`);
      for (const m of messages(p)) {
        if (!isProblemCode(m.code)) bad.push(`${dir} ${p.path}: ${m.code}`);
        // Stored with the content status: text, numbers and messages only.
        for (const [k, v] of Object.entries(m.params ?? {})) {
          if (
            !["string", "number", "object"].includes(typeof v) || v === null
          ) {
            bad.push(`${dir} ${p.path}: ${m.code} ${k}=${v}`);
          }
        }
      }
      for (const t of [en, zh]) {
        const text = problemText(t, p);
        // translate() leaves a placeholder without a value as `{name}`.
        if (/\{[a-zA-Z]+\}/.test(text.replace(/\{\{[^}]*\}\}/g, ""))) {
          bad.push(`${dir} ${p.path}:${p.line}: unfilled: ${text}`);
        }
      }
    }
  }
  assert.ok(count > 40, `only ${count} problems`);
  assert.deepEqual(bad, []);
});
