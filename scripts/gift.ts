/**
 * `deno task gift FILE [--bank BANK_ID] [--lang en|zh-CN]`: prints, without
 * saving anything, what importing the GIFT file would do against the
 * repository's content: questions per type, new or updated (by `[id:…]`
 * against `--bank`), and every problem and note at FILE:line:col. Exits 1
 * when there is any problem, 2 on a usage error.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { loadContent } from "../lib/content/loader.ts";
import type { QuestionBank } from "../lib/content/schema.ts";
import { planGiftImport } from "../lib/gift/plan.ts";
import { giftProblemText, giftWarningText } from "../lib/gift/messages.ts";
import { type Language, LANGUAGES, translate } from "../lib/i18n/i18n.ts";
import type { Translate } from "../lib/i18n/i18n.ts";

const { values, positionals } = parseArgs({
  args: Deno.args,
  options: {
    bank: { type: "string" },
    lang: { type: "string", default: "en" },
  },
  allowPositionals: true,
});
const file = positionals[0];
const lang = LANGUAGES.find((l) => l === values.lang) as Language | undefined;
if (!file || !lang) {
  console.error(
    "usage: deno task gift FILE [--bank BANK_ID] [--lang en|zh-CN]",
  );
  Deno.exit(2);
}
const t: Translate = (key, params) => translate(lang, key, params);

const text = await Deno.readTextFile(file);
const { tree } = await loadContent();
const skills = tree.courses.flatMap((c) => c.data.skills.map((s) => s.id));
const modules = tree.courses.flatMap((c) => c.modules.map((m) => m.data.id));
const found = tree.banks.find((b) => b.data.id === values.bank)?.data;
if (values.bank && !found) {
  console.error(`no bank "${values.bank}" in assessments/quizzes/`);
  Deno.exit(2);
}
const bank: QuestionBank = found ??
  { id: "gift-import", title: "GIFT", questions: [] };
const plan = planGiftImport(text, bank, {
  modules,
  skills,
  rubrics: tree.rubrics.map((r) => r.data.id),
  defaults: {
    module: modules[0] ?? "module",
    skills: [skills[0] ?? "skill"],
    difficulty: 2,
  },
});

const ok = Object.values(plan.counts).reduce((a, b) => a + b, 0);
console.log(t("gift.cli.summary", {
  file,
  ok,
  problems: plan.problems.length,
  warnings: plan.warnings.length,
}));
for (const [type, n] of Object.entries(plan.counts)) {
  console.log(`  ${type.padEnd(10)} ${n}`);
}
console.log(
  `  create ${plan.creates}, update ${plan.updates}, unchanged ${plan.unchanged}`,
);
for (const p of plan.problems) {
  console.log(`${file}:${p.line}:${p.col}: ${giftProblemText(t, p)}`);
}
for (const w of plan.warnings) {
  console.log(
    `${file}:${w.line}:${w.col}: ${t("gift.warnings")}: ${
      giftWarningText(t, w)
    }`,
  );
}
Deno.exit(plan.problems.length ? 1 : 0);
