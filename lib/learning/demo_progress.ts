/**
 * Realistic progress for the demo learners (after lib/identity/demo/demo_seed.ts
 * made the accounts), played through the real domain functions so every
 * statement, attempt, run and rollup is what a learner would have left:
 * lessons marked complete, module quizzes answered (right, or deliberately
 * partly wrong) and graded, scenarios walked turn by turn with replies graded
 * by their rubric, drills answered against the clock.
 *
 * Each learner follows the 30-day plan (assessments/plans/onboarding-30.yaml)
 * from their cohort's start date: an item is done on its plan day at the
 * learner's usual study hour (Beijing time), a little later for some, never
 * for others; nothing is dated after `now`. The profiles below give each
 * cohort two learners on track, two behind and one at risk (see
 * lib/onboarding/plan_standing.ts for the rules).
 *
 * Runs once per store (the marker). A run cut short resumes with the
 * learners who have no progress yet, so nobody is played twice.
 *
 * | key                              | value |
 * | -------------------------------- | ----- |
 * | ["demo_seeds", "progress"]       | Date  |
 */
import { type CourseView, getCourseView } from "@/lib/content/course_view.ts";
import type {
  Drill,
  Plan,
  Question,
  Rubric,
  Scenario,
} from "@/lib/content/schema.ts";
import { getProgress } from "@/lib/evidence/progress_store.ts";
import {
  dayOfPlan,
  getCohort,
  listMembershipsOfUser,
} from "@/lib/identity/teams/cohort_store.ts";
import { findUserByLogin } from "@/lib/identity/accounts/user_store.ts";
import { answerDrillItem, startDrillRun } from "@/lib/drill/drill_run_store.ts";
import { attemptQuestions, findModuleQuiz } from "@/lib/quiz/quiz_page.ts";
import { keyAnswer, wrongAnswer } from "@/lib/quiz/key_answer.ts";
import type { Answer } from "@/lib/quiz/score.ts";
import { startOrResume, submitAttempt } from "@/lib/quiz/attempt_store.ts";
import {
  availableChoices,
  DIMENSIONS,
  type RunState,
} from "@/lib/scenario/engine.ts";
import { gradeReplyForScenario } from "@/lib/scenario/grader.ts";
import { startScenarioRun, takeTurn } from "@/lib/scenario/run_store.ts";
import { completeLesson } from "./lesson_completion.ts";
import { seedOnce } from "@/lib/identity/demo/seed_once.ts";

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * How a scenario run is played: `model` takes the best option everywhere
 * and answers with the model reply; `slip` takes the second-best option at
 * the first choice; `weak` answers the first reply node with a reply
 * that fails the rubric (later ones with the model reply); `poor` answers
 * late, takes the worst first option and replies weakly; `careless` takes
 * the worst option everywhere and never writes a passing reply.
 */
type Play = "model" | "slip" | "weak" | "poor" | "careless";

/** How drills are answered: model answers fast or a bit slow, or hasty half answers. */
type DrillStyle = "quick" | "slow" | "hasty";

/** One demo learner's habits and gaps. */
export interface Profile {
  /** Hour of day (Beijing) the learner usually studies. */
  hour: number;
  /** Plan refs never done (overdue now). */
  skip?: string[];
  /** Plan refs done this many days after their plan day. */
  late?: Record<string, number>;
  /** Last plan day the learner kept up with; later items are not done. */
  stopAfter?: number;
  /** Wrong answers in each attempt of a module quiz (default: one attempt, `quizWrong` wrong). */
  quizzes?: Record<string, number[]>;
  /** Wrong answers in a quiz attempt unless `quizzes` says otherwise. */
  quizWrong: number;
  /** Runs of a scenario, in order (default: one `model` run). */
  scenarios?: Record<string, Play[]>;
  drills: DrillStyle;
}

