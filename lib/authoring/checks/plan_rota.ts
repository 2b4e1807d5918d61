/**
 * The 30-day plan as a rota: online service runs every day, so new hires
 * learn to work weekends and promotion days. With `startsOn` set, each full
 * week of the plan has exactly two rest days, the rest days rotate (not the
 * same weekdays every week, not always the weekend), at least one weekend
 * day is worked as a `shift: weekend` day, and a `shift: promotion` day holds
 * a drill.
 *
 * @module
 */
import type { ContentTree, Loaded } from "../../content/loader.ts";
import { type Plan, WEEKDAYS } from "../../content/schema.ts";
import {
  msg,
  type Problem,
  problemAt,
  type ProblemMessage,
} from "../../content/source.ts";

/** Rest days each full week of the plan must have. */
export const REST_PER_WEEK = 2;

/** Weekday index (0 Monday .. 6 Sunday) of a plan day. */
export function weekday(plan: Plan, day: number): number {
  const start = WEEKDAYS.indexOf(plan.startsOn ?? "monday");
  return (start + day - 1) % 7;
}

const isWeekend = (w: number) => w >= 5;

/** Reports where the plan is not a workable rota. */
export function checkPlanRota(tree: ContentTree): Problem[] {
  return tree.plans.flatMap((p) => p.data.startsOn ? rota(p) : []);
}

function rota(p: Loaded<Plan>): Problem[] {
  const out: Problem[] = [];
  const at = (path: PropertyKey[], message: ProblemMessage) =>
    out.push(problemAt(p.path, p.pos, path, message));
  const days = p.data.days;
  const index = new Map(days.map((d, i) => [d.day, i]));
  const patterns = new Set<string>();
  let restWeekdays = 0;
  let restDays = 0;
  for (let start = 1; start + 6 <= 30; start += 7) {
    const week = days.filter((d) => d.day >= start && d.day < start + 7);
    const rest = week.filter((d) => d.rest);
    if (rest.length !== REST_PER_WEEK) {
      at(
        ["days", index.get(start) ?? 0, "day"],
        msg("problem.rota.rest_per_week", {
          from: start,
          to: start + 6,
          rest: rest.length,
          perWeek: REST_PER_WEEK,
        }),
      );
    }
    patterns.add(rest.map((d) => weekday(p.data, d.day)).join(","));
    restDays += rest.length;
    restWeekdays += rest.filter((d) => !isWeekend(weekday(p.data, d.day)))
      .length;
  }
  if (patterns.size < 2 || restWeekdays === 0 || restWeekdays === restDays) {
    at(
      ["days"],
      msg("problem.rota.not_rotating"),
    );
  }
  days.forEach((d, i) => {
    if (d.shift === "weekend" && !isWeekend(weekday(p.data, d.day))) {
      at(
        ["days", i, "shift"],
        msg("problem.rota.not_weekend", {
          day: d.day,
          weekday: WEEKDAYS[weekday(p.data, d.day)],
        }),
      );
    }
    if (d.shift && d.rest) {
      at(
        ["days", i, "shift"],
        msg("problem.rota.rest_and_shift", { day: d.day }),
      );
    }
  });
  if (!days.some((d) => d.shift === "weekend" && !d.rest)) {
    at(
      ["days"],
      msg("problem.rota.no_weekend"),
    );
  }
  const promo = days.filter((d) => d.shift === "promotion");
  if (!promo.some((d) => d.items?.some((it) => it.kind === "drill"))) {
    at(
      ["days"],
      msg("problem.rota.no_promotion_drill"),
    );
  }
  return out;
}
