/**
 * The manager's certification report: one row per learner and level of the
 * cohorts the viewer may see and the filters select, with the certificate's
 * status and dates and how many of the level's rules are met (the same
 * explanation the learner's Today shows). Reason and status codes only;
 * the export route writes the words.
 */
import type { CertificateStatus } from "@/lib/certification/certificate_store.ts";
import type { CriterionId } from "@/lib/certification/rules.ts";
import { listMembers } from "@/lib/identity/teams/cohort_store.ts";
import { getUser } from "@/lib/identity/accounts/user_store.ts";
import { learnerLevels } from "@/lib/onboarding/today.ts";
import type { DashboardFilters } from "./filters.ts";
import { type DashboardViewer, selectCohorts } from "./scope.ts";
import { MAX_MEMBERS } from "./plan_context.ts";

/** One row of the report. */
export interface CertificationRow {
  learnerId: string;
  name: string;
  teamName: string;
  cohortName: string;
  levelId: string;
  levelTitle: string;
  levelTitleEn: string;
  /** The certificate's status, or where the learner stands without one. */
  status: CertificateStatus | "eligible" | "in-progress";
  issuedAt: Date | null;
  validUntil: Date | null;
  /** When an admin revoked the certificate. */
  revokedAt: Date | null;
  criteriaMet: number;
  criteriaTotal: number;
  /** Rules not met yet (pending or not met). */
  open: CriterionId[];
}

/** The report rows, by cohort, learner and level. */
export async function certificationReport(
  kv: Deno.Kv,
  viewer: DashboardViewer,
  filters: DashboardFilters,
  now: Date,
): Promise<CertificationRow[]> {
  const scope = await selectCohorts(kv, viewer, filters);
  const teamName = new Map(scope.teams.map((t) => [t.id, t.name]));
  const rows: CertificationRow[] = [];
  for (const cohort of scope.selected) {
    const members = await listMembers(kv, cohort.id, MAX_MEMBERS);
    const perMember = await Promise.all(members.map(async (m) => {
      const [user, levels] = await Promise.all([
        getUser(kv, m.userId),
        learnerLevels(kv, m.userId, now),
      ]);
      return levels
        .filter((l) => !filters.level || l.level.id === filters.level)
        .map((l): CertificationRow => {
          // A certificate keeps the explanation it was issued on; today's
          // explanation of a holder describes the next renewal instead.
          const criteria = l.certificate?.criteria ?? l.explanation.criteria;
          return {
            learnerId: m.userId,
            name: user?.name ?? "",
            teamName: teamName.get(cohort.teamId) ?? "",
            cohortName: cohort.name,
            levelId: l.level.id,
            levelTitle: l.level.title,
            levelTitleEn: l.level.titleEn,
            status: l.status ??
              (l.explanation.eligible ? "eligible" : "in-progress"),
            issuedAt: l.certificate?.issuedAt ?? null,
            validUntil: l.certificate?.validUntil ?? null,
            revokedAt: l.certificate?.revoked?.at ?? null,
            criteriaMet: criteria.filter((c) => c.state === "met").length,
            criteriaTotal: criteria.length,
            open: criteria.filter((c) => c.state !== "met").map((c) =>
              c.id as CriterionId
            ),
          };
        });
    }));
    rows.push(
      ...perMember.flat().sort((a, b) =>
        a.name.localeCompare(b.name, "zh-CN") ||
        a.levelId.localeCompare(b.levelId)
      ),
    );
  }
  return rows;
}
