/**
 * Demo pre-test attempts, so the trainers' item analysis page has
 * meaningful figures on first start: the learners of the two running
 * cohorts (learner@ … learner10@) took the day-1 pre-test (a fixed form, the
 * same 20 questions for everyone) through the exam engine, as the exam pages
 * do: start, answer, submit. With the five graduates' pre-tests and the
 * eight of 第 8 期 (demo_wave.ts, by the same model) that is 23 first
 * attempts per question.
 *
 * Answers come from a simple ability model, deterministic per learner and
 * question: a learner of ability θ answers a question of difficulty d right
 * when a hash of (learner, question) falls under 1 / (1 + e^−(θ − (d − 2))).
 * A wrong choice answer picks a distractor: strong learners the first wrong
 * option (the most plausible one), others one by the hash; other types give
 * their registry's wrong answer.
 *
 * The pre-test asks how sure the learner is of each answer (its YAML says
 * `confidence: true`), so each learner also rates every question, by the
 * same model with a self-belief added to their ability
 * ({@link DEMO_SELF_BELIEF}): a few trust themselves too much, a few too
 * little, the rest about right, so the evaluator's confidence figures show
 * over- and under-confident learners on first start.
 *
 * Runs once per store (the marker); lives in lib/demo/ as it drives
 * identity, exams and the quiz engine.
 *
 * | key                                 | value |
 * | ----------------------------------- | ----- |
 * | ["demo_seeds", "item_analysis"]     | Date  |
 */
import { getCourseView } from "@/lib/content/course_view.ts";
import type { Question } from "@/lib/content/schema.ts";
import { examQuestions } from "@/lib/exam/exam_page.ts";
import { findExam } from "@/lib/exam/exam_view.ts";
import { findUserByLogin } from "@/lib/identity/accounts/user_store.ts";
import {
  getCohort,
  listMembershipsOfUser,
} from "@/lib/identity/teams/cohort_store.ts";
import { typeOf } from "@/lib/question_types/registry.ts";
import { startOrResume, submitAttempt } from "@/lib/quiz/attempt_store.ts";
import type { ConfidenceLevel, ConfidenceMap } from "@/lib/quiz/confidence.ts";
import { type Answer, scoreQuestion } from "@/lib/quiz/score.ts";
import { seedOnce } from "@/lib/identity/demo/seed_once.ts";

const HOUR = 3_600_000;

/** The running cohorts' learners and their ability (logit scale). */
export const DEMO_ABILITIES: readonly [login: string, theta: number][] = [
  ["learner@demo.academy", 1.6],
  ["learner2@demo.academy", 0.9],
  ["learner3@demo.academy", 0.3],
  ["learner4@demo.academy", -0.4],
  ["learner5@demo.academy", 1.1],
  ["learner6@demo.academy", -1.1],
  ["learner7@demo.academy", 0.5],
  ["learner8@demo.academy", -0.2],
  ["learner9@demo.academy", 1.3],
  ["learner10@demo.academy", -0.7],
];

/**
 * How much more (or less) a learner believes in their answers than their
 * ability warrants, on the same logit scale; unnamed learners 0.
 */
export const DEMO_SELF_BELIEF: Readonly<Record<string, number>> = {
  "learner4@demo.academy": 2.2,
  "learner6@demo.academy": 2.6,
  "learner5@demo.academy": -2.2,
  "learner9@demo.academy": -2.4,
};

/**
 * The rating a learner gives a question: the chance they believe they have
 * (ability plus self-belief against the difficulty, a little higher when
 * they did get it right) read as 猜的 below 0.45, 很有把握 from 0.75.
 */
export function modelConfidence(
  q: Question,
  login: string,
  theta: number,
  right: boolean,
): ConfidenceLevel {
  const belief = theta + (DEMO_SELF_BELIEF[login] ?? 0) + (right ? 0.5 : -0.5);
  const p = 1 / (1 + Math.exp(-(belief - (q.difficulty - 2))));
  return p >= 0.75 ? "sure" : p >= 0.45 ? "likely" : "guess";
}

/** A number in [0, 1) from a string (FNV-1a). */
function unit(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  }
  return (h >>> 0) / 4294967296;
}

/** The answer a learner of ability `theta` gives (see the module notes). */
export function modelAnswer(q: Question, login: string, theta: number): Answer {
  const def = typeOf(q);
  const p = 1 / (1 + Math.exp(-(theta - (q.difficulty - 2))));
  const u = unit(`${login}/${q.id}`);
  if (u < p) return def.keyAnswer(q);
  if (q.type === "single") {
    const wrong = q.options.filter((o) => !o.correct);
    const pick = theta >= 1
      ? wrong[0]
      : wrong[Math.floor(unit(`${q.id}/${login}`) * wrong.length)];
    return { type: "single", choice: pick.id };
  }
  if (q.type === "multiple") {
    // Half the right options and one wrong one.
    const right = q.options.filter((o) => o.correct).map((o) => o.id);
    const wrong = q.options.filter((o) => !o.correct).map((o) => o.id);
    return {
      type: "multiple",
      choices: [
        ...right.slice(0, Math.ceil(right.length / 2)),
        ...wrong.slice(0, 1),
      ],
    };
  }
  return def.wrongAnswer(q);
}

/** Seeds the pre-tests once; later starts change nothing. */
export async function seedDemoItemAnalysis(
  kv: Deno.Kv,
  courseId: string,
  today: Date,
): Promise<void> {
  await seedOnce(kv, "item_analysis", today, async () => {
    const view = await getCourseView(kv, courseId);
    const exam = await findExam(kv, courseId, "pretest");
    if (!view || !exam) return false;
    for (const [login, theta] of DEMO_ABILITIES) {
      const user = await findUserByLogin(kv, login);
      if (!user) continue;
      const membership = (await listMembershipsOfUser(kv, user.id))[0];
      const cohort = membership && await getCohort(kv, membership.cohortId);
      if (!cohort) continue;
      // Day 1, 10:00 Beijing time: the pre-test opens the plan.
      const at = new Date(Date.parse(`${cohort.startDate}T10:00:00+08:00`));
      if (at >= today) continue;
      const { attempt } = await startOrResume(kv, {
        learnerId: user.id,
        courseId,
        version: exam.version,
        moduleId: exam.key,
        quiz: exam.quiz,
        questions: exam.questions,
      }, at);
      if (attempt.status === "submitted") continue;
      const questions = examQuestions(exam, attempt);
      const answers = Object.fromEntries(
        questions.map((q) => [q.id, modelAnswer(q, login, theta)]),
      );
      const confidence: ConfidenceMap = {};
      for (const q of questions) {
        const right = scoreQuestion(q, answers[q.id], {
          rubrics: exam.rubrics,
        }).correct;
        confidence[q.id] = modelConfidence(q, login, theta, right);
      }
      await submitAttempt(kv, {
        learnerId: user.id,
        attemptId: attempt.id,
        idempotencyKey: `demo-items-${attempt.id}`,
        answers,
        questions,
        rubrics: exam.rubrics,
        moduleTitle: exam.exam.title,
        cohortId: cohort.id,
        confidence: exam.quiz.confidence ? confidence : undefined,
      }, new Date(at.getTime() + HOUR / 3));
    }
  });
}
