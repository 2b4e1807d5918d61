/**
 * Scoring of one question, server-side and pure: the same function grades a
 * live attempt, a replay and a rebuild. Every question is worth 1 point;
 * `points` is the fraction earned.
 *
 * Rules:
 * - single: 1 for the correct option, else 0.
 * - multiple: each correct option chosen earns an equal share of the point,
 *   each wrong option chosen cancels one share; never below 0. Full credit
 *   only for exactly the correct set.
 * - truefalse: 1 or 0.
 * - ordering: by pairs in the right order: the fraction of all n(n-1)/2
 *   item pairs whose relative order matches the key (reversed = 0).
 * - matching: the fraction of left items matched to their key.
 * - fillin: 1 when the normalised text (width, case, spaces, punctuation)
 *   equals a normalised accepted answer.
 * - written: graded by its rubric elsewhere (see lib/rubric/rubric.ts); not
 *   scored here.
 * An answer of the wrong shape, or naming an option or item the question
 * does not have, raises ScoringInputError naming the field.
 */
import { z } from "zod";
import type { InlineQuestion } from "@/lib/content/schema.ts";
import { normalizeAnswer } from "./normalize.ts";

const Id = z.string().min(1).max(100);
const Text = z.string().max(2000);

/** An answer, one shape per question type. */
export const AnswerSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("single"), choice: Id }),
  z.strictObject({ type: z.literal("multiple"), choices: z.array(Id).max(10) }),
  z.strictObject({ type: z.literal("truefalse"), value: z.boolean() }),
  z.strictObject({ type: z.literal("ordering"), order: z.array(Id).max(10) }),
  z.strictObject({ type: z.literal("matching"), pairs: z.record(Id, Id) }),
  z.strictObject({ type: z.literal("fillin"), text: Text }),
  z.strictObject({ type: z.literal("written"), text: Text }),
]);
export type Answer = z.infer<typeof AnswerSchema>;

/** An answer that does not fit its question; `message` names the field. */
export class ScoringInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ScoringInputError";
  }
}

/** The score of one question. */
export interface QuestionScore {
  /** 0..1, the fraction of the question's point earned. */
  points: number;
  /** Full credit. */
  correct: boolean;
}

function known(
  ids: readonly string[],
  allowed: readonly { id: string }[],
  field: string,
) {
  const set = new Set(allowed.map((a) => a.id));
  for (const id of ids) {
    if (!set.has(id)) {
      throw new ScoringInputError(
        `${field}: "${id}" is not an option of this question`,
      );
    }
  }
  if (new Set(ids).size !== ids.length) {
    throw new ScoringInputError(`${field}: an option is given twice`);
  }
}

/** Scores `answer` against `question` (not for written questions). */
export function scoreQuestion(
  question: InlineQuestion,
  answer: Answer,
): QuestionScore {
  if (answer.type !== question.type) {
    throw new ScoringInputError(
      `answer.type: expected "${question.type}", got "${answer.type}"`,
    );
  }
  const round = (x: number) => Math.round(x * 1000) / 1000;
  switch (question.type) {
    case "single": {
      const a = answer as Extract<Answer, { type: "single" }>;
      known([a.choice], question.options, "answer.choice");
      const ok = question.options.some((o) => o.id === a.choice && o.correct);
      return { points: ok ? 1 : 0, correct: ok };
    }
    case "multiple": {
      const a = answer as Extract<Answer, { type: "multiple" }>;
      known(a.choices, question.options, "answer.choices");
      const key = question.options.filter((o) => o.correct).map((o) => o.id);
      const right = a.choices.filter((c) => key.includes(c)).length;
      const wrong = a.choices.length - right;
      const points = round(Math.max(0, right - wrong) / key.length);
      return { points, correct: right === key.length && wrong === 0 };
    }
    case "truefalse": {
      const ok = (answer as Extract<Answer, { type: "truefalse" }>).value ===
        question.answer;
      return { points: ok ? 1 : 0, correct: ok };
    }
    case "ordering": {
      const a = answer as Extract<Answer, { type: "ordering" }>;
      known(a.order, question.items, "answer.order");
      if (a.order.length !== question.items.length) {
        throw new ScoringInputError(
          `answer.order: expected all ${question.items.length} items, got ${a.order.length}`,
        );
      }
      const pos = new Map(a.order.map((id, i) => [id, i]));
      const key = question.answer;
      let good = 0;
      let pairs = 0;
      for (let i = 0; i < key.length; i++) {
        for (let j = i + 1; j < key.length; j++) {
          pairs++;
          if (pos.get(key[i])! < pos.get(key[j])!) good++;
        }
      }
      return { points: round(good / pairs), correct: good === pairs };
    }
    case "matching": {
      const a = answer as Extract<Answer, { type: "matching" }>;
      known(Object.keys(a.pairs), question.left, "answer.pairs");
      const right = new Set(question.right.map((r) => r.id));
      for (const [l, r] of Object.entries(a.pairs)) {
        if (!right.has(r)) {
          throw new ScoringInputError(
            `answer.pairs.${l}: "${r}" is not an option of this question`,
          );
        }
      }
      const good =
        question.left.filter((l) => a.pairs[l.id] === question.answer[l.id])
          .length;
      return {
        points: round(good / question.left.length),
        correct: good === question.left.length,
      };
    }
    case "fillin": {
      const text = normalizeAnswer(
        (answer as Extract<Answer, { type: "fillin" }>).text,
      );
      const ok = text !== "" &&
        question.answers.some((acc) => normalizeAnswer(acc) === text);
      return { points: ok ? 1 : 0, correct: ok };
    }
    case "written":
      throw new Error(
        `Cannot score written question here: it is graded by rubric "${question.rubric}"`,
      );
  }
}
