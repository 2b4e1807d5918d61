/**
 * Demo evidence for the evaluator, made by the real engines after the demo
 * accounts, progress and graduates exist: module-end reaction surveys of the
 * two current cohorts (submitResponse), QA reviews at their checkpoints with
 * some criteria missed until the QA loop assigns practice
 * (recordObservation), coaching, reinforcement and recognition
 * (logDriver), and KPIs per agent and month imported as a CSV
 * (importKpiCsv), better after each agent's cohort started. The graduates
 * of 第 1 and 第 2 期 (a year ago) get QA at day 30, 60 and 90 and KPI
 * months before and after training; 售后二组's later cohorts (第 9 and 第 10
 * 期) are their not-yet-trained comparison, whose figure the evaluator
 * withholds while a group has fewer agents than the minimum. Only existing
 * demo accounts are used. Runs once per store (the marker).
 *
 * | key                              | value |
 * | -------------------------------- | ----- |
 * | ["demo_seeds", "evaluation"]     | Date  |
 */
import { getCourseView } from "@/lib/content/course_view.ts";
import type { Survey } from "@/lib/content/schema.ts";
import { evaluationContent } from "@/lib/evaluation/content_map.ts";
import { logDriver } from "@/lib/evaluation/driver_store.ts";
import { importKpiCsv } from "@/lib/evaluation/kpi_store.ts";
import { addMonths } from "@/lib/evaluation/summary.ts";
import { monthOf } from "@/lib/evidence/rollup.ts";
import { getUser } from "@/lib/identity/accounts/user_store.ts";
import { getCohort, listMembers } from "@/lib/identity/teams/cohort_store.ts";
import { getTeam } from "@/lib/identity/teams/team_store.ts";
import { recordObservation } from "@/lib/onboarding/observation_store.ts";
import type { SurveyAnswer } from "@/lib/survey/survey_answers.ts";
import { submitResponse } from "@/lib/survey/survey_response_store.ts";

const MARKER = ["demo_seeds", "evaluation"];
const DAY = 86_400_000;

/** The cohorts played here: the two current ones and the graduates' of a year ago. */
const COHORTS = ["cohort-a", "cohort-b", "cohort-d", "cohort-e"];

/** QA review days by cohort: the year-old cohorts reach day 30, 60 and 90. */
const QA_DAYS: Record<string, number[]> = {
  "cohort-d": [10, 26, 58, 88],
  "cohort-e": [10, 26, 58, 88],
};

/** A plan day's moment (Beijing time) of a cohort. */
function dayAt(startDate: string, day: number, hour: number): Date {
  return new Date(
    Date.parse(`${startDate}T00:00:00+08:00`) + (day - 1) * DAY +
      hour * 3_600_000,
  );
}

/** Answers that differ by learner, so the distribution has a shape. */
function answersFor(survey: Survey, i: number): Record<string, SurveyAnswer> {
  const out: Record<string, SurveyAnswer> = {};
  for (const [k, q] of survey.questions.entries()) {
    if (q.type === "likert") {
      // "organisation" scores low for most: a trainer should see it.
      out[q.id] = q.id === "organisation" ? 2 + (i % 3) : 3 + ((i + k) % 3);
    } else if (q.type === "nps") out[q.id] = [10, 9, 8, 6, 9][i % 5];
    else if (q.type === "choice") out[q.id] = (i + k) % q.options.length;
    else if (q.id === "advice" && i % 2 === 0) {
      out[q.id] =
        ["希望平台的课程安排提前一天通知。", "练习再多一些真实的差评案例。"][
          i % 4 === 0 ? 0 : 1
        ];
    }
  }
  return out;
}

