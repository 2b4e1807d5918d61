/**
 * Answers that do not fit their question, and the shared checks every type's
 * scoring runs before it scores: the answer's `type` and shape (zod), ids
 * that exist and do not repeat.
 *
 * @module
 */
import type { InlineQuestion } from "@/lib/content/schema.ts";
import { answerSchemas } from "@/lib/content/question_shapes.ts";
import { DomainError, type ErrorCode, type ErrorParams } from "@/lib/errors.ts";
import type { AnswerFor, QuestionType } from "./types.ts";

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

const show = (value: unknown) => JSON.stringify(value) ?? String(value);

function whose(question: InlineQuestion) {
  return question.id ? `question "${question.id}"` : "the question";
}

/** A {@link ScoringInputError} naming the question, field and value. */
export function inputError(
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

/** A question that cannot be scored as authored (a content error). */
export function contentError(question: InlineQuestion, why: string): Error {
  return new Error(`Cannot score ${whose(question)}: ${why}`);
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
export function parseAnswer<T extends QuestionType>(
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
export function checkIds(
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

/** Reads one string field; a File or a missing field is null. */
export function formString(
  form: { get(name: string): FormDataEntryValue | null },
  name: string,
): string | null {
  const v = form.get(name);
  return typeof v === "string" ? v : null;
}
