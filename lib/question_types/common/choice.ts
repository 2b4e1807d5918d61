/**
 * What `single` and `multiple` share: options with `correct` flags, shown in
 * a per-attempt shuffle, described by their shown labels.
 *
 * @module
 */
import type {
  AnalysisOption,
  PublicItem,
  QuestionCheckContext,
  QuestionOf,
  QuestionTypeDef,
} from "./types.ts";
import { shuffleAwayFrom } from "./shuffle.ts";
import { labelledItem } from "./option_label.ts";

type ChoiceQuestion = QuestionOf<"single" | "multiple">;

/** The options without `correct`, shuffled by `seed` when asked. */
export function publicOptions(
  q: ChoiceQuestion,
  seed: string,
  shuffleOptions: boolean,
): PublicItem[] {
  const options = q.options.map(({ id, text }) => ({ id, text }));
  return shuffleOptions ? shuffleAwayFrom(options, [], seed) : options;
}

/** The correct options in words, by their shown labels. */
export function describeCorrect(
  q: ChoiceQuestion,
  shownIds: readonly string[],
): string {
  return q.options.filter((o) => o.correct)
    .map((o) => labelledItem(q.options, o.id, shownIds)).join("；");
}

/** Option ids must not repeat. */
export function checkOptionIds(q: ChoiceQuestion, ctx: QuestionCheckContext) {
  ctx.unique(q.options.map((o, i) => [o.id, ["options", i, "id"]]), "option");
}

/** Every option, flagged with whether it is correct. */
export function choiceOptions(q: ChoiceQuestion): AnalysisOption[] {
  return q.options.map((o) => ({
    id: o.id,
    text: o.text,
    correct: !!o.correct,
  }));
}

/** What `single` and `multiple` define alike, whatever their number of correct options. */
export type ChoiceParts<T extends "single" | "multiple"> = Pick<
  QuestionTypeDef<T>,
  | "type"
  | "toPublic"
  | "describeKey"
  | "shownTexts"
  | "texts"
  | "analysisOptions"
>;

/**
 * The parts of a choice type's definition that are the same for `single`
 * and `multiple`: the public view, the key in words, the texts and the
 * options item analysis counts.
 */
export function choiceParts<T extends "single" | "multiple">(
  type: T,
): ChoiceParts<T> {
  const texts = (q: ChoiceQuestion) => q.options.map((o) => o.text);
  // QuestionOf<T> does not narrow for a generic T; every T here is a ChoiceQuestion.
  return {
    type,
    toPublic: (q: ChoiceQuestion, seed: string, shuffleOptions: boolean) => ({
      type,
      prompt: q.prompt,
      options: publicOptions(q, seed, shuffleOptions),
    }),
    describeKey: (
      q: ChoiceQuestion,
      _words: unknown,
      shownIds: readonly string[],
    ) => describeCorrect(q, shownIds),
    shownTexts: texts,
    texts,
    analysisOptions: choiceOptions,
  } as unknown as ChoiceParts<T>;
}
