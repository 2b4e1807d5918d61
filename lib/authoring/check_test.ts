import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { checkContent, countContent, normalizeReply } from "./check.ts";
import { loadContent } from "../content/loader.ts";
import { bankBalance, formatBankBalance } from "./checks/bank_balance.ts";
import { englishText } from "@/lib/content/source.ts";

const fixture = (dir: string) =>
  fileURLToPath(new URL(`../content/testdata/${dir}`, import.meta.url));

async function problemLines(dir: string): Promise<string[]> {
  const { tree, problems } = await loadContent(fixture(dir));
  return [...problems, ...checkContent(tree)].map((p) =>
    `${p.path}:${p.line}:${p.col}: ${englishText(p)}`
  );
}

/** Asserts a problem at `path:line` whose message holds `text`, listing all problems when not. */
async function assertProblem(dir: string, at: string, text: string) {
  const lines = await problemLines(`broken/${dir}`);
  assert.ok(
    lines.some((l) => l.startsWith(`${at}:`) && l.includes(text)),
    `expected a problem at ${at} with "${text}", got:\n${lines.join("\n")}`,
  );
}

Deno.test("checkContent() finds nothing wrong in the valid fixture", async () => {
  assert.deepEqual(await problemLines("valid"), []);
});

Deno.test("countContent() counts lessons, question types, decision points and drills", async () => {
  const { tree } = await loadContent(fixture("valid"));
  const c = countContent(tree);
  assert.equal(c.lessons, 1);
  assert.equal(c.inlineChecks, 2);
  // Seven bank questions plus the inline single-choice question; the ref is not counted twice.
  assert.deepEqual(c.questions, {
    single: 2,
    multiple: 1,
    truefalse: 1,
    ordering: 1,
    matching: 1,
    fillin: 1,
    written: 1,
  });
  assert.equal(c.scenarios, 1);
  assert.equal(c.decisionPoints, 3);
  assert.equal(c.freeTextNodes, 1);
  assert.deepEqual([c.drillSets, c.drillItems, c.surveys], [1, 1, 1]);
  assert.deepEqual(c.psychologies, ["venting"]);
  assert.equal(c.allPsychologies, false);
});

Deno.test("normalizeReply() turns full-width characters half-width", () => {
  assert.equal(normalizeReply("２４小时，ＯＫ？"), "24小时,OK?");
});

// ------------------------------------------------------------ references and ids

Deno.test("checkContent() reports a missing question", async () => {
  await assertProblem(
    "missing-ref",
    "courses/demo/01-basics/01-stages.md:12",
    'ref: question "q-missing" does not exist',
  );
});

Deno.test("checkContent() reports a missing rubric", async () => {
  await assertProblem(
    "missing-ref",
    "assessments/quizzes/basics.yaml:10",
    'rubric "no-rubric" does not exist',
  );
});

Deno.test("checkContent() reports a missing scenario", async () => {
  await assertProblem(
    "missing-ref",
    "courses/demo/01-basics/01-stages.md:8",
    'scenario "ghost" does not exist',
  );
  await assertProblem(
    "missing-ref",
    "assessments/exams/final.yaml:7",
    'scenario "missing-scenario" does not exist',
  );
});

Deno.test("checkContent() reports a missing bank and suggests a near id", async () => {
  await assertProblem(
    "missing-ref",
    "courses/demo/01-basics/module.yaml:6",
    'bank "basic" does not exist (did you mean "basics"?)',
  );
  await assertProblem(
    "missing-ref",
    "assessments/exams/final.yaml:4",
    'bank "missing-bank" does not exist',
  );
});

Deno.test("checkContent() reports a missing lesson", async () => {
  await assertProblem(
    "missing-ref",
    "courses/demo/coverage.yaml:4",
    'lesson "basics-ghost" does not exist',
  );
});

Deno.test("checkContent() reports a skill not in the course vocabulary", async () => {
  await assertProblem(
    "missing-ref",
    "courses/demo/01-basics/01-stages.md:6",
    'skill "service-stagez" is not in any course.yaml skills list (did you mean "service-stages"?)',
  );
});

Deno.test("checkContent() reports a duplicate id at the second definition", async () => {
  await assertProblem(
    "duplicate-id",
    "assessments/quizzes/b.yaml:12",
    'duplicate question id "q-same": already defined at assessments/quizzes/a.yaml:4',
  );
});

// ------------------------------------------------------------ scenario graphs

