/**
 * xAPI 1.0.3 export: the evidence statements of a cohort's learners in a
 * date range, as a statement array a learning record store accepts, paged
 * like an LRS's own StatementResult (`statements` and `more`). Stored
 * statements are already xAPI-shaped (lib/evidence/statement.ts); the export
 * adds what an LRS needs to group them: `context.registration` (one UUID per
 * learner and cohort, the same on every export), `contextActivities`
 * (parent course, grouping cohort, category of this platform), the platform
 * and language, and for every quiz or exam one "answered" statement per
 * question with its interaction type and scaled score, made from the graded
 * attempt (ids derived from the attempt, so re-exporting sends the same
 * statements and an LRS ignores the duplicates).
 */
import type { Question } from "@/lib/content/schema.ts";
import {
  ACTIVITY_ROOT,
  ACTIVITY_TYPES,
  nameUuid,
  type Statement,
  VERBS,
} from "@/lib/evidence/statement.ts";
import { listLearnerStatementsBetween } from "@/lib/evidence/statement_store.ts";
import { listMembers } from "@/lib/identity/teams/cohort_store.ts";
import type { Attempt } from "@/lib/quiz/attempt.ts";
import { getAttempt } from "@/lib/quiz/attempt_store.ts";
import { currentPlan, MAX_MEMBERS } from "@/lib/dashboard/plan_context.ts";
import type { DashboardFilters } from "@/lib/dashboard/filters.ts";
import { type DashboardViewer, selectCohorts } from "@/lib/dashboard/scope.ts";

/** An exported statement (plain JSON). */
export type XapiStatement = Record<string, unknown>;

/** Statements per page by default, and at most. */
export const XAPI_PAGE = 500;
export const XAPI_PAGE_MAX = 2000;

/** The platform's name in `context.platform`. */
export const PLATFORM = "客服学院 Service Academy";

/** xAPI interaction types of this platform's question types. */
export const INTERACTION_TYPES: Record<Question["type"], string> = {
  single: "choice",
  multiple: "choice",
  truefalse: "true-false",
  ordering: "sequencing",
  matching: "matching",
  fillin: "fill-in",
  written: "long-fill-in",
};

const ATTEMPT_EXT = `${ACTIVITY_ROOT}/extensions/attempt`;

// Moved to the statement module (certificate statements use it too).
export { nameUuid } from "@/lib/evidence/statement.ts";

/** The activity of a cohort (contextActivities.grouping). */
export function cohortActivity(cohortId: string) {
  return {
    objectType: "Activity",
    id: `${ACTIVITY_ROOT}/cohorts/${cohortId}`,
    definition: {
      type: "http://adlnet.gov/expapi/activities/course",
    },
  };
}

/** What the export adds to every statement of one learner in one cohort. */
export interface ExportContext {
  cohortId: string;
  registration: string;
}

/** A stored statement as exported (pure). */
export function toXapi(s: Statement, ctx: ExportContext): XapiStatement {
  const result = s.result && Object.keys(s.result).length > 0
    ? s.result
    : undefined;
  const parent = s.context.contextActivities.parent;
  return {
    id: s.id,
    actor: s.actor,
    verb: s.verb,
    object: s.object,
    ...(result ? { result } : {}),
    context: {
      registration: ctx.registration,
      platform: PLATFORM,
      language: "zh-CN",
      contextActivities: {
        parent,
        grouping: [cohortActivity(ctx.cohortId)],
        category: [{
          objectType: "Activity",
          id: `${ACTIVITY_ROOT}/platform`,
          definition: {
            type: "http://adlnet.gov/expapi/activities/profile",
          },
        }],
      },
      extensions: s.context.extensions,
    },
    timestamp: s.timestamp,
  };
}

/**
 * One "answered" statement per question of a graded attempt (pure): the
 * question as a cmi.interaction activity with its interaction type, the
 * quiz as its parent, scaled score, success and completion.
 */
