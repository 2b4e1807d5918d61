/**
 * The question-type registry: `question.type` -> its {@link QuestionTypeDef}.
 * Every piece of code that treats question types differently goes through
 * here (content check, scoring, answer forms, public views, hints, review
 * texts, demo answers, GIFT import and export, item analysis).
 *
 * @module
 */
import type { InlineQuestion } from "@/lib/content/schema.ts";
import type { QuestionType, QuestionTypeDef } from "./common/types.ts";
import { single } from "./single/single.ts";
import { multiple } from "./multiple/multiple.ts";
import { truefalse } from "./truefalse/truefalse.ts";
import { ordering } from "./ordering/ordering.ts";
import { matching } from "./matching/matching.ts";
import { fillin } from "./fillin/fillin.ts";
import { written } from "./written/written.ts";

/** Every question type's definition, by type. */
export const questionTypes: { [T in QuestionType]: QuestionTypeDef<T> } = {
  single,
  multiple,
  truefalse,
  ordering,
  matching,
  fillin,
  written,
};

/**
 * The definition for `q`'s type. Typed loosely on purpose: TypeScript cannot
 * correlate `q.type` with the record entry, and each definition only ever
 * receives questions of its own type because the lookup is by `q.type`.
 */
export function typeOf(q: InlineQuestion): QuestionTypeDef<QuestionType> {
  const def = questionTypes[q.type] as
    | QuestionTypeDef<QuestionType>
    | undefined;
  if (!def) throw new Error(`Unknown question type ${JSON.stringify(q.type)}`);
  return def;
}