Deno.test("checkContent() reports an unreachable node", async () => {
  await assertProblem(
    "scenario-unreachable",
    "assessments/scenarios/unreachable.yaml:20",
    'node "orphan" is unreachable from start "open"',
  );
});

Deno.test("checkContent() reports a node where every choice is conditional", async () => {
  await assertProblem(
    "scenario-dead-end",
    "assessments/scenarios/dead-end.yaml:12",
    "every choice has a `when` condition",
  );
});

Deno.test("checkContent() reports a condition naming a missing choice", async () => {
  await assertProblem(
    "scenario-dead-end",
    "assessments/scenarios/dead-end.yaml:25",
    'choice "open.nope" does not exist',
  );
});

Deno.test("checkContent() reports next to a missing node", async () => {
  await assertProblem(
    "scenario-missing-target",
    "assessments/scenarios/missing-target.yaml:17",
    '"resolvd" is not a node or ending of this scenario',
  );
});

Deno.test("checkContent() reports a cycle without exit", async () => {
  await assertProblem(
    "scenario-cycle",
    "assessments/scenarios/cycle.yaml:21",
    'node "a" never reaches an ending',
  );
  await assertProblem(
    "scenario-cycle",
    "assessments/scenarios/cycle.yaml:25",
    'node "b" never reaches an ending',
  );
});

Deno.test("checkContent() reports a scenario without a good ending", async () => {
  await assertProblem(
    "scenario-no-good-ending",
    "assessments/scenarios/no-good-ending.yaml:14",
    "needs at least one ending with outcome resolved or escalated",
  );
});

Deno.test("checkContent() reports a model path that ends badly", async () => {
  await assertProblem(
    "scenario-bad-model-path",
    "assessments/scenarios/bad-model-path.yaml:17",
    'the model path (best-scoring choices: open → lost) ends in "lost"',
  );
});

Deno.test("checkContent() reports a path that scores above the model path, at the move that leaves it", async () => {
  await assertProblem(
    "scenario-outscores-model",
    "assessments/scenarios/outscores.yaml:20",
    "a path scores 6 points, above the model path's 3: open.detour → recover.make-up → resolved",
  );
});

Deno.test("checkContent() reports a loop that gains points on every lap", async () => {
  await assertProblem(
    "scenario-point-loop",
    "assessments/scenarios/point-loop.yaml:30",
    'a loop gains 2 points each time round (open.ask-again → again.back → back to "open")',
  );
});

Deno.test("checkContent() reports a red-line choice that still ends resolved", async () => {
  await assertProblem(
    "scenario-redline-resolved",
    "assessments/scenarios/redline.yaml:25",
    'red-line choice "open.promise" (promise) still ends resolved',
  );
});

Deno.test("checkContent() reports an option the grader would block that is not tagged as a red line", async () => {
  await assertProblem(
    "scenario-untagged-redline",
    "assessments/scenarios/untagged.yaml:19",
    'option "open.courier" crosses the red line "blame"',
  );
});

// ------------------------------------------------------------ answer keys

Deno.test("checkContent() reports a single-choice question with two correct options", async () => {
  await assertProblem(
    "single-two-correct",
    "assessments/quizzes/single.yaml:13",
    "needs exactly one correct option, found 2",
  );
});

Deno.test("checkContent() reports an ordering answer that is not a permutation", async () => {
  await assertProblem(
    "ordering-not-permutation",
    "assessments/quizzes/ordering.yaml:15",
    'missing "c"; unknown or repeated "b"',
  );
});

Deno.test("checkContent() reports a matching answer without every left item", async () => {
  await assertProblem(
    "matching-incomplete",
    "assessments/quizzes/matching.yaml:17",
    'has no match for left item "b"',
  );
});

Deno.test("checkContent() reports a fill-in prompt without a blank", async () => {
  await assertProblem(
    "fillin-no-blank",
    "assessments/quizzes/fillin.yaml:10",
    'must contain exactly one blank "____", found 0',
  );
});

// ------------------------------------------------------------ model answers and rubrics

Deno.test("checkContent() reports a model answer with a forbidden word", async () => {
  await assertProblem(
    "forbidden-word",
    "assessments/drills/drill-greeting.yaml:10",
    'model answer uses forbidden wording "大概" (vague: 含糊用语) of rubric "reply"',
  );
});