export async function questionStatements(
  quiz: Statement,
  attempt: Pick<Attempt, "id" | "result">,
  questions: ReadonlyMap<string, Question>,
  ctx: ExportContext,
): Promise<XapiStatement[]> {
  const out: XapiStatement[] = [];
  const base = toXapi(quiz, ctx);
  const context = base.context as Record<string, unknown>;
  for (const r of attempt.result?.questions ?? []) {
    const q = questions.get(r.questionId);
    out.push({
      id: await nameUuid(`${attempt.id}/${r.questionId}`),
      actor: quiz.actor,
      verb: { id: VERBS.answered, display: { "en-US": "answered" } },
      object: {
        objectType: "Activity",
        id: `${quiz.object.id}/questions/${r.questionId}`,
        definition: {
          name: {
            "zh-CN": q ? [...q.prompt].slice(0, 60).join("") : r.questionId,
          },
          type: ACTIVITY_TYPES.interaction,
          interactionType: q ? INTERACTION_TYPES[q.type] : "other",
        },
      },
      result: {
        score: {
          scaled: Math.round(r.points * 1000) / 1000,
          raw: r.points,
          min: 0,
          max: 1,
        },
        success: r.correct,
        completion: r.answered,
      },
      context: {
        ...context,
        contextActivities: {
          ...(context.contextActivities as Record<string, unknown>),
          parent: [{ objectType: "Activity", id: quiz.object.id }],
        },
      },
      timestamp: quiz.timestamp,
    });
  }
  return out;
}

/** A page of the export and where the next one starts (null: the last). */
export interface XapiPage {
  statements: XapiStatement[];
  next: string | null;
}

/**
 * One page of the statements of the cohorts the viewer may see and the
 * filters select, timestamped in `[since, until)`. `cursor` is the previous
 * page's `next`. Learners are taken in id order, each learner's statements
 * in time order; a page never splits a quiz from its questions.
 */
export async function xapiPage(
  kv: Deno.Kv,
  viewer: DashboardViewer,
  filters: DashboardFilters,
  range: { since: Date; until: Date },
  cursor: string | null,
  limit = XAPI_PAGE,
): Promise<XapiPage> {
  const { selected } = await selectCohorts(kv, viewer, filters);
  const ctx = await currentPlan(kv);
  const questions = new Map<string, Question>();
  for (const bank of ctx?.view.published.banks ?? []) {
    for (const q of bank.questions) questions.set(q.id, q);
  }
  // Every (learner, cohort) pair once, in a stable order.
  const pairs = (await Promise.all(
    selected.map(async (c) =>
      (await listMembers(kv, c.id, MAX_MEMBERS)).map((m) => ({
        learnerId: m.userId,
        cohortId: c.id,
      }))
    ),
  )).flat().sort((a, b) =>
    a.learnerId.localeCompare(b.learnerId) ||
    a.cohortId.localeCompare(b.cohortId)
  );
  const [atPair, after] = cursor ? cursor.split(".") : ["", ""];
  const out: XapiStatement[] = [];
  const max = Math.min(Math.max(1, limit), XAPI_PAGE_MAX);
  for (const pair of pairs) {
    const key = `${pair.learnerId}~${pair.cohortId}`;
    if (atPair && key < atPair) continue;
    const resumeAfter = key === atPair ? after : undefined;
    const exportCtx = {
      cohortId: pair.cohortId,
      registration: await nameUuid(`registration/${key}`),
    };
    let resume = resumeAfter;
    for (;;) {
      const want = max - out.length + 1;
      const rows = await listLearnerStatementsBetween(kv, pair.learnerId, {
        ...range,
        after: resume,
      }, want);
      for (const { statement, cursor: at } of rows.items) {
        resume = at;
        const cohortOf = statement.context.extensions[
          `${ACTIVITY_ROOT}/extensions/cohort`
        ];
        // A learner in two cohorts: each statement goes with the cohort it
        // was recorded in (statements without one go with every cohort).
        if (typeof cohortOf === "string" && cohortOf !== pair.cohortId) {
          continue;
        }
        const extra: XapiStatement[] = [];
        const attemptId = statement.result?.extensions?.[ATTEMPT_EXT];
        if (typeof attemptId === "string") {
          const attempt = await getAttempt(kv, pair.learnerId, attemptId)
            .catch(() => null);
          if (attempt) {
            extra.push(
              ...await questionStatements(
                statement,
                attempt,
                questions,
                exportCtx,
              ),
            );
          }
        }
        if (out.length > 0 && out.length + 1 + extra.length > max) {
          return { statements: out, next: `${key}.${previous(at)}` };
        }
        out.push(toXapi(statement, exportCtx), ...extra);
      }
      if (rows.done) break;
    }
  }
  return { statements: out, next: null };
}

/** The index key just before `at`, so the next page starts at `at`. */
function previous(at: string): string {
  // Keys are compared as strings; any string sorting just before `at` and
  // after the previous key works: drop the last character's successor.
  return at.slice(0, -1) +
    String.fromCharCode(at.charCodeAt(at.length - 1) - 1) +
    "\uffff";
}