/** By login; cohort-a is on day 12, cohort-b on day 27 (demo_seed.ts). */
const PROFILES: Record<string, Profile> = {
  // cohort-a: 李小雨 and 王晨 on track, 张一鸣 and 陈思思 behind, 刘洋 at risk.
  "learner@demo.academy": {
    hour: 19,
    quizWrong: 1,
    late: { "basics-career-path": 1 },
    scenarios: { "account-lock": ["slip"], "compliance-trap": ["weak"] },
    drills: "quick",
  },
  "learner2@demo.academy": {
    hour: 9,
    quizWrong: 1,
    quizzes: { basics: [4, 1] },
    scenarios: { "account-lock": ["weak"] },
    drills: "quick",
  },
  "learner3@demo.academy": {
    hour: 20,
    quizWrong: 2,
    skip: ["core-compliance", "core-fba"],
    late: { "core-complaint-steps": 1, "core-conflict-grading": 1 },
    scenarios: { "account-lock": ["poor"] },
    drills: "slow",
  },
  "learner4@demo.academy": {
    hour: 13,
    quizWrong: 1,
    quizzes: { basics: [3, 0] },
    skip: [
      "core-language-rules",
      "core-complaint-psychology",
      "core-compliance",
    ],
    late: { "basics-skills-tools": 2, "basics-ethics-privacy": 2 },
    drills: "slow",
  },
  "learner5@demo.academy": {
    hour: 21,
    quizWrong: 2,
    quizzes: { basics: [5] },
    stopAfter: 8,
    late: { "basics-channels": 1, "basics-team-tiers": 1 },
    drills: "hasty",
  },
  // cohort-b: 赵敏 and 孙浩然 on track, 周静怡 and 黄子涵 behind, 杨帆 at risk.
  "learner6@demo.academy": {
    hour: 10,
    quizWrong: 1,
    quizzes: { basics: [0] },
    scenarios: { "double-charge": ["slip"] },
    drills: "quick",
  },
  "learner7@demo.academy": {
    hour: 20,
    quizWrong: 1,
    quizzes: { basics: [2], practice: [3, 1] },
    late: { "lost-parcel": 1, "drill-compliance-traps": 1 },
    scenarios: {
      "malicious-return": ["poor", "model"],
      "social-storm": ["weak"],
    },
    drills: "slow",
  },
  "learner8@demo.academy": {
    hour: 14,
    quizWrong: 2,
    quizzes: { basics: [1] },
    skip: ["social-storm", "wrong-address"],
    scenarios: {
      "return-request": ["slip"],
      "late-parcel": ["weak"],
      "promo-surge": ["careless"],
    },
    drills: "hasty",
  },
  "learner9@demo.academy": {
    hour: 21,
    quizWrong: 2,
    quizzes: { "core-skills": [3, 2] },
    skip: ["return-request", "drill-returns-requests", "wrong-address"],
    late: { "promo-surge": 1, "drill-promo-surge": 1, "outage-holding": 1 },
    scenarios: { "account-lock": ["slip"], "outage-holding": ["weak"] },
    drills: "slow",
  },
  "learner10@demo.academy": {
    hour: 16,
    quizWrong: 2,
    quizzes: { practice: [4, 3] },
    stopAfter: 19,
    late: { "damaged-item": 1, "double-charge": 1, "late-parcel": 2 },
    scenarios: {
      "malicious-return": ["poor"],
      "damaged-item": ["slip"],
      "double-charge": ["careless", "weak"],
    },
    drills: "hasty",
  },
};

/** A reply no rubric passes: too short, no greeting, no empathy, no plan. */
const WEAK_REPLY = "好的，知道了。";

/** Seeds demo progress in `courseId` once; `now` is the seeding day (never exceeded). */
export async function seedDemoProgress(
  kv: Deno.Kv,
  courseId: string,
  now: Date,
): Promise<void> {
  await seedOnce(kv, "progress", now, async () => {
    const view = await getCourseView(kv, courseId);
    const plan = view?.published.plans.find((p) => p.course === courseId);
    if (!view || !plan) return false;
    // Learners do not share any key but global counters, so they run side by side.
    await Promise.all(
      Object.entries(PROFILES).map(([login, profile]) =>
        seedLearner(kv, view, plan, login, profile, now)
      ),
    );
  });
}