Deno.test("checkContent() reports a model answer missing an asked element", async () => {
  await assertProblem(
    "forbidden-word",
    "assessments/drills/drill-greeting.yaml:15",
    'misses required element "time"',
  );
  await assertProblem(
    "forbidden-word",
    "assessments/scenarios/choice-words.yaml:27",
    'misses required element "time"',
  );
});

Deno.test("checkContent() reports a best choice with a forbidden word", async () => {
  await assertProblem(
    "forbidden-word",
    "assessments/scenarios/choice-words.yaml:15",
    'best choice uses forbidden wording "大概"',
  );
});

Deno.test("checkContent() reports an element the rubric does not have", async () => {
  await assertProblem(
    "forbidden-word",
    "assessments/scenarios/choice-words.yaml:25",
    'has no required criterion for element "closing"',
  );
});

Deno.test("checkContent() reports an invalid regular expression", async () => {
  await assertProblem(
    "bad-regex",
    "assessments/rubrics/reply.yaml:19",
    'invalid regular expression "(大概"',
  );
});

// ------------------------------------------------------------ lessons, plans, coverage

Deno.test("checkContent() reports a lesson with no inline check", async () => {
  await assertProblem(
    "lesson-lines",
    "courses/demo/01-basics/02-no-check.md:2",
    "lesson has no inline check",
  );
});

Deno.test("checkContent() reports a missing plan day", async () => {
  await assertProblem(
    "plan-missing-day",
    "assessments/plans/plan.yaml:4",
    "day 7 missing: days 1-30 must each appear once",
  );
});

Deno.test("checkContent() reports a repeated plan day and a working day without items", async () => {
  await assertProblem(
    "plan-missing-day",
    "assessments/plans/plan.yaml:8",
    "day 3 appears twice",
  );
  await assertProblem(
    "plan-missing-day",
    "assessments/plans/plan.yaml:6",
    "day 2 has no items",
  );
});

Deno.test("checkContent() reports a coverage fact without a question", async () => {
  await assertProblem(
    "coverage-no-question",
    "courses/demo/coverage.yaml:2",
    'fact "three-stages" is never asked',
  );
  await assertProblem(
    "coverage-no-question",
    "courses/demo/coverage.yaml:2",
    'fact "three-stages" is not taught',
  );
});

Deno.test("checkContent() reports, at the line, a lesson whose bold does not render", async () => {
  await assertProblem(
    "lesson-markup",
    "courses/demo/01-basics/01-stages.md:17",
    "Markdown markup shows as text",
  );
  // Bold next to Chinese text and full-width punctuation renders, code is code: no other problem.
  const lines = await problemLines("broken/lesson-markup");
  assert.deepEqual(
    lines.filter((l) => l.includes("markup")).map((l) => l.split(":")[1]),
    ["17"],
    lines.join("\n"),
  );
});

// ------------------------------------------------------------ house policy

Deno.test("checkContent() reports a refund figure that contradicts the policy", async () => {
  await assertProblem(
    "policy-refund",
    "assessments/quizzes/basics.yaml:9:21",
    'states time "一到三个工作日", which contradicts assessments/policy.yaml: {{refund}} = 1-2 天',
  );
});

Deno.test("checkContent() reports a placeholder the policy does not declare", async () => {
  await assertProblem(
    "policy-refund",
    "assessments/quizzes/basics.yaml:17:42",
    "placeholder {{refund-days}} names no figure in assessments/policy.yaml",
  );
});

Deno.test("checkContent() accepts placeholders and lines marked policy-ok, and fills the figures in", async () => {
  const lines = await problemLines("broken/policy-refund");
  assert.equal(
    lines.filter((l) => l.includes(":18:")).length,
    0,
    lines.join("\n"),
  );
  assert.equal(
    lines.filter((l) => l.includes(":10:")).length,
    0,
    lines.join("\n"),
  );
  const { tree } = await loadContent(fixture("broken/policy-refund"));
  const q = tree.banks[0].data.questions;
  assert.equal(q[0].explanation, "退款按原路，1-2 天到账。");
  assert.equal(
    q[1].prompt,
    "退货申请在30 分钟内审核，退款 {{refund-days}} 到账。",
  );
});

