/**
 * Maps a parsed GIFT question to one of our question types, or says why it
 * cannot be one (problems) and what was lost on the way (warnings):
 *
 * | GIFT                                   | our type    |
 * | -------------------------------------- | ----------- |
 * | multiple choice, one full-credit answer | `single`    |
 * | multiple choice, several positive weights | `multiple` |
 * | true/false                             | `truefalse` |
 * | short answer, missing word (short)     | `fillin`    |
 * | numerical, exact or integer tolerance  | `fillin` (the allowed values) |
 * | matching                               | `matching`  |
 * | essay with `// @rubric:` and `// @model:` | `written` |
 * | description                            | skipped (warning) |
 *
 * The explanation is the general feedback (`####…`); per-answer feedback is
 * folded into it, naming the option as `[[id]]` so the shown label fits the
 * learner's shuffle. The mapped question is then checked by the content
 * schema and its type's own rules (lib/question_types/), the same checks
 * content:check runs.
 *
 * @module
 */
import {
  ID_PATTERN,
  type Question,
  QuestionSchema,
  type QuestionType,
} from "@/lib/content/schema.ts";
import { typeOf } from "@/lib/question_types/registry.ts";
import {
  duplicateInList,
  issueMessage,
  type RawIssue,
} from "@/lib/content/source.ts";
import type { GiftItem, GiftProblem, GiftWarning } from "./parse.ts";

/** What the importer knows of the course the bank belongs to. */
export interface GiftContext {
  /** Module ids of the course (a category's last part naming one sets the module). */
  modules: readonly string[];
  /** Skill ids of the course (tags naming one become skills). */
  skills: readonly string[];
  /** Rubric ids of the course (a written question must name one). */
  rubrics: readonly string[];
  /** Question ids of the course's other banks (ids are unique across banks). */
  takenIds?: readonly string[];
  /** Bank fields for questions that do not carry them. */
  defaults: { module: string; skills: string[]; difficulty: 1 | 2 | 3 };
}

/** The outcome of mapping one GIFT question. */
export interface MappedQuestion {
  line: number;
  col: number;
  /** The question, when it maps without problems. */
  question?: Question;
  /** Our type it maps to (also when problems stop it). */
  type?: QuestionType;
  /** The GIFT kind read (`MC`, `TF`, `Short`, `Numerical`, `Matching`, `Essay`, `Description`). */
  giftType: string;
  category: string | null;
  problems: GiftProblem[];
  warnings: GiftWarning[];
}

const LETTERS = "abcdefghijklmnopqrstuvwxyz";
/** Option ids a, b, c…, or the ids an export noted (`// @options: a b c`). */
function ids(noted: string | undefined, n: number, prefix = ""): string[] {
  const given = noted?.trim().split(/\s+/) ?? [];
  if (given.length === n && given.every((id) => ID_PATTERN.test(id))) {
    return given;
  }
  return Array.from({ length: n }, (_, i) => `${prefix}${LETTERS[i] ?? i + 1}`);
}

/** FNV-1a of the prompt: a stable id for a question that has none. */
function hashId(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  }
  return `gift-${(h >>> 0).toString(16).padStart(8, "0")}`;
}

/** `Q1 Refund` -> `q1-refund`; nothing left (all Chinese) -> "". */
function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
}

const credit = (c: { isCorrect: boolean; weight: number | null }) =>
  c.weight ?? (c.isCorrect ? 100 : 0);

