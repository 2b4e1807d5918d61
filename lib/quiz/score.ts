/**
 * Scoring of one question, server-side and pure: it depends only on the
 * published question and the answer, so the same function grades a live
 * attempt, an inline check, a replay and a rebuild. Every question is worth
 * one point; `points` is the fraction of it earned (0..1) and `correct`
 * means full credit.
 *
 * The scoring rules:
 *
 * - **single**: 1 for the correct option, else 0.
 * - **multiple**: each correct option chosen earns an equal share
 *   (1 / number of correct options); each wrong option chosen cancels one
 *   share; never below 0. Full credit only for exactly the correct set. An
 *   empty answer scores 0.
 * - **truefalse**: 1 when the value equals the key, else 0.
 * - **ordering**: by pairs in the right relative order: the fraction of the
 *   n(n-1)/2 item pairs whose order matches the key. The key order scores 1,
 *   the reversed order 0, one adjacent swap 1 - 1/(n(n-1)/2). The answer
 *   must place every item exactly once.
 * - **matching**: the fraction of left items matched to their key's right
 *   item. Left items left unmatched count as wrong; two left items may name
 *   the same right item.
 * - **fillin**: 1 when {@link normalizeAnswer} of the text (width, case,
 *   spaces, punctuation) equals that of any accepted answer, else 0. A text
 *   that normalises to nothing scores 0.
 * - **written**: graded by the question's rubric with
 *   {@link gradeReply}: points = rubric score / 100, correct = the rubric
 *   passed.
 *
 * An answer for another question type, of the wrong shape, naming an option
 * or item the question does not have, or naming one twice, throws
 * {@link ScoringInputError}; its message names the field and the bad value
 * (routes answer 422). A question that cannot be scored as authored (no
 * correct option, a key naming a missing item, a rubric not supplied) is a
 * content error and throws a plain `Error`.
 *
 * @module
 */
import { z } from "zod";
import type { InlineQuestion, Rubric } from "@/lib/content/schema.ts";
import { gradeReply, type RubricResult } from "@/lib/rubric/rubric.ts";
import { normalizeAnswer } from "./normalize.ts";
import { DomainError, type ErrorCode, type ErrorParams } from "@/lib/errors.ts";

const Id = z.string().min(1).max(100);
/** Longest free text an answer may carry (the form reader caps it too). */
const Text = z.string().max(2000);

/** Answer to a `single` question: the chosen option id. */
export const SingleAnswerSchema = z.strictObject({
  type: z.literal("single"),
  choice: Id,
});
/** Answer to a `multiple` question: the chosen option ids (may be empty). */
export const MultipleAnswerSchema = z.strictObject({
  type: z.literal("multiple"),
  choices: z.array(Id).max(10),
});
/** Answer to a `truefalse` question. */
export const TrueFalseAnswerSchema = z.strictObject({
  type: z.literal("truefalse"),
  value: z.boolean(),
});
/** Answer to an `ordering` question: every item id, first to last. */
export const OrderingAnswerSchema = z.strictObject({
  type: z.literal("ordering"),
  order: z.array(Id).max(10),
});
/** Answer to a `matching` question: left item id to right item id. */
export const MatchingAnswerSchema = z.strictObject({
  type: z.literal("matching"),
  pairs: z.record(Id, Id),
});
/** Answer to a `fillin` question: the typed text. */
export const FillinAnswerSchema = z.strictObject({
  type: z.literal("fillin"),
  text: Text,
});
/** Answer to a `written` question: the reply, graded by its rubric. */
export const WrittenAnswerSchema = z.strictObject({
  type: z.literal("written"),
  text: Text,
});

/** The answer schema for each question type. */
export const answerSchemas = {
  single: SingleAnswerSchema,
  multiple: MultipleAnswerSchema,
  truefalse: TrueFalseAnswerSchema,
  ordering: OrderingAnswerSchema,
  matching: MatchingAnswerSchema,
  fillin: FillinAnswerSchema,
  written: WrittenAnswerSchema,
} as const;

/** An answer, one shape per question type, told apart by `type`. */
export const AnswerSchema = z.discriminatedUnion("type", [
  SingleAnswerSchema,
  MultipleAnswerSchema,
  TrueFalseAnswerSchema,
  OrderingAnswerSchema,
  MatchingAnswerSchema,
  FillinAnswerSchema,
  WrittenAnswerSchema,
]);
export type Answer = z.infer<typeof AnswerSchema>;

/** A question type, as in `question.type`. */
export type QuestionType = InlineQuestion["type"];
/** The answer shape of one question type. */
export type AnswerFor<T extends QuestionType> = Extract<Answer, { type: T }>;

/**
 * An answer that does not fit its question (code "answer-invalid"). The
 * developer message names the field and the bad value; `field` and `value`
 * carry them for logs. Learners see the code's message (lib/errors.ts).
 */
export class ScoringInputError extends DomainError {
  /** The offending value (when known). */
  readonly value?: unknown;