Deno.test("checkContent() reports a house figure copied as a number, at the figure", async () => {
  // Right today, wrong the day the policy changes: a copy of the whole value.
  await assertProblem(
    "policy-copied",
    "assessments/quizzes/basics.yaml:9:19",
    'states the house figure "48小时" as a copied number: write {{complaint-major-close}} instead',
  );
  // Another way of writing the same range is still a copy.
  await assertProblem(
    "policy-copied",
    "assessments/quizzes/basics.yaml:11:25",
    'states the house figure "1到2天" as a copied number: write {{refund}} instead',
  );
  // Arabic digits before 无理由 are the figure, not the law's name.
  await assertProblem(
    "policy-copied",
    "assessments/quizzes/basics.yaml:19:36",
    'states the house figure "7天" as a copied number: write {{no-reason-days}} instead',
  );
  // A coupon amount outside the allowance, found by its "元券" topic.
  await assertProblem(
    "policy-copied",
    "assessments/quizzes/basics.yaml:33:30",
    'states money "100元", which contradicts assessments/policy.yaml: {{coupon-allowance}}',
  );
  // The topic (主管) in the clause before the number, in the same sentence.
  await assertProblem(
    "policy-copied",
    "assessments/quizzes/basics.yaml:40:28",
    'states the house figure "48小时" as a copied number: write {{complaint-major-close}} instead',
  );
});

Deno.test("checkContent() lets through names, one amount of a list, policy-ok lines and vague counts", async () => {
  const lines = await problemLines("broken/policy-copied");
  const policy = lines.filter((l) => l.includes("assessments/policy.yaml"));
  // 七日无理由退货 (line 17) is the law's name; 10 元 (28) is one coupon of
  // 3、5 或 10 元; line 31 is marked policy-ok; 几十秒 (34) states no figure;
  // 1-2 天 (42) is a delivery time: 退款 comes in the clause after it.
  for (const line of [17, 28, 31, 34, 42]) {
    assert.deepEqual(
      policy.filter((l) => l.includes(`basics.yaml:${line}:`)),
      [],
      policy.join("\n"),
    );
  }
  assert.equal(policy.length, 5, policy.join("\n"));
});

Deno.test("checkContent() reports, at the image, lesson images without alt text", async () => {
  const at = "courses/demo/01-basics/01-stages.md";
  await assertProblem(
    "lesson-image-alt",
    `${at}:11:1`,
    "image has no alt text",
  );
  await assertProblem(
    "lesson-image-alt",
    `${at}:15:1`,
    "<img> has no alt attribute",
  );
  await assertProblem(
    "lesson-image-alt",
    `${at}:17:1`,
    "<img> has an empty alt",
  );
  await assertProblem(
    "lesson-image-alt",
    `${at}:27:8`,
    "<img> has no alt attribute",
  );
  // Described images, inline code and code blocks are not reported.
  const alt = (await problemLines("broken/lesson-image-alt"))
    .filter((l) => l.includes("alt"));
  assert.equal(alt.length, 4, alt.join("\n"));
});

Deno.test("checkContent() reports half-width punctuation in Chinese titles, summaries and objectives", async () => {
  await assertProblem(
    "half-width-punctuation",
    "courses/demo/course.yaml:3",
    "summary: half-width punctuation in Chinese text (: → ：)",
  );
  await assertProblem(
    "half-width-punctuation",
    "courses/demo/01-basics/module.yaml:6",
    "objectives[1]: half-width punctuation in Chinese text (, → ，)",
  );
  await assertProblem(
    "half-width-punctuation",
    "courses/demo/01-basics/01-stages.md:3",
    "title: half-width punctuation in Chinese text (( → （, ) → ）)",
  );
  // Full-width text and marks between Latin words are not reported.
  const marks = (await problemLines("broken/half-width-punctuation"))
    .filter((l) => l.includes("half-width"));
  assert.equal(marks.length, 3, marks.join("\n"));
});

Deno.test("checkContent() refuses an explanation that names options by letter, and unknown [[id]]s", async () => {
  await assertProblem(
    "option-letter",
    "assessments/quizzes/letters.yaml:14",
    "names options by letter (B, C)",
  );
  await assertProblem(
    "option-letter",
    "assessments/quizzes/letters.yaml:14",
    "B → [[b]], C → [[c]]",
  );
  await assertProblem(
    "option-letter",
    "assessments/quizzes/letters.yaml:25",
    "[[z]] names no option of this question (options: a, b, c)",
  );
  // FAB terms the prompt itself uses, and [[id]] references, are fine.
  const explained = (await problemLines("broken/option-letter"))
    .filter((l) => l.includes("explanation"));
  assert.equal(explained.length, 2, explained.join("\n"));
});

// ------------------------------------------------------------ question banks