/** One learner's plan items with when they were done. */
interface Task {
  at: Date;
  kind: "lesson" | "quiz" | "scenario" | "drill";
  ref: string;
}

/**
 * Plays one learner (by login, in their latest cohort) through the plan's
 * lessons, quizzes, scenarios and drills due by `now`, as `profile` says.
 * Used by other demo seeds (lib/demo/demo_certification.ts) too.
 */
export async function seedLearner(
  kv: Deno.Kv,
  view: CourseView,
  plan: Plan,
  login: string,
  profile: Profile,
  now: Date,
): Promise<void> {
  const user = await findUserByLogin(kv, login);
  if (!user) return;
  const membership = (await listMembershipsOfUser(kv, user.id, 10)).at(-1);
  const cohort = membership && await getCohort(kv, membership.cohortId);
  if (!cohort) return;
  const progress = await getProgress(kv, user.id, view.id, now);
  if (
    [progress.lessons, progress.quizzes, progress.scenarios, progress.drills]
      .some((r) => Object.keys(r).length > 0)
  ) return; // played already (a run cut short), or in use: leave it alone
  const ctx: Ctx = {
    kv,
    view,
    learnerId: user.id,
    cohortId: cohort.id,
    profile,
  };
  for (const task of schedule(plan, profile, cohort.startDate, now)) {
    switch (task.kind) {
      case "lesson":
        await doLesson(ctx, task);
        break;
      case "quiz":
        await doQuiz(ctx, task);
        break;
      case "scenario":
        await doScenario(ctx, task);
        break;
      case "drill":
        await doDrill(ctx, task);
        break;
    }
  }
}

/** Minutes each kind of item takes the learner (slots, not the exact duration). */
const SLOT_MINUTES = { lesson: 20, quiz: 40, scenario: 20, drill: 15 };

/**
 * When the learner did each plan item due by today: on its day (or later),
 * one after the other from their study hour, oldest first; items whose time
 * has not come yet are left out.
 */
function schedule(
  plan: Plan,
  profile: Profile,
  startDate: string,
  now: Date,
): Task[] {
  const today = dayOfPlan(startDate, now);
  const start = Date.parse(`${startDate}T00:00:00+08:00`);
  const planned: { day: number; order: number; task: Omit<Task, "at"> }[] = [];
  for (const d of plan.days) {
    if (d.day > today || d.day > (profile.stopAfter ?? Infinity)) continue;
    for (const item of d.items ?? []) {
      if (
        item.kind !== "lesson" && item.kind !== "quiz" &&
        item.kind !== "scenario" && item.kind !== "drill"
      ) continue;
      if (profile.skip?.includes(item.ref)) continue;
      const day = d.day + (profile.late?.[item.ref] ?? 0);
      if (day > today) continue;
      planned.push({
        day,
        order: planned.length,
        task: { kind: item.kind, ref: item.ref },
      });
    }
  }
  planned.sort((a, b) => a.day - b.day || a.order - b.order);
  const tasks: Task[] = [];
  let day = 0, minutes = 0;
  for (const p of planned) {
    if (p.day !== day) [day, minutes] = [p.day, profile.hour * 60];
    const at = new Date(start + (day - 1) * DAY + minutes * MINUTE);
    minutes += SLOT_MINUTES[p.task.kind] *
      (p.task.kind === "quiz" ? attemptsOf(profile, p.task.ref).length : 1);
    // Leave room for the whole item: a quiz's last attempt must not be after now.
    if (start + (day - 1) * DAY + minutes * MINUTE > now.getTime()) continue;
    tasks.push({ ...p.task, at });
  }
  return tasks;
}

interface Ctx {
  kv: Deno.Kv;
  view: CourseView;
  learnerId: string;
  cohortId: string;
  profile: Profile;
}

