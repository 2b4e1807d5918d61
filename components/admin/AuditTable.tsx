import type { Language, Translate } from "@/lib/i18n/i18n.ts";
import { formatDateTime } from "@/lib/i18n/i18n.ts";
import type { AuditEntry } from "@/lib/identity/audit_store.ts";
import { isRole } from "@/lib/identity/roles.ts";
import type { AuditNames } from "@/lib/identity/audit_names.ts";

const DETAIL_LABELS = {
  reason: "admin.audit.detail.reason",
  role: "admin.audit.detail.role",
} as const;

/** One entry's detail in words: a role change as "from → to", other values as "label: value". */
function detailText(t: Translate, detail: AuditEntry["detail"]): string {
  const parts: string[] = [];
  const { from, to } = detail;
  const roleChange = isRole(from) && isRole(to);
  if (roleChange) {
    parts.push(t("admin.audit.detail.role_change", {
      from: t(`role.${from}`),
      to: t(`role.${to}`),
    }));
  }
  for (const [key, value] of Object.entries(detail)) {
    if (roleChange && (key === "from" || key === "to")) continue;
    if (value === "" || value === null) continue;
    const label = key in DETAIL_LABELS
      ? t(DETAIL_LABELS[key as keyof typeof DETAIL_LABELS])
      : key;
    const shown = key === "role" && isRole(value)
      ? t(`role.${value}`)
      : String(value);
    parts.push(t("admin.audit.detail.pair", { label, value: shown }));
  }
  return parts.join(t("admin.audit.detail.separator"));
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
          {entries.map((e) => (
            <tr key={e.id}>
              <td>
                <time dateTime={e.at.toISOString()}>
                  {formatDateTime(lang, e.at)}
                </time>
              </td>
              <td>
                {names[e.actorId] ?? <code class="audit-id">{e.actorId}</code>}
              </td>
              <td>{t(`admin.audit.action.${e.action}`)}</td>
              {showTarget && (
                <td>
                  <span class="meta">
                    {t(`admin.audit.target.${e.targetType}`)}
                  </span>{" "}
                  {e.targetType === "user"
                    ? (
                      <a
                        href={`/admin/users/${encodeURIComponent(e.targetId)}`}
                      >
                        {names[e.targetId] ??
                          <code class="audit-id">{e.targetId}</code>}
                      </a>
                    )
                    : <code class="audit-id">{e.targetId}</code>}
                </td>
              )}
              <td>{detailText(t, e.detail)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
