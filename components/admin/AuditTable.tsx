import type { Language, Translate } from "@/lib/i18n/i18n.ts";
import { formatDateTime } from "@/lib/i18n/i18n.ts";
import type { AuditEntry } from "@/lib/identity/audit/audit_store.ts";
import type { AuditNames } from "@/lib/identity/audit/report/audit_names.ts";
import {
  actionLabel,
  actorName,
  detailText,
  targetName,
} from "@/lib/identity/audit/report/audit_text.ts";

/** Where a subject's own page is, when it has one. */
function targetHref(e: AuditEntry): string | null {
  const id = encodeURIComponent(e.targetId);
  switch (e.targetType) {
    case "user":
      return `/admin/users/${id}`;
    case "cohort":
      return `/admin/cohorts/${id}`;
    default:
      return null;
  }
}

/** The audit log as a table: when, who, what, about whom, detail. */
export function AuditTable(
  { entries, names, t, lang, showTarget = true }: {
    entries: readonly AuditEntry[];
    names: AuditNames;
    t: Translate;
    lang: Language;
    /** False on a user's own page, where every entry is about that user. */
    showTarget?: boolean;
  },
) {
  return (
    <div class="table-wrap">
      <table class="data-table audit-table">
        <thead>
          <tr>
            <th scope="col">{t("admin.audit.col.when")}</th>
            <th scope="col">{t("admin.audit.col.actor")}</th>
            <th scope="col">{t("admin.audit.col.action")}</th>
            {showTarget && <th scope="col">{t("admin.audit.col.target")}</th>}
            <th scope="col">{t("admin.audit.col.detail")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => {
            const subject = targetName(e, names);
            const href = targetHref(e);
            return (
              <tr key={e.id}>
                <td>
                  <time dateTime={e.at.toISOString()}>
                    {formatDateTime(lang, e.at)}
                  </time>
                </td>
                <td>
                  {actorName(t, e, names) ??
                    <code class="audit-id">{e.actorId}</code>}
                </td>
                <td>{actionLabel(t, e)}</td>
                {showTarget && (
                  <td>
                    <span class="meta">
                      {t(`admin.audit.target.${e.targetType}`)}
                    </span>{" "}
                    {href
                      ? (
                        <a href={href}>
                          {subject ?? (
                            <code class="audit-id">{e.targetId}</code>
                          )}
                        </a>
                      )
                      : subject ?? <code class="audit-id">{e.targetId}</code>}
                  </td>
                )}
                <td>{detailText(t, e, names)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
