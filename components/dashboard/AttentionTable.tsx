import { StandingBadge } from "@/components/team/StandingBadge.tsx";
import type { AttentionLine } from "@/lib/dashboard/cohort_dashboard.ts";
import type { Translate } from "@/lib/i18n/i18n.ts";

/** The reason a learner needs attention, in words. */
export function reasonText(a: AttentionLine, t: Translate): string[] {
  const out: string[] = [];
  if (a.overdue > 0) {
    out.push(t("dash.reason.overdue", {
      count: a.overdue,
      days: a.oldestOverdueDays,
      items: a.items.map((i) =>
        `${t(`plan.kind.${i.kind}` as "plan.kind.lesson")} ${i.title}`
      ).join(t("onboarding.list_sep")),
    }));
  }
  if (a.inactiveDays === null) out.push(t("dash.reason.never"));
  else if (a.inactiveDays >= 2) {
    out.push(t("dash.reason.inactive", { days: a.inactiveDays }));
  }
  return out;
}

/** Learners behind or at risk, worst first, each with the reason and a link. */
export function AttentionTable(
  { lines, t, hrefOf }: {
    lines: AttentionLine[];
    t: Translate;
    hrefOf: (learnerId: string) => string;
  },
) {
  if (lines.length === 0) return <p class="meta">{t("dash.attention.none")}</p>;
  return (
    <div
      class="table-wrap"
      tabIndex={0}
      role="region"
      aria-label={t("dash.attention")}
    >
      <table class="data-table" id="attention-table">
        <thead>
          <tr>
            <th scope="col">{t("dash.col.name")}</th>
            <th scope="col">{t("dash.col.cohort")}</th>
            <th scope="col">{t("dash.col.standing")}</th>
            <th scope="col">{t("dash.col.reason")}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((a) => (
            <tr key={`${a.cohortId}:${a.learnerId}`}>
              <th scope="row">
                <a href={hrefOf(a.learnerId)}>{a.name || a.learnerId}</a>
              </th>
              <td>{a.cohortName}</td>
              <td>
                <StandingBadge standing={a.standing} t={t} />
              </td>
              <td>
                <ul class="reason-list">
                  {reasonText(a, t).map((r) => <li key={r}>{r}</li>)}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
