/**
 * What one question type provides to the rest of the app. Each type folder
 * (`single/`, `multiple/`, …) exports one {@link QuestionTypeDef}; the
 * registry (`registry.ts`) maps `question.type` to it, so content checks,
 * scoring, the quiz page, inline checks, GIFT import and item analysis find a
 * type's behaviour in one place instead of a `switch` in each of them.
 *
 * Layout: `common/` (this file, answer checks, shuffles, labels, the shared
 * inputs) is below the type folders; `registry.ts` and `fields_view.tsx`
 * above them, so the folders form no import cycle.
 *
 * Adding a type: its content and answer zod shapes in
 * lib/content/question_shapes/<type>.ts (the content format sits below the
 * engines), then a folder lib/question_types/<type>/ with `<type>.ts` (this
 * interface) and `Fields.tsx` (inputs); then one line each in
 * lib/content/question_shapes.ts, `registry.ts`, `fields_view.tsx`, and its
 * member of the data unions below.
 *
 * @module
 */
import type { InlineQuestion, Rubric } from "@/lib/content/schema.ts";
import type { RubricResult } from "@/lib/rubric/rubric.ts";
import type { Answer } from "@/lib/content/question_shapes.ts";
import type { ListItem, ProblemMessage } from "@/lib/content/source.ts";

export type { Answer };

/** A question type, as in `question.type`. */
export type QuestionType = InlineQuestion["type"];
/** The question of one type. */
export type QuestionOf<T extends QuestionType> = Extract<
  InlineQuestion,
  { type: T }
>;
/** The answer shape of one question type. */
export type AnswerFor<T extends QuestionType> = Extract<Answer, { type: T }>;

/** A choice or item as shown. */
export interface PublicItem {
  id: string;
  text: string;
}

/** A question without its answer key: what the browser may know. */
export type PublicQuestion =
  | { type: "single"; prompt: string; options: PublicItem[] }
  | { type: "multiple"; prompt: string; options: PublicItem[] }
  | { type: "truefalse"; prompt: string }
  | { type: "ordering"; prompt: string; items: PublicItem[] }
  | {
    type: "matching";
    prompt: string;
    left: PublicItem[];
    right: PublicItem[];
  }
  | { type: "fillin"; prompt: string }
  | { type: "written"; prompt: string };
/** The public view of one question type. */
export type PublicOf<T extends QuestionType> = Extract<
  PublicQuestion,
  { type: T }
>;

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

/** What went wrong, without saying what is right (inline check hints). */
export type CheckHint =
  | { kind: "single" }
  | { kind: "multiple"; right: number; missed: number; extra: number }
  | { kind: "truefalse" }
  | { kind: "ordering"; misplaced: number }
  | { kind: "matching"; wrong: number; total: number }
  | { kind: "fillin" }
  | { kind: "written" };

/** How true and false read in the learner's language. */
export interface TrueFalseWords {
  true: string;
  false: string;
}

/** Reads form fields (URLSearchParams and FormData both fit). */
export interface FormReader {
  get(name: string): FormDataEntryValue | null;
  getAll(name: string): FormDataEntryValue[];
}

/** A path inside a question, as the content check reports it. */
export type QuestionPath = readonly PropertyKey[];

/** What a type's content check may report through (lib/authoring/check.ts). */
export interface QuestionCheckContext {
  /** A problem at `path` (relative to the question). */
  add(path: QuestionPath, message: ProblemMessage): void;
  /** Reports ids that repeat; `what` names them ("option"). */
  unique(entries: [string, QuestionPath][], what: ListItem): void;
  /** Checks a written question's rubric reference and its model answer. */
  rubric(
    path: QuestionPath,
    rubricId: string,
    modelAnswerPath: QuestionPath,
    modelAnswer: string,
  ): void;
}

/** One answer option as item analysis counts it: an id the answer can pick. */
export interface AnalysisOption {
  id: string;
  text: string;
  /** Part of the key (a right choice, the right match). */
  correct: boolean;
}

/**
 * One question type's behaviour. Method syntax (not arrow properties) keeps
 * the registry's record of all types assignable; callers go through
 * `registry.ts`, which matches the question's type to its definition.
 */
export interface QuestionTypeDef<T extends QuestionType> {
  type: T;
  /** Strips the key; `seed` makes shuffles stable (see public_question.ts). */
  toPublic(
    q: QuestionOf<T>,
    seed: string,
    shuffleOptions: boolean,
  ): PublicOf<T>;
  /** Reads the answer from form fields named from `field` (`q.<id>`); undefined when unanswered. */
  fromForm(
    form: FormReader,
    q: QuestionOf<T>,
    field: string,
  ): AnswerFor<T> | undefined;
  /** Scores an answer already checked to be of this type's shape. */
  score(
    q: QuestionOf<T>,
    answer: AnswerFor<T>,
    options: ScoreOptions,
  ): QuestionScore;
  /** The answer that earns full credit. */
  keyAnswer(q: QuestionOf<T>): AnswerFor<T>;
  /** An answer that earns nothing, as a learner who mixed it up would give (demo data). */
  wrongAnswer(q: QuestionOf<T>): AnswerFor<T>;
  /** The hint after a wrong inline-check answer. */
  hint(q: QuestionOf<T>, answer: Answer): CheckHint;
  /** The learner's answer in words. */
  describeAnswer(
    q: QuestionOf<T>,
    answer: AnswerFor<T>,
    words: TrueFalseWords,
    shownIds: readonly string[],
  ): string;
  /** The key in words. */
  describeKey(
    q: QuestionOf<T>,
    words: TrueFalseWords,
    shownIds: readonly string[],
  ): string;
  /** Every text a learner reads besides prompt and explanation, in authored order. */
  texts(q: QuestionOf<T>): string[];
  /** The texts shown with the prompt before answering (options, items). */
  shownTexts(q: QuestionOf<T>): string[];
  /** Rules across this type's fields (content:check). */
  check(q: QuestionOf<T>, ctx: QuestionCheckContext): void;
  /** The options item analysis counts picks of (empty for free-text types). */
  analysisOptions(q: QuestionOf<T>): AnalysisOption[];
  /** The option ids an answer picked (for per-option pick rates). */
  picks(q: QuestionOf<T>, answer: AnswerFor<T>): string[];
}