/** Maps one parsed GIFT question (see the module table). */
export function giftToQuestion(
  item: GiftItem,
  ctx: GiftContext,
): MappedQuestion {
  const { gift, notes, line, col } = item;
  const out: MappedQuestion = {
    line,
    col,
    giftType: gift.type,
    category: item.category,
    problems: [],
    warnings: [],
  };
  const problem = (p: DistributiveOmit<GiftProblem, "line" | "col">) =>
    out.problems.push({ line, col, ...p } as GiftProblem);
  const warn = (w: DistributiveOmit<GiftWarning, "line" | "col">) =>
    out.warnings.push({ line, col, ...w } as GiftWarning);

  if (gift.type === "Description") {
    warn({ code: "description_skipped" });
    return out;
  }
  const prompt = gift.stem.text.trim();
  const general = gift.globalFeedback?.text.trim() ?? "";
  const folded: string[] = [];
  /** Per-answer feedback as an explanation line; `id` names a choice option. */
  const fold = (id: string | null, feedback: { text: string } | null) => {
    const text = feedback?.text.trim();
    if (text) folded.push(id ? `[[${id}]]：${text}` : text);
  };

  // ---------------------------------------------------------- id and bank fields
  let id = "";
  if (gift.id) {
    id = ID_PATTERN.test(gift.id) ? gift.id : slug(gift.id);
    if (!id) problem({ code: "bad_id", id: gift.id });
  } else {
    const fromTitle = gift.title ? slug(gift.title) : "";
    id = fromTitle && ID_PATTERN.test(fromTitle) ? fromTitle : hashId(prompt);
  }
  const tags = gift.tags ?? [];
  const skills = tags.filter((t) => ctx.skills.includes(t));
  for (const t of tags) {
    if (!ctx.skills.includes(t)) warn({ code: "tag_ignored", tag: t });
  }
  const fromCategory = item.category?.split("/").map((s) => s.trim()).pop();
  const module = notes.module?.trim() ||
    (fromCategory && ctx.modules.includes(fromCategory) ? fromCategory : "") ||
    ctx.defaults.module;
  const difficulty = Number(notes.difficulty);
  const bank = {
    id,
    module,
    skills: skills.length ? skills : [...ctx.defaults.skills],
    difficulty:
      ([1, 2, 3].includes(difficulty) ? difficulty : ctx.defaults.difficulty) as
        | 1
        | 2
        | 3,
    ...(notes.form === "a" || notes.form === "b" ? { form: notes.form } : {}),
    ...(notes.decision?.trim() ? { decision: notes.decision.trim() } : {}),
  };

  // ---------------------------------------------------------- body by GIFT kind
  let body: Record<string, unknown> | undefined;
  switch (gift.type) {
    case "MC": {
      const optionIds = ids(notes.options, gift.choices.length);
      const options = gift.choices.map((c, i) => ({
        id: optionIds[i],
        text: c.text.text.trim(),
        credit: credit(c),
      }));
      gift.choices.forEach((c, i) => fold(optionIds[i], c.feedback));
      const full = options.filter((o) => o.credit >= 99.99);
      const positive = options.filter((o) => o.credit > 0);
      if (positive.length === 0) {
        problem({ code: "no_correct" });
        out.type = "single";
        break;
      }
      if (full.length === 1) {
        out.type = "single";
        for (const o of positive) {
          if (o.credit < 99.99) {
            warn({ code: "partial_dropped", answer: o.text, weight: o.credit });
          }
        }
        body = {
          type: "single",
          options: options.map((o) => ({
            id: o.id,
            text: o.text,
            ...(o.credit >= 99.99 ? { correct: true } : {}),
          })),
        };
      } else {
        out.type = "multiple";
        const shares = positive.map((o) => o.credit);
        if (Math.max(...shares) - Math.min(...shares) > 0.01) {
          warn({ code: "weights_equalised" });
        }
        body = {
          type: "multiple",
          options: options.map((o) => ({
            id: o.id,
            text: o.text,
            ...(o.credit > 0 ? { correct: true } : {}),
          })),
        };
      }
      break;
    }
    case "TF":
      out.type = "truefalse";
      fold(null, gift.isTrue ? gift.trueFeedback : gift.falseFeedback);
      body = { type: "truefalse", answer: gift.isTrue };
      break;
    case "Short": {
      out.type = "fillin";
      const answers: string[] = [];
      for (const c of gift.choices) {
        const w = credit(c);
        if (w >= 99.99) answers.push(c.text.text.trim());
        else if (w > 0) {
          warn({
            code: "partial_dropped",
            answer: c.text.text.trim(),
            weight: w,
          });
        }
        if (c.feedback?.text.trim()) warn({ code: "feedback_folded" });
      }
      if (!answers.length) {
        problem({ code: "no_correct" });
        break;
      }
      body = { type: "fillin", answers };
      break;
    }
    case "Numerical": {
      out.type = "fillin";
      const list = Array.isArray(gift.choices) ? gift.choices : [{
        isCorrect: true,
        weight: null,
        text: gift.choices,
        feedback: null,
      }];
      const answers: string[] = [];
      for (const c of list) {
        const w = credit(c);
        if (w < 99.99) {
          if (w > 0) {
            warn({
              code: "partial_dropped",
              answer: numberText(c.text),
              weight: w,
            });
          }
          continue;
        }
        const values = exactValues(c.text);
        if (!values) {
          problem({ code: "numerical_range" });
          continue;
        }
        if (values.length > 1) {
          warn({ code: "numerical_integers", values: values.length });
        }
        answers.push(...values.map(String));
      }
      if (!answers.length) {
        if (!out.problems.length) problem({ code: "no_correct" });
        break;
      }
      body = { type: "fillin", answers: [...new Set(answers)] };
      break;
    }
    case "Matching": {
      out.type = "matching";
      const pairs = gift.matchPairs.filter((p) => p.subquestion.text.trim());
      const rightTexts = [
        ...new Set(gift.matchPairs.map((p) => p.subanswer.trim())),
      ];
      const leftIds = ids(notes.left, pairs.length, "l");
      const rightIds = ids(notes.right, rightTexts.length, "r");
      // `// @rightorder:` (from our export) restores the authored order of the right items.
      const order = notes.rightorder?.trim().split(/\s+/) ?? [];
      const right = rightTexts.map((t, i) => ({ id: rightIds[i], text: t }));
      if (
        order.length === right.length &&
        order.every((r) => rightIds.includes(r))
      ) {
        right.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
      }
      body = {
        type: "matching",
        left: pairs.map((p, i) => ({
          id: leftIds[i],
          text: p.subquestion.text.trim(),
        })),
        right,
        answer: Object.fromEntries(
          pairs.map((
            p,
            i,
          ) => [leftIds[i], rightIds[rightTexts.indexOf(p.subanswer.trim())]]),
        ),
      };
      break;
    }
    case "Essay": {
      out.type = "written";
      const rubric = notes.rubric?.trim();
      const model = notes.model?.trim();
      if (!rubric || !model) {
        problem({ code: "essay_needs_rubric" });
        break;
      }
      if (!ctx.rubrics.includes(rubric)) {
        problem({ code: "unknown_rubric", rubric });
        break;
      }
      body = {
        type: "written",
        rubric,
        modelAnswer: model,
        ...(general ? { explanation: general } : {}),
      };
      break;
    }
  }
  if (!body || out.problems.length) return out;

  let fillPrompt = prompt;
  if (body.type === "fillin" && !/_{4,}/.test(prompt)) {
    // A short answer without a blank: the blank goes at the end of the prompt.
    fillPrompt = `${prompt}____`;
  }
  if (body.type !== "written") {
    if (folded.length) {
      if (body.type !== "fillin") warn({ code: "feedback_folded" });
    }
    const explanation = [general, ...folded].filter(Boolean).join("\n");
    if (!explanation) {
      problem({ code: "no_explanation" });
      return out;
    }
    body.explanation = explanation;
  }
  const candidate = {
    ...bank,
    ...body,
    prompt: body.type === "fillin" ? fillPrompt : prompt,
  };
  const parsed = QuestionSchema.safeParse(candidate, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problem({
        code: "content",
        field: issue.path.join("."),
        message: issueMessage(issue as unknown as RawIssue),
      });
    }
    return out;
  }
  // The type's own rules, exactly as content:check runs them.
  typeOf(parsed.data).check(parsed.data, {
    add: (path, message) =>
      problem({ code: "content", field: path.join("."), message }),
    unique: (entries, what) => {
      const seen = new Set<string>();
      for (const [v, path] of entries) {
        if (seen.has(v)) {
          problem({
            code: "content",
            field: path.join("."),
            message: duplicateInList(what, v),
          });
        }
        seen.add(v);
      }
    },
    rubric: () => {},
  });
  if (!out.problems.length) out.question = parsed.data;
  return out;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K>
  : never;

interface NumberSpec {
  type: string;
  number?: number;
  range?: number;
  numberHigh?: number;
  numberLow?: number;
}

function numberText(n: NumberSpec): string {
  if (n.type === "high-low") return `${n.numberLow}..${n.numberHigh}`;
  return n.range ? `${n.number}:${n.range}` : String(n.number);
}

/** The exact values a numerical answer allows, or null when that is not a short list. */
function exactValues(n: NumberSpec): number[] | null {
  let low: number;
  let high: number;
  if (n.type === "high-low") {
    low = n.numberLow!;
    high = n.numberHigh!;
  } else {
    low = n.number! - (n.range ?? 0);
    high = n.number! + (n.range ?? 0);
  }
  if (low === high) return [low];
  // An integer range of a few values lists them; anything else is a real range.
  if (Number.isInteger(low) && Number.isInteger(high) && high - low <= 20) {
    return Array.from({ length: high - low + 1 }, (_, i) => low + i);
  }
  return null;
}