  constructor(
    message: string,
    options?: {
      field?: string;
      value?: unknown;
      cause?: unknown;
      code?: ErrorCode;
      params?: ErrorParams;
    },
  ) {
    const shown = valueParam(options?.value);
    super(
      options?.code ?? (shown === null ? "answer-invalid" : "answer-value"),
      message,
      {
        field: options?.field,
        params: options?.params ?? (shown === null ? {} : { value: shown }),
        cause: options?.cause,
      },
    );
    this.name = "ScoringInputError";
    this.value = options?.value;
  }
}

/** A bad value as the learner's message may name it: short text, or null. */
function valueParam(value: unknown): string | null {
  if (typeof value !== "string" && typeof value !== "number") return null;
  const text = String(value);
  return text.length > 40 ? `${[...text].slice(0, 40).join("")}…` : text;
}

/** What was right and wrong, per question type, for feedback and reports. */
export type ScoreDetail =
  | { type: "single"; chosen: string; key: string }
  | {
    type: "multiple";
    /** Correct options chosen. */
    right: string[];
    /** Wrong options chosen; each cancels one share. */
    wrong: string[];
    /** Correct options not chosen. */
    missed: string[];
  }
  | { type: "truefalse"; key: boolean }
  | { type: "ordering"; pairsInOrder: number; pairs: number }
  | {
    type: "matching";
    matched: number;
    of: number;
    /** Left ids matched wrongly or not at all. */
    wrong: string[];
  }
  | {
    type: "fillin";
    /** The normalised text that was compared. */
    normalized: string;
    /** The accepted answer it equalled, if any. */
    accepted?: string;
  }
  | { type: "written"; rubric: RubricResult };

/** The score of one question. */
export interface QuestionScore {
  /** 0..1, the fraction of the question's point earned. */
  points: number;
  /** Full credit. */
  correct: boolean;
  /** What was right and wrong. */
  detail: ScoreDetail;
}

/** What a written question needs besides its answer. */
export interface ScoreOptions {
  /** Rubrics to look the written question's `rubric` id up in. */
  rubrics?: readonly Rubric[];
}

const show = (value: unknown) => JSON.stringify(value) ?? String(value);

function whose(question: InlineQuestion) {
  return question.id ? `question "${question.id}"` : "the question";
}

function inputError(
  question: InlineQuestion,
  field: string,
  value: unknown,
  why: string,
): ScoringInputError {
  return new ScoringInputError(
    `Cannot score ${whose(question)}: ${field} ${show(value)} ${why}`,
    { field, value },
  );
}

