/**
 * A reaction survey's answers: read from a form, checked against the
 * survey's questions (Likert 1-5, NPS 0-10, one of the options, free text),
 * and summed up for trainers only when enough people answered. Pure.
 */
import type { Survey } from "@/lib/content/schema.ts";

/** One answer: a number for Likert and NPS, the option's index for choice, text. */
export type SurveyAnswer = number | string;

/** Longest free-text answer kept. */
export const MAX_SURVEY_TEXT = 1000;

/** A problem with one question's answer (an i18n key suffix in views). */
export interface SurveyProblem {
  questionId: string;
  code: "required" | "range" | "option" | "too_long";
}

/** Default minimum number of responses before trainers see aggregates. */
export const DEFAULT_MIN_REPORT_N = 5;

/**
 * Reads `q_<id>` fields of a form into answers; returns the answers and the
 * problems (a required question left empty, a value out of range).
 */
export function answersFromSurveyForm(
  survey: Survey,
  form: { get(name: string): FormDataEntryValue | null },
): { answers: Record<string, SurveyAnswer>; problems: SurveyProblem[] } {
  const answers: Record<string, SurveyAnswer> = {};
  const problems: SurveyProblem[] = [];
  for (const q of survey.questions) {
    const raw = String(form.get(`q_${q.id}`) ?? "").trim();
    if (raw === "") {
      if (!q.optional) problems.push({ questionId: q.id, code: "required" });
      continue;
    }
    if (q.type === "text") {
      if ([...raw].length > MAX_SURVEY_TEXT) {
        problems.push({ questionId: q.id, code: "too_long" });
      } else answers[q.id] = raw;
      continue;
    }
    const n = Number(raw);
    const [min, max] = q.type === "likert"
      ? [1, 5]
      : q.type === "nps"
      ? [0, 10]
      : [0, q.options.length - 1];
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push({
        questionId: q.id,
        code: q.type === "choice" ? "option" : "range",
      });
    } else answers[q.id] = n;
  }
  return { answers, problems };
}

/** Aggregates for one question. */
export type QuestionSummary =
  | { id: string; type: "likert"; n: number; mean: number }
  | {
    id: string;
    type: "nps";
    n: number;
    /** % promoters (9-10) minus % detractors (0-6), -100..100. */
    nps: number;
  }
  | { id: string; type: "choice"; n: number; counts: number[] }
  | { id: string; type: "text"; n: number; texts: string[] };

/**
 * Per-question aggregates, or null when fewer than the survey's minimum
 * responded (so a small cohort's answers cannot be traced to a person).
 */
export function summarizeSurvey(
  survey: Survey,
  responses: readonly Record<string, SurveyAnswer>[],
): QuestionSummary[] | null {
  const minN = survey.minReportN ?? DEFAULT_MIN_REPORT_N;
  if (responses.length < minN) return null;
  return survey.questions.map((q): QuestionSummary => {
    const values = responses.map((r) => r[q.id]).filter((v) => v !== undefined);
    const nums = values.filter((v): v is number => typeof v === "number");
    switch (q.type) {
      case "likert":
        return {
          id: q.id,
          type: "likert",
          n: nums.length,
          mean: nums.length
            ? Math.round(nums.reduce((a, b) => a + b, 0) / nums.length * 100) /
              100
            : 0,
        };
      case "nps": {
        const promoters = nums.filter((v) => v >= 9).length;
        const detractors = nums.filter((v) => v <= 6).length;
        return {
          id: q.id,
          type: "nps",
          n: nums.length,
          nps: nums.length
            ? Math.round(100 * (promoters - detractors) / nums.length)
            : 0,
        };
      }
      case "choice":
        return {
          id: q.id,
          type: "choice",
          n: nums.length,
          counts: q.options.map((_, i) => nums.filter((v) => v === i).length),
        };
      case "text":
        return {
          id: q.id,
          type: "text",
          n: values.length,
          texts: values.map(String),
        };
    }
  });
}