/** Seeds the evaluator's demo evidence once. */
export async function seedDemoEvaluation(
  kv: Deno.Kv,
  courseId: string,
  now: Date,
): Promise<void> {
  if ((await kv.get(MARKER)).versionstamp !== null) return;
  const view = await getCourseView(kv, courseId);
  if (!view) return;
  const content = evaluationContent(view.published);
  const survey = view.published.surveys.find((s) => s.module === "basics");
  const card = view.published.observations[0];
  const items = card?.sections.flatMap((s) => s.items.map((i) => i.id)) ?? [];
  const kpiRows: string[] = ["agent,month,csat,frt,aht,fcr,resolution,tickets"];
  const nowMonth = monthOf(now);
  for (const cohortId of COHORTS) {
    const cohort = await getCohort(kv, cohortId);
    if (!cohort) continue;
    const team = await getTeam(kv, cohort.teamId);
    const lead = team?.managerIds[0] ?? "admin";
    const members = await listMembers(kv, cohortId);
    for (const [i, m] of members.entries()) {
      const user = await getUser(kv, m.userId);
      if (!user) continue;
      const at = (day: number, hour: number) => {
        const t = dayAt(cohort.startDate, day, hour);
        return t.getTime() < now.getTime() ? t : null;
      };
      // Reaction to module 1, on day 8.
      const surveyAt = at(8, 20);
      // (The graduates answered theirs while they trained.)
      if (survey && surveyAt && !QA_DAYS[cohortId]) {
        await submitResponse(kv, {
          survey,
          learnerId: user.id,
          courseId,
          contentVersion: view.version,
          cohortId,
          answers: answersFor(survey, i),
          closesAt: null,
        }, surveyAt);
      }
      // QA reviews: day 10 (d14), 20 and 26 (d30); the first learner of
      // each cohort keeps missing "opening" until the loop assigns a drill.
      if (card) {
        const days = QA_DAYS[cohortId] ?? [10, 20, 26];
        for (const [k, day] of days.entries()) {
          const t = at(day, 15);
          if (!t) continue;
          const missed = new Set<string>();
          if (i === 0) missed.add("opening");
          if ((i + k) % 3 === 1) missed.add("paraphrase");
          if ((i + k) % 4 === 2) missed.add("follow-up");
          if (k === 0 && i % 2 === 1) missed.add("concrete");
          await recordObservation(kv, {
            card,
            learnerId: user.id,
            by: lead,
            met: items.filter((id) => !missed.has(id)),
            breached: i === 3 && k === 0 ? ["unauthorised-promise"] : [],
            note: "",
            notes: i === 0
              ? { opening: "没有使用标准开场白，直接问订单号。" }
              : {},
            content,
          }, t);
        }
      }
      // Drivers: coaching after reviews, reinforcement, recognition.
      for (
        const [day, kind] of [
          [11, "coaching"],
          [18, "reinforcement"],
          [24, i % 2 === 0 ? "recognition" : "coaching"],
        ] as const
      ) {
        const t = at(day, 17);
        if (t) {
          await logDriver(kv, {
            learnerId: user.id,
            by: cohort.mentorId ?? lead,
            kind,
            topic: kind === "coaching" ? "opening" : undefined,
            note: "",
          }, t);
        }
      }
      // KPIs: five months before the start month, and every month since;
      // after the start the agent answers faster and resolves more.
      const startMonth = cohort.startDate.slice(0, 7);
      for (let k = -5;; k++) {
        const month = addMonths(`${startMonth}-01`, k);
        if (month > nowMonth) break;
        const trained = k >= 1;
        const j = (i * 7 + k * 3) % 5;
        const row = [
          user.email ?? user.id,
          month,
          (trained ? 4.5 + j * 0.08 : 4.1 + j * 0.08).toFixed(2),
          String(trained ? 22 + j * 2 : 38 + j * 3),
          (trained ? 6.5 + j * 0.3 : 8.5 + j * 0.4).toFixed(1),
          String(trained ? 86 + j : 76 + j),
          String(trained ? 92 + j : 84 + j),
          String(trained ? 55 + j * 3 : 42 + j * 3),
        ];
        kpiRows.push(row.join(","));
      }
    }
  }
  const result = await importKpiCsv(kv, kpiRows.join("\n"), "admin", now);
  if (!result.ok) {
    throw new Error(
      `Demo KPI rows did not import: ${JSON.stringify(result.problems[0])}`,
    );
  }
  await kv.set(MARKER, now);
}
