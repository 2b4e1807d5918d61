/** What drill pages show: items without model answers, graded answers, labels, the round after it ends. */
import type {
  DrillItemView,
  DrillLabels,
  DrillResultView,
} from "./drill_types.ts";
import {
  getCourseVersionView,
  getCourseView,
} from "@/lib/content/course_view.ts";
import type { Drill, Rubric } from "@/lib/content/schema.ts";
import type { ReplySet } from "@/lib/content/reply_schema.ts";
import { replyParts } from "@/lib/replies/placeholders.ts";
import type { Translate } from "@/lib/i18n/i18n.ts";
import type { DrillRun } from "./drill_run_store.ts";
import { getDrillRun } from "./drill_run_store.ts";
import { type StoredLine, verdictView } from "@/lib/rubric/verdict_view.ts";
import { DRILL_PASS, runPassed } from "./drill_score.ts";

/** A drill as published in one course version. */
export interface PublishedDrill {
  courseId: string;
  version: number;
  drill: Drill;
  rubrics: Rubric[];
  /** The reply library of the same version (adapt items start from it). */
  replies: ReplySet[];
}

/** The drill in the latest version of the course (or the given version), or null. */
export async function findDrill(
  kv: Deno.Kv,
  courseId: string,
  drillId: string,
  version?: number,
): Promise<PublishedDrill | null> {
  const view = version === undefined
    ? await getCourseView(kv, courseId)
    : await getCourseVersionView(kv, courseId, version);
  const drill = view?.published.drills.find((d) => d.id === drillId);
  return view && drill
    ? {
      courseId,
      version: view.version,
      drill,
      rubrics: view.published.rubrics,
      replies: view.published.replies ?? [],
    }
    : null;
}

/** Items as the learner may see them; adapt items with the library reply to start from. */
export function drillItems(
  drill: Drill,
  replies: readonly ReplySet[] = [],
): DrillItemView[] {
  const byId = new Map(
    replies.flatMap((s) => s.replies).map((r) => [r.id, r]),
  );
  return drill.items.map((i) => {
    const reply = i.reply ? byId.get(i.reply) : undefined;
    return {
      id: i.id,
      customer: i.customer,
      seconds: i.seconds,
      ...(reply
        ? {
          adapt: {
            replyId: reply.id,
            title: reply.title,
            text: reply.text,
            parts: replyParts(reply.text),
          },
        }
        : {}),
    };
  });
}

/** Graded answers as the learner sees them, verdict lines translated with `t`. */
export function drillResults(run: DrillRun, t: Translate): DrillResultView[] {
  return run.answers.map((a) => ({
    itemId: a.itemId,
    text: a.text,
    seconds: a.seconds,
    score: a.score,
    speed: a.speed,
    rubricScore: a.rubricScore,
    criteria: verdictView(a.criteria, t).map((c) => ({
      label: c.title,
      passed: c.passed,
      reason: c.reason,
    })),
  }));
}

/** The drill island's text in the request's language. */
export function drillLabels(t: Translate): DrillLabels {
  return {
    item: t("drill.item"),
    left: t("learner.drill.time_left"),
    over: t("drill.over"),
    send: t("drill.send"),
    sending: t("scenario.sending"),
    answer: t("drill.answer"),
    score: t("learner.drill.item_score"),
    separator: t("learner.label_separator"),
    error: t("scenario.error"),
    done: t("drill.done"),
    total: t("drill.total"),
    review: t("grading.drill.review"),
    adaptFrom: t("replies.adapt.from"),
    adaptHint: t("replies.adapt.hint"),
  };
}

/** One answered item after a round: the learner's reply beside the model answer. */
export interface DrillRoundItem {
  itemId: string;
  customer: string;
  reply: string;
  modelAnswer: string;
  seconds: number;
  limit: number;
  score: number;
  speed: number;
  /** Passed on content; older runs without the flag count by score. */
  passed: boolean;
  lines: StoredLine[];
}

/** A finished round as the result page shows it. */
export interface DrillRoundView {
  score: number;
  passed: boolean;
  items: DrillRoundItem[];
}

/** The result of a finished run, item by item (null while it is running). */
export function drillRound(drill: Drill, run: DrillRun): DrillRoundView | null {
  if (!run.finishedAt || run.score === undefined) return null;
  const items = run.answers.map((a): DrillRoundItem => {
    const item = drill.items.find((i) => i.id === a.itemId);
    return {
      itemId: a.itemId,
      customer: item?.customer ?? "",
      reply: a.text,
      modelAnswer: item?.modelAnswer ?? "",
      seconds: a.seconds,
      limit: item?.seconds ?? 0,
      score: a.score,
      speed: a.speed,
      passed: a.passed ?? a.score >= DRILL_PASS,
      lines: a.criteria,
    };
  });
  return {
    score: run.score,
    passed: runPassed(run.score, run.answers),
    items,
  };
}

/**
 * A learner's drill run with its drill as published in the version the run
 * is pinned to, or null when the address names another course or drill than
 * the run's (another learner's run throws NotFoundError).
 */
export async function findLearnerDrillRun(
  kv: Deno.Kv,
  learnerId: string,
  params: Record<string, string>,
): Promise<{ run: DrillRun; found: PublishedDrill } | null> {
  const run = await getDrillRun(kv, learnerId, params.run);
  if (run.courseId !== params.course || run.drillId !== params.drill) {
    return null;
  }
  const found = await findDrill(kv, run.courseId, run.drillId, run.version);
  return found ? { run, found } : null;
}
