/**
 * Every question type's content shape and answer shape, one file per type in
 * `question_shapes/`. They are part of the content format, so they live in
 * lib/content/ (below the engines); each type's behaviour is in its folder
 * under lib/question_types/. lib/content/schema.ts builds the question
 * schemas from `questionShapes`; lib/quiz/score.ts re-exports the answer
 * schemas.
 *
 * @module
 */
import { z } from "zod";
import { SingleAnswerSchema, singleShape } from "./question_shapes/single.ts";
import {
  MultipleAnswerSchema,
  multipleShape,
} from "./question_shapes/multiple.ts";
import {
  TrueFalseAnswerSchema,
  truefalseShape,
} from "./question_shapes/truefalse.ts";
import {
  OrderingAnswerSchema,
  orderingShape,
} from "./question_shapes/ordering.ts";
import {
  MatchingAnswerSchema,
  matchingShape,
} from "./question_shapes/matching.ts";
import { FillinAnswerSchema, fillinShape } from "./question_shapes/fillin.ts";
import {
  WrittenAnswerSchema,
  writtenShape,
} from "./question_shapes/written.ts";

export {
  FillinAnswerSchema,
  MatchingAnswerSchema,
  MultipleAnswerSchema,
  OrderingAnswerSchema,
  SingleAnswerSchema,
  TrueFalseAnswerSchema,
  WrittenAnswerSchema,
};

/** The question types, in the order forms and reports list them. */
export const QUESTION_TYPES = [
  "single",
  "multiple",
  "truefalse",
  "ordering",
  "matching",
  "fillin",
  "written",
] as const;

/** The content fields of each question type (besides the bank fields). */
export const questionShapes = {
  single: singleShape,
  multiple: multipleShape,
  truefalse: truefalseShape,
  ordering: orderingShape,
  matching: matchingShape,
  fillin: fillinShape,
  written: writtenShape,
} as const;

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
