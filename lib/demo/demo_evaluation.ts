/**
 * Demo evidence for the evaluator, made by the real engines after the demo
 * accounts, progress and graduates exist:
 *
 * - 第 8 期 (cohort-f, five months ago, eight agents: demo_wave.ts) is
 *   played through the plan first;
 * - reaction surveys of the running cohorts and of 第 8 期
 *   (submitResponse), each learner answering as they feel
 *   (demo_reaction.ts), and only surveys of modules they reached;
 * - QA reviews at the checkpoints (recordObservation): the running cohorts
 *   at day 10, 20 and 26 with some criteria missed until the QA loop
 *   assigns practice; 第 8 期 and the year-old graduates of 第 1 and 第 2
 *   期 at day 10, 26, 58 and 88 (d14, d30, d60, d90), 第 8 期's agents each
 *   improving at their own pace;
 * - coaching, reinforcement and recognition (logDriver);
 * - KPIs per agent and month of every demo cohort, from eight months before
 *   the cohort started until this month (demo_kpi.ts), imported as a CSV
 *   per agent (importKpiCsv). 第 9 and 第 10 期 had not started in the months around
 *   第 8 期's training, so they are its comparison group, and the
 *   evaluator's difference-in-differences on FRT, CSAT and FCR has enough
 *   agents on both sides to be claimed.
 *
 * Runs once per store (the marker).
 *
 * | key                              | value |
 * | -------------------------------- | ----- |
 * | ["demo_seeds", "evaluation"]     | Date  |
 */
import { type CourseView, getCourseView } from "@/lib/content/course_view.ts";
import type { Observation } from "@/lib/content/schema.ts";
import {
  type EvaluationContent,
  evaluationContent,
} from "@/lib/evaluation/content_map.ts";
import { logDriver } from "@/lib/evaluation/driver_store.ts";
import { importKpiCsv } from "@/lib/evaluation/kpi_store.ts";
import { getProgress } from "@/lib/evidence/progress_store.ts";
import { monthOf } from "@/lib/evidence/rollup.ts";
import { getUser, type User } from "@/lib/identity/accounts/user_store.ts";
import {
  type Cohort,
  getCohort,
  listMembers,
} from "@/lib/identity/teams/cohort_store.ts";
import { getTeam } from "@/lib/identity/teams/team_store.ts";
import { recordObservation } from "@/lib/onboarding/observation_store.ts";
import { submitResponse } from "@/lib/survey/survey_response_store.ts";
import { KPI_HEADER, kpiRows } from "./demo_kpi.ts";
import { unit } from "./demo_random.ts";
import { reactionAnswers } from "./demo_reaction.ts";
import { seedDemoWave, WAVE_AGENTS, WAVE_COHORT } from "./demo_wave.ts";
import { seedOnce } from "@/lib/identity/demo/seed_once.ts";

const DAY = 86_400_000;

/** Cohorts with QA reviews and drivers here; their learners' surveys too unless graduates. */
const COHORTS = [
  "cohort-a",
  "cohort-b",
  WAVE_COHORT.id,
  "cohort-d",
  "cohort-e",
];

/** Cohorts whose agents' KPIs are imported: every demo cohort. */
const KPI_COHORTS = [...COHORTS, "cohort-c"];

/** QA review days by cohort: the finished cohorts reach day 30, 60 and 90. */
const QA_DAYS: Record<string, number[]> = {
  "cohort-d": [10, 26, 58, 88],
  "cohort-e": [10, 26, 58, 88],
  [WAVE_COHORT.id]: [10, 26, 58, 88],
};

/** A plan day's moment (Beijing time) of a cohort. */
function dayAt(startDate: string, day: number, hour: number): Date {
  return new Date(
    Date.parse(`${startDate}T00:00:00+08:00`) + (day - 1) * DAY +
      hour * 3_600_000,
  );
}

/** Seeds the evaluator's demo evidence once. */
export async function seedDemoEvaluation(
  kv: Deno.Kv,
  courseId: string,
  now: Date,
): Promise<void> {
  await seedOnce(kv, "evaluation", now, async () => {
    const view = await getCourseView(kv, courseId);
    if (!view) return false;
    await seedDemoWave(kv, view, now);
    const content = evaluationContent(view.published);
    const card = view.published.observations[0];
    const nowMonth = monthOf(now);
    const agents: Agent[] = [];
    for (const cohortId of KPI_COHORTS) {
      const cohort = await getCohort(kv, cohortId);
      if (!cohort) continue;
      const team = await getTeam(kv, cohort.teamId);
      const lead = team?.managerIds[0] ?? "admin";
      for (const [i, m] of (await listMembers(kv, cohortId)).entries()) {
        const user = await getUser(kv, m.userId);
        if (user) agents.push({ user, i, cohort, lead, view, content, now });
      }
    }
    // Agents share no key but commutative counters: they run side by side
    // (start-up waits on the store's writes, not on the processor).
    await Promise.all(agents.map(async (a) => {
      if (COHORTS.includes(a.cohort.id)) {
        // (The graduates of 第 1 and 第 2 期 answered theirs while training.)
        if (a.cohort.id !== "cohort-d" && a.cohort.id !== "cohort-e") {
          await surveys(kv, a);
        }
        if (card) await reviews(kv, a, card);
        await drivers(kv, a);
      }
      // Each agent's months as one file, through the import a lead uses.
      const login = a.user.email ?? a.user.id;
      const csv = [KPI_HEADER, ...kpiRows(login, a.cohort.startDate, nowMonth)];
      const result = await importKpiCsv(kv, csv.join("\n"), "admin", now);
      if (!result.ok) {
        throw new Error(
          `Demo KPI rows did not import: ${JSON.stringify(result.problems[0])}`,
        );
      }
    }));
  });
}