async function doLesson(ctx: Ctx, task: Task): Promise<void> {
  const l = ctx.view.lessons.find((x) => x.lesson.lesson.id === task.ref);
  if (!l) return;
  await completeLesson(
    ctx.kv,
    ctx.learnerId,
    {
      courseId: ctx.view.id,
      version: ctx.view.version,
      moduleId: l.module.module.id,
      lessonId: l.lesson.lesson.id,
      title: l.lesson.lesson.title,
      url: l.url,
    },
    task.at,
    ctx.cohortId,
  );
}

function attemptsOf(profile: Profile, moduleId: string): number[] {
  return profile.quizzes?.[moduleId] ?? [profile.quizWrong];
}

/** Each attempt as the quiz route does it: start, answer, submit 12 minutes later. */
async function doQuiz(ctx: Ctx, task: Task): Promise<void> {
  const found = await findModuleQuiz(ctx.kv, ctx.view.id, task.ref);
  if (!found) return;
  for (const [n, wrong] of attemptsOf(ctx.profile, task.ref).entries()) {
    // Attempts 40 minutes apart: past the quiz's cool-down.
    const started = new Date(task.at.getTime() + n * 40 * MINUTE);
    const { attempt } = await startOrResume(ctx.kv, {
      learnerId: ctx.learnerId,
      courseId: found.courseId,
      version: found.version,
      moduleId: found.moduleId,
      quiz: found.quiz,
      questions: found.questions,
    }, started);
    const questions = attemptQuestions(found, attempt);
    await submitAttempt(ctx.kv, {
      learnerId: ctx.learnerId,
      attemptId: attempt.id,
      idempotencyKey: `demo-${attempt.id}`,
      answers: demoAnswers(questions, wrong),
      questions,
      rubrics: found.rubrics,
      moduleTitle: found.moduleTitle,
      cohortId: ctx.cohortId,
    }, new Date(started.getTime() + 12 * MINUTE));
  }
}

/**
 * Answers every question: the key, except `wrong` of them (closed questions
 * first, so the score is about whole questions) answered wrongly.
 */
function demoAnswers(
  questions: readonly Question[],
  wrong: number,
): Record<string, Answer> {
  const order = [
    ...questions.filter((q) => q.type !== "written"),
    ...questions.filter((q) => q.type === "written"),
  ];
  const missed = new Set(order.slice(0, wrong).map((q) => q.id));
  return Object.fromEntries(
    questions.map((
      q,
    ) => [q.id, missed.has(q.id) ? wrongAnswer(q) : keyAnswer(q)]),
  );
}

/** Plays each run of the scenario the profile asks for, turn by turn. */
async function doScenario(ctx: Ctx, task: Task): Promise<void> {
  const scenario = ctx.view.published.scenarios.find((s) => s.id === task.ref);
  if (!scenario) return;
  const plays = ctx.profile.scenarios?.[task.ref] ?? ["model"];
  for (const [n, play] of plays.entries()) {
    await playScenario(
      ctx,
      scenario,
      play,
      new Date(task.at.getTime() + n * 10 * MINUTE),
    );
  }
}

const total = (scores: Partial<Record<string, number>>) =>
  DIMENSIONS.reduce((n, d) => n + (scores[d] ?? 0), 0);

/** The option `play` picks at the current node (best by the modelPath rule, unless slipping). */
function pickChoice(
  scenario: Scenario,
  state: RunState,
  play: Play,
  choicesSoFar: number,
) {
  const options = availableChoices(scenario, state).toSorted((a, b) =>
    total(b.scores) - total(a.scores)
  );
  if (play === "careless" || (play === "poor" && choicesSoFar === 0)) {
    return options.at(-1);
  }
  if (play === "slip" && choicesSoFar === 0) return options[1] ?? options[0];
  return options[0];
}

