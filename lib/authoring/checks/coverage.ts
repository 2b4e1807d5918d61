/**
 * Coverage that tells the truth: `coverage.yaml` maps each domain fact to
 * the lessons that teach it and the questions that test it, and names key
 * phrases that show the fact is there. A mapped lesson must hold one of the
 * phrases (its text or inline checks), at least one mapped question must
 * hold one, and a fact no lesson teaches is listed as taught nowhere.
 *
 * @module
 */
import type {
  ContentTree,
  Loaded,
  LoadedLesson,
} from "../../content/loader.ts";
import type {
  Coverage,
  InlineQuestion,
  Question,
} from "../../content/schema.ts";
import {
  msg,
  type Problem,
  problemAt,
  type ProblemMessage,
} from "../../content/source.ts";
import { typeOf } from "@/lib/question_types/registry.ts";

/** Text compared without width, case, spaces or punctuation differences. */
export function squash(text: string): string {
  return [...text.normalize("NFKC").toLowerCase()].filter((c) =>
    /[\p{L}\p{N}]/u.test(c)
  ).join("");
}

/** Everything a learner reads in a question: prompt, options, items, answers, explanation, model answer. */
export function questionWords(q: Question | InlineQuestion): string {
  const parts: string[] = [
    q.prompt,
    q.explanation ?? "",
    ...typeOf(q).texts(q),
  ];
  return parts.join("\n");
}

/** Everything a learner reads in a lesson: title, objectives, body and its inline checks. */
export function lessonWords(l: LoadedLesson): string {
  return [
    l.data.title,
    ...l.data.objectives,
    l.body,
    ...l.checks.map((c) => "type" in c.data ? questionWords(c.data) : ""),
  ].join("\n");
}

/** Reports facts whose lessons or questions do not hold their key phrases. */
export function checkCoverage(tree: ContentTree): Problem[] {
  const lessons = new Map<string, string>();
  const questions = new Map<string, string>();
  for (const c of tree.courses) {
    for (const m of c.modules) {
      for (const l of m.lessons) {
        lessons.set(l.data.id, squash(lessonWords(l)));
        for (const check of l.checks) {
          if ("type" in check.data && check.data.id) {
            questions.set(check.data.id, squash(questionWords(check.data)));
          }
        }
      }
    }
  }
  for (const b of tree.banks) {
    for (const q of b.data.questions) {
      questions.set(q.id, squash(questionWords(q)));
    }
  }
  const problems: Problem[] = [];
  for (const c of tree.courses) {
    if (c.coverage) problems.push(...checkOne(c.coverage, lessons, questions));
  }
  return problems;
}

function checkOne(
  cov: Loaded<Coverage>,
  lessons: Map<string, string>,
  questions: Map<string, string>,
): Problem[] {
  const out: Problem[] = [];
  const at = (path: PropertyKey[], message: ProblemMessage) =>
    out.push(problemAt(cov.path, cov.pos, path, message));
  cov.data.facts.forEach((f, i) => {
    if (!f.key) {
      at(
        ["facts", i, "id"],
        msg("problem.coverage.no_key", { id: f.id }),
      );
      return;
    }
    const phrases = f.key.map((k) => `"${k}"`).join(", ");
    const keys = f.key.map(squash).filter(Boolean);
    const holds = (text: string | undefined) =>
      text !== undefined && keys.some((k) => text.includes(k));
    let taught = 0;
    f.lessons.forEach((id, j) => {
      if (!lessons.has(id)) return; // a missing id is reported by the reference check
      if (holds(lessons.get(id))) taught++;
      else {
        at(
          ["facts", i, "lessons", j],
          msg("problem.coverage.lesson_misses", {
            lesson: id,
            id: f.id,
            phrases,
          }),
        );
      }
    });
    if (taught === 0) {
      at(
        ["facts", i, "id"],
        msg("problem.coverage.untaught", { id: f.id, fact: f.fact }),
      );
    }
    const known = f.questions.filter((q) => questions.has(q));
    if (known.length > 0 && !known.some((q) => holds(questions.get(q)))) {
      at(
        ["facts", i, "questions"],
        msg("problem.coverage.untested", {
          id: f.id,
          questions: known.join(", "),
          phrases,
        }),
      );
    }
  });
  return out;
}