/** One agent being seeded, with what the seeding steps share. */
interface Agent {
  user: User;
  /** Position in the cohort's member list. */
  i: number;
  cohort: Cohort;
  /** Who reviews their conversations: the team's manager. */
  lead: string;
  view: CourseView;
  content: EvaluationContent;
  now: Date;
}

/** Their moment on a plan day, or null when it is still to come. */
function at(a: Agent, day: number, hour: number): Date | null {
  const t = dayAt(a.cohort.startDate, day, hour);
  return t.getTime() < a.now.getTime() ? t : null;
}

/**
 * The plan's surveys on their day (20:00), answered by those who reached
 * them: a module's survey after its quiz; the end-of-onboarding survey by
 * most of a finished cohort (one in eight does not answer).
 */
async function surveys(kv: Deno.Kv, a: Agent): Promise<void> {
  const plan = a.view.published.plans.find((p) => p.course === a.view.id);
  const progress = await getProgress(kv, a.user.id, a.view.id, a.now);
  const login = a.user.email ?? a.user.id;
  for (const d of plan?.days ?? []) {
    for (const item of d.items ?? []) {
      if (item.kind !== "survey") continue;
      const survey = a.view.published.surveys.find((s) => s.id === item.ref);
      if (!survey) continue;
      const quiz = survey.module ? progress.quizzes[survey.module] : undefined;
      if (survey.module && !quiz) continue;
      if (!survey.module && unit(`${login}|${survey.id}|skip`) < 0.125) {
        continue;
      }
      // A late quiz, a late survey: half an hour after the quiz.
      const planned = at(a, d.day, 20);
      const t = quiz && planned && quiz.lastAt > planned
        ? new Date(quiz.lastAt.getTime() + 30 * 60_000)
        : planned;
      if (!t || t.getTime() >= a.now.getTime()) continue;
      await submitResponse(kv, {
        survey,
        learnerId: a.user.id,
        courseId: a.view.id,
        contentVersion: a.view.version,
        cohortId: a.cohort.id,
        answers: reactionAnswers(survey, login),
        closesAt: null,
      }, t);
    }
  }
}

/** Scorecard items in the order an agent tends to miss them. */
function weakFirst(items: readonly string[], login: string): string[] {
  return items.toSorted((x, y) =>
    unit(`${login}|qa|${x}`) - unit(`${login}|qa|${y}`)
  );
}

/** What an agent missed at their `k`th review. */
function missedAt(a: Agent, items: readonly string[], k: number): {
  missed: Set<string>;
  breached: string[];
} {
  const wave = WAVE_AGENTS.find((w) => w.email === a.user.email);
  if (wave) {
    // The same weak spots, fewer of them as the agent settles in.
    const missed = new Set(
      weakFirst(items, wave.email).slice(0, wave.qaMissed[k] ?? 0),
    );
    const breached = a.i === 3 && k === 0
      ? ["unauthorised-promise"]
      : a.i === 7 && k === 1
      ? ["privacy"]
      : [];
    return { missed, breached };
  }
  // The first learner of each cohort keeps missing "opening" until the
  // loop assigns a drill.
  const missed = new Set<string>();
  if (a.i === 0) missed.add("opening");
  if ((a.i + k) % 3 === 1) missed.add("paraphrase");
  if ((a.i + k) % 4 === 2) missed.add("follow-up");
  if (k === 0 && a.i % 2 === 1) missed.add("concrete");
  return {
    missed,
    breached: a.i === 3 && k === 0 ? ["unauthorised-promise"] : [],
  };
}

/** QA reviews: day 10 (d14), 20 and 26 (d30); finished cohorts 58 and 88 too. */
async function reviews(kv: Deno.Kv, a: Agent, card: Observation) {
  const items = card.sections.flatMap((s) => s.items.map((i) => i.id));
  const days = QA_DAYS[a.cohort.id] ?? [10, 20, 26];
  for (const [k, day] of days.entries()) {
    const t = at(a, day, 15);
    if (!t) continue;
    const { missed, breached } = missedAt(a, items, k);
    await recordObservation(kv, {
      card,
      learnerId: a.user.id,
      by: a.lead,
      met: items.filter((id) => !missed.has(id)),
      breached,
      note: "",
      notes: missed.has("opening")
        ? { opening: "没有使用标准开场白，直接问订单号。" }
        : {},
      content: a.content,
    }, t);
  }
}

/** Drivers: coaching after reviews, reinforcement, recognition. */
async function drivers(kv: Deno.Kv, a: Agent): Promise<void> {
  const finished = QA_DAYS[a.cohort.id] !== undefined;
  const plan: [number, "coaching" | "reinforcement" | "recognition"][] = [
    [11, "coaching"],
    [18, "reinforcement"],
    [24, a.i % 2 === 0 ? "recognition" : "coaching"],
    ...(finished
      ? [[59, "coaching"], [89, a.i % 3 === 0 ? "coaching" : "recognition"]]
      : []) as [number, "coaching" | "recognition"][],
  ];
  for (const [day, kind] of plan) {
    const t = at(a, day, 17);
    if (!t) continue;
    await logDriver(kv, {
      learnerId: a.user.id,
      by: a.cohort.mentorId ?? a.lead,
      kind,
      // What a mentor types: the criterion in words, not its id.
      topic: kind === "coaching" ? "标准开场白" : undefined,
      note: "",
    }, t);
  }
}
