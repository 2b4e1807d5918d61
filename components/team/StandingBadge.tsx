import type { Translate } from "@/lib/i18n/i18n.ts";
import type { PlanStanding } from "@/lib/onboarding/plan_standing.ts";

/** A learner's standing as a coloured label that also reads as text. */
export function StandingBadge(
  { standing, t }: { standing: PlanStanding["standing"]; t: Translate },
) {
  return (
    <span class={`standing standing-${standing}`}>
      {t(`standing.${standing}`)}
    </span>
  );
}

/** A cohort's members by standing, in words ("3 on track · 1 behind ..."). */
export function standingCounts(
  t: Translate,
  counts: Record<PlanStanding["standing"], number>,
): string {
  return t("team.counts", {
    ok: counts["on-track"],
    behind: counts.behind,
    risk: counts["at-risk"],
  });
}