async function playScenario(
  ctx: Ctx,
  scenario: Scenario,
  play: Play,
  startedAt: Date,
): Promise<void> {
  let run = await startScenarioRun(
    ctx.kv,
    ctx.learnerId,
    ctx.view.id,
    ctx.view.version,
    scenario,
    startedAt,
  );
  // First answer within the scenario's response time, unless playing poorly.
  let at = startedAt.getTime() +
    (play === "poor" || play === "careless"
        ? scenario.firstResponseSeconds + 15
        : 8) * 1000;
  let choices = 0, replies = 0;
  const limit = Object.keys(scenario.nodes).length * 2;
  for (let turn = 0; run.state.nodeId && turn < limit; turn++) {
    const nodeId = run.state.nodeId;
    const node = scenario.nodes[nodeId];
    const key = `demo-${run.id}-${turn}`;
    let input;
    if (node.choices) {
      const choice = pickChoice(scenario, run.state as RunState, play, choices);
      if (!choice) return; // a dead end in the content: leave the run open
      choices++;
      input = { nodeId, choiceId: choice.id, idempotencyKey: key };
    } else {
      // A weak player fails the first reply, then takes the feedback to heart.
      const weak = play === "careless" ||
        ((play === "weak" || play === "poor") && replies === 0);
      const text = weak ? WEAK_REPLY : node.reply!.modelAnswer;
      replies++;
      input = { nodeId, text, idempotencyKey: key };
    }
    run = await takeTurn(
      ctx.kv,
      ctx.learnerId,
      run.id,
      scenario,
      ctx.view.published.rubrics,
      gradeReplyForScenario,
      input,
      new Date(at),
      ctx.cohortId,
    );
    at += 45_000;
  }
}

/** Seconds per item as a share of its limit, and whether answers are cut short. */
const DRILL_PACE: Record<DrillStyle, { pace: number; hasty: boolean }> = {
  quick: { pace: 0.6, hasty: false },
  slow: { pace: 1.3, hasty: false },
  hasty: { pace: 0.4, hasty: true },
};

/** Answers every drill item at the profile's pace, as the drill page would. */
async function doDrill(ctx: Ctx, task: Task): Promise<void> {
  const drill: Drill | undefined = ctx.view.published.drills.find((d) =>
    d.id === task.ref
  );
  if (!drill) return;
  const rubrics: readonly Rubric[] = ctx.view.published.rubrics;
  const { pace, hasty } = DRILL_PACE[ctx.profile.drills];
  const run = await startDrillRun(
    ctx.kv,
    ctx.learnerId,
    ctx.view.id,
    ctx.view.version,
    drill,
    task.at,
  );
  let at = task.at.getTime();
  for (const [i, item] of drill.items.entries()) {
    // Some items go faster than others.
    at += Math.round(item.seconds * pace * (0.85 + 0.1 * (i % 4)) * 1000);
    await answerDrillItem(
      ctx.kv,
      ctx.learnerId,
      run.id,
      drill,
      rubrics,
      {
        itemId: item.id,
        text: hasty ? firstSentence(item.modelAnswer) : item.modelAnswer,
        idempotencyKey: `demo-${run.id}-${i}`,
      },
      new Date(at),
      ctx.cohortId,
    );
  }
}

/** The model answer up to its first full stop: the greeting without the plan. */
function firstSentence(text: string): string {
  const m = /^.+?[。！？!?]/.exec(text);
  return m ? m[0] : text;
}

/**
 * One model run of a scenario started at `at` (an exam's required
 * scenarios are played inside its window by lib/demo/demo_certification.ts).
 */
export async function playModelScenario(
  kv: Deno.Kv,
  view: CourseView,
  learnerId: string,
  cohortId: string,
  scenarioId: string,
  at: Date,
): Promise<void> {
  const scenario = view.published.scenarios.find((s) => s.id === scenarioId);
  if (!scenario) return;
  await playScenario(
    {
      kv,
      view,
      learnerId,
      cohortId,
      profile: { hour: 9, quizWrong: 0, drills: "quick" },
    },
    scenario,
    "model",
    at,
  );
}