Deno.test("checkContent() fails a bank whose key is the longest option too often", async () => {
  await assertProblem(
    "bank-longest",
    "assessments/quizzes/basics.yaml:1:1",
    "the key is the longest option in 2 of 3 single-choice questions (67%, at most 40% allowed)",
  );
});

Deno.test("bankBalance() reports where keys sit and which are longest", async () => {
  const { tree } = await loadContent(fixture("broken/bank-longest"));
  const [b] = bankBalance(tree);
  assert.deepEqual(b.positions, [0, 3]);
  assert.deepEqual(b.longestIds, ["q-basics-001", "q-basics-002"]);
  assert.equal(
    formatBankBalance(b),
    "basics: 3 single-choice, key at position 1:0 2:3, key longest 2 (67%), decision tagged 0 of 3",
  );
});

Deno.test("checkContent() reports a near-duplicate question at the second one", async () => {
  await assertProblem(
    "near-duplicate",
    "assessments/quizzes/basics.yaml:17:5",
    "q-basics-002 is a near-duplicate of q-basics-001 at assessments/quizzes/basics.yaml:9",
  );
});

// ------------------------------------------------------------ coverage

Deno.test("checkContent() reports a mapped lesson that does not teach its fact, and the fact as taught nowhere", async () => {
  await assertProblem(
    "coverage-untaught",
    "courses/demo/coverage.yaml:10:15",
    'lesson "basics-stages" does not teach fact "sanbao": none of "三包" appears in it',
  );
  await assertProblem(
    "coverage-untaught",
    "courses/demo/coverage.yaml:7:5",
    'fact "sanbao" (三包:7 天内退换修由顾客选) is taught nowhere',
  );
  await assertProblem(
    "coverage-untaught",
    "courses/demo/coverage.yaml:11:5",
    'no mapped question tests fact "sanbao"',
  );
});

Deno.test("checkContent() asks for key phrases on every fact, and accepts a fact that is taught and tested", async () => {
  await assertProblem(
    "coverage-untaught",
    "courses/demo/coverage.yaml:12:5",
    'fact "no-key" has no key phrases',
  );
  const lines = await problemLines("broken/coverage-untaught");
  assert.ok(!lines.some((l) => l.includes('"three-stages"')), lines.join("\n"));
});

// ------------------------------------------------------------ pre/post parallel forms

Deno.test("checkContent() fails pre/post forms that do not ask the same skills", async () => {
  await assertProblem(
    "forms-unbalanced",
    "assessments/exams/posttest.yaml:6:5",
    "rule 1: form b (basics/1/returns) is not parallel to form a (basics/1/privacy)",
  );
  await assertProblem(
    "forms-unbalanced",
    "assessments/exams/pretest.yaml:7:31",
    "rule 2 draws 1 of the 0 questions of form a",
  );
  await assertProblem(
    "forms-unbalanced",
    "assessments/exams/posttest.yaml:7:5",
    "rule 2: form b (basics/2/returns) is not parallel to form a (empty)",
  );
});

Deno.test("the bundled pre-test and post-test are parallel forms with no shared item", async () => {
  const { tree } = await loadContent(
    fileURLToPath(new URL("../../", import.meta.url)),
  );
  const problems = checkContent(tree).filter((p) =>
    p.path.startsWith("assessments/exams/")
  );
  assert.deepEqual(problems, []);
  const forms = tree.banks.flatMap((b) => b.data.questions).filter((q) =>
    q.form
  );
  const a = forms.filter((q) => q.form === "a").map((q) =>
    `${q.module}/${q.difficulty}/${q.skills[0]}`
  ).sort();
  const b = forms.filter((q) => q.form === "b").map((q) =>
    `${q.module}/${q.difficulty}/${q.skills[0]}`
  ).sort();
  assert.equal(a.length, 20);
  assert.deepEqual(a, b);
});

// ------------------------------------------------------------ the plan as a rota

Deno.test("checkContent() fails a plan that rests every weekend and has no weekend shift or promotion drill", async () => {
  await assertProblem(
    "plan-weekends-only",
    "assessments/plans/weekends-only.yaml:5:1",
    "rest days do not rotate",
  );
  await assertProblem(
    "plan-weekends-only",
    "assessments/plans/weekends-only.yaml:5:1",
    "no weekend shift",
  );
  await assertProblem(
    "plan-weekends-only",
    "assessments/plans/weekends-only.yaml:5:1",
    "no promotion-day drill",
  );
});