/** Reads `path` out of `value`, for naming the bad value of a zod issue. */
function at(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value;
  for (const key of path) {
    if (typeof v !== "object" || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** Checks the answer's shape at run time: it comes from forms and storage. */
function parseAnswer<T extends QuestionType>(
  question: InlineQuestion & { type: T },
  answer: unknown,
): AnswerFor<T> {
  const type = (answer as { type?: unknown } | null)?.type;
  if (type !== question.type) {
    throw inputError(
      question,
      "answer.type",
      type,
      `does not fit: expected "${question.type}"`,
    );
  }
  const parsed = answerSchemas[question.type].safeParse(answer);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue.path.map(String);
    // An unknown key is reported on its parent object; name the key itself.
    const key = issue.code === "unrecognized_keys" ? issue.keys[0] : undefined;
    const field = ["answer", ...path, ...(key ? [key] : [])].join(".");
    const value = key
      ? at(answer, [...issue.path, key])
      : at(answer, issue.path);
    throw inputError(question, field, value, `is not valid: ${issue.message}`);
  }
  return parsed.data as AnswerFor<T>;
}

/** Throws unless every id is one of `allowed` and none repeats. */
function checkIds(
  question: InlineQuestion,
  field: string,
  ids: readonly string[],
  allowed: readonly { id: string }[],
  what: string,
) {
  const known = new Set(allowed.map((a) => a.id));
  const seen = new Set<string>();
  for (const id of ids) {
    if (!known.has(id)) {
      throw inputError(question, field, id, `is not ${what} of this question`);
    }
    if (seen.has(id)) {
      throw inputError(question, field, id, "is given twice");
    }
    seen.add(id);
  }
}

function contentError(question: InlineQuestion, why: string): Error {
  return new Error(`Cannot score ${whose(question)}: ${why}`);
}

/**
 * Scores `answer` against `question` by the rules in this module's
 * documentation. A written question needs its rubric in `options.rubrics`.
 *
 * @example Usage
 * ```ts
 * import assert from "node:assert/strict";
 * import { scoreQuestion } from "@/lib/quiz/score.ts";
 * const question = {
 *   type: "ordering" as const,
 *   prompt: "投诉处理的顺序",
 *   explanation: "先情绪后事情",
 *   items: [{ id: "a", text: "道歉" }, { id: "b", text: "确认" }, { id: "c", text: "方案" }],
 *   answer: ["a", "b", "c"],
 * };
 * const score = scoreQuestion(question, { type: "ordering", order: ["b", "a", "c"] });
 * assert.equal(score.points, 2 / 3); // 2 of the 3 pairs in order
 * assert.equal(score.correct, false);
 * ```
 */
export function scoreQuestion(
  question: InlineQuestion,
  answer: Answer,
  options: ScoreOptions = {},
): QuestionScore {
  switch (question.type) {
    case "single": {
      const { choice } = parseAnswer(question, answer);
      checkIds(
        question,
        "answer.choice",
        [choice],
        question.options,
        "an option",
      );
      const key = question.options.filter((o) => o.correct);
      if (key.length !== 1) {
        throw contentError(
          question,
          `it has ${key.length} correct options, not 1`,
        );
      }
      const ok = choice === key[0].id;
      return {
        points: ok ? 1 : 0,
        correct: ok,
        detail: { type: "single", chosen: choice, key: key[0].id },
      };
    }
    case "multiple": {
      const { choices } = parseAnswer(question, answer);
      checkIds(
        question,
        "answer.choices",
        choices,
        question.options,
        "an option",
      );
      const key = question.options.filter((o) => o.correct).map((o) => o.id);
      if (key.length === 0) {
        throw contentError(question, "it has no correct option");
      }
      const chosen = new Set(choices);
      const right = key.filter((id) => chosen.has(id));
      const wrong = choices.filter((id) => !key.includes(id));
      const missed = key.filter((id) => !chosen.has(id));
      return {
        points: Math.max(0, right.length - wrong.length) / key.length,
        correct: missed.length === 0 && wrong.length === 0,
        detail: { type: "multiple", right, wrong, missed },
      };
    }
    case "truefalse": {
      const { value } = parseAnswer(question, answer);
      const ok = value === question.answer;
      return {
        points: ok ? 1 : 0,
        correct: ok,
        detail: { type: "truefalse", key: question.answer },
      };
    }
    case "ordering": {
      const { order } = parseAnswer(question, answer);
      checkIds(question, "answer.order", order, question.items, "an item");
      if (order.length !== question.items.length) {
        const missing = question.items.find((i) => !order.includes(i.id))!;
        throw inputError(
          question,
          "answer.order",
          order,
          `leaves out item "${missing.id}": every item must be placed once`,
        );
      }
      const position = new Map(order.map((id, i) => [id, i]));
      // The key as positions in the answer: pairs in order are increasing pairs.
      const key = question.answer.map((id) => position.get(id) ?? -1);
      if (
        key.length !== order.length || key.includes(-1) ||
        new Set(key).size !== key.length
      ) {
        throw contentError(question, "its answer is not an order of its items");
      }
      let inOrder = 0;
      let pairs = 0;
      for (let i = 0; i < key.length; i++) {
        for (let j = i + 1; j < key.length; j++) {
          pairs++;
          if (key[i] < key[j]) inOrder++;
        }
      }
      return {
        points: inOrder / pairs,
        correct: inOrder === pairs,
        detail: { type: "ordering", pairsInOrder: inOrder, pairs },
      };
    }
    case "matching": {
      const { pairs } = parseAnswer(question, answer);
      const left = new Set(question.left.map((l) => l.id));
      const right = new Set(question.right.map((r) => r.id));
      for (const [l, r] of Object.entries(pairs)) {
        if (!left.has(l)) {
          throw inputError(
            question,
            "answer.pairs",
            l,
            "is not a left item of this question",
          );
        }
        if (!right.has(r)) {
          throw inputError(
            question,
            `answer.pairs.${l}`,
            r,
            "is not a right item of this question",
          );
        }
      }
      const wrong = question.left
        .filter((l) =>
          !Object.hasOwn(pairs, l.id) || pairs[l.id] !== question.answer[l.id]
        )
        .map((l) => l.id);
      const of = question.left.length;
      return {
        points: (of - wrong.length) / of,
        correct: wrong.length === 0,
        detail: { type: "matching", matched: of - wrong.length, of, wrong },
      };
    }
    case "fillin": {
      const { text } = parseAnswer(question, answer);
      const normalized = normalizeAnswer(text);
      const accepted = normalized === ""
        ? undefined
        : question.answers.find((a) => normalizeAnswer(a) === normalized);
      const ok = accepted !== undefined;
      return {
        points: ok ? 1 : 0,
        correct: ok,
        detail: { type: "fillin", normalized, ...(ok ? { accepted } : {}) },
      };
    }
    case "written": {
      const { text } = parseAnswer(question, answer);
      const rubric = options.rubrics?.find((r) => r.id === question.rubric);
      if (!rubric) {
        throw contentError(
          question,
          `its rubric "${question.rubric}" was not supplied`,
        );
      }
      const graded = gradeReply(rubric, text);
      return {
        points: graded.score / 100,
        correct: graded.passed,
        detail: { type: "written", rubric: graded },
      };
    }
  }
}
