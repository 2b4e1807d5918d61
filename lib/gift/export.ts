/**
 * Writes a question bank as GIFT text that Moodle imports and that
 * {@link parseGift} + {@link giftToQuestion} read back to the same bank:
 *
 * - `$CATEGORY: <bank id>` heads the file; each question is `::<id>::` +
 *   prompt + answers, the explanation as general feedback `####…`.
 * - Moodle's `// [id:…]` keeps the id and `[tag:…]` the skills.
 * - What GIFT has no place for goes in `// @key: value` comment lines, which
 *   Moodle ignores: module, difficulty, form, decision, option ids, a written
 *   question's rubric and model answer.
 * - `ordering` has no GIFT form: such questions are listed in `skipped`.
 *
 * @module
 */
import type { Question, QuestionBank } from "@/lib/content/schema.ts";
import type {
  QuestionOf,
  QuestionType,
} from "@/lib/question_types/common/types.ts";

/** Escapes GIFT's control characters and line breaks in text. */
export function escapeGift(text: string): string {
  return text.replace(/[\\~=#{}:]/g, (c) => `\\${c}`).replace(/\r?\n/g, "\\n");
}

/** A note value on one line. */
const note = (text: string) =>
  text.replace(/\\/g, "\\\\").replace(/\r?\n/g, "\\n");

/** What one of our types writes: the answer block and extra notes; null = no GIFT form. */
type Writer<T extends QuestionType> =
  | ((q: QuestionOf<T>) => { answers: string; notes?: Record<string, string> })
  | null;

const choiceLines = (
  q: QuestionOf<"single" | "multiple">,
  mark: (correct: boolean) => string,
) =>
  q.options.map((o) => `\t${mark(!!o.correct)}${escapeGift(o.text)}`).join(
    "\n",
  );

/** Percentages Moodle accepts for n equal shares (its list of grade fractions). */
function share(n: number): string {
  return (Math.round(100000 * 100 / n) / 100000).toString();
}

/** Each of our types' GIFT form (the registry's types; a new type must decide here). */
export const giftWriters: { [T in QuestionType]: Writer<T> } = {
  single: (q) => ({
    answers: choiceLines(q, (c) => (c ? "=" : "~")),
    notes: { options: q.options.map((o) => o.id).join(" ") },
  }),
  multiple: (q) => {
    const n = q.options.filter((o) => o.correct).length;
    return {
      answers: choiceLines(
        q,
        (c) => (c ? `~%${share(n)}%` : `~%-${share(n)}%`),
      ),
      notes: { options: q.options.map((o) => o.id).join(" ") },
    };
  },
  truefalse: (q) => ({ answers: q.answer ? "TRUE" : "FALSE" }),
  ordering: null,
  matching: (q) => {
    const used = q.left.map((l) => q.answer[l.id]);
    const unused = q.right.filter((r) => !used.includes(r.id)).map((r) => r.id);
    const text = (id: string) => q.right.find((r) => r.id === id)?.text ?? id;
    const lines = [
      ...q.left.map((l) =>
        `\t=${escapeGift(l.text)} -> ${escapeGift(text(q.answer[l.id]))}`
      ),
      ...unused.map((id) => `\t= -> ${escapeGift(text(id))}`),
    ];
    // Right ids in the order their texts first appear, then the authored order.
    const appear = [...new Set([...used, ...unused])];
    return {
      answers: lines.join("\n"),
      notes: {
        left: q.left.map((l) => l.id).join(" "),
        right: appear.join(" "),
        rightorder: q.right.map((r) => r.id).join(" "),
      },
    };
  },
  fillin: (q) => ({
    answers: q.answers.map((a) => `=${escapeGift(a)}`).join(" "),
  }),
  written: (q) => ({
    answers: "",
    notes: { rubric: q.rubric, model: q.modelAnswer },
  }),
};

/** The GIFT text of a bank and the questions that have no GIFT form. */
export interface GiftExport {
  text: string;
  /** Ids of questions left out (types GIFT cannot hold). */
  skipped: { id: string; type: QuestionType }[];
  /** Questions written, per type. */
  counts: Partial<Record<QuestionType, number>>;
}

/** Writes `bank` as GIFT (see the module notes). */
export function exportGift(bank: QuestionBank): GiftExport {
  const parts = [`// ${escapeLine(bank.title)}`, `$CATEGORY: ${bank.id}`];
  const skipped: GiftExport["skipped"] = [];
  const counts: GiftExport["counts"] = {};
  for (const q of bank.questions) {
    const block = questionGift(q);
    if (block === null) {
      skipped.push({ id: q.id, type: q.type });
      continue;
    }
    counts[q.type] = (counts[q.type] ?? 0) + 1;
    parts.push(block);
  }
  return { text: parts.join("\n\n") + "\n", skipped, counts };
}

const escapeLine = (text: string) => text.replace(/\r?\n/g, " ");

/** One question as a GIFT block, or null when its type has no GIFT form. */
export function questionGift(q: Question): string | null {
  const write = giftWriters[q.type] as Writer<QuestionType>;
  if (!write) return null;
  const { answers, notes = {} } = write(q as never);
  const head = [`// [id:${q.id}]`, ...q.skills.map((s) => `[tag:${s}]`)].join(
    " ",
  );
  const meta: Record<string, string> = {
    module: q.module,
    difficulty: String(q.difficulty),
    ...(q.form ? { form: q.form } : {}),
    ...(q.decision ? { decision: q.decision } : {}),
    ...notes,
  };
  const lines = [
    head,
    ...Object.entries(meta).map(([k, v]) => `// @${k}: ${note(v)}`),
  ];
  const feedback = q.explanation ? `\n\t####${escapeGift(q.explanation)}` : "";
  const body = answers ? `{\n${answers}${feedback}\n}` : `{${feedback.trim()}}`;
  lines.push(`::${escapeGift(q.id)}::${escapeGift(q.prompt)} ${body}`);
  return lines.join("\n");
}
