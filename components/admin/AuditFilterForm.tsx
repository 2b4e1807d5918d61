import { FieldError } from "@/components/FieldError.tsx";
import type { ActorOption } from "@/lib/identity/audit/report/audit_page.ts";
import type { AuditQueryField } from "@/lib/identity/audit/audit_query.ts";
import {
  AUDIT_ACTIONS,
  SYSTEM_ACTOR,
} from "@/lib/identity/audit/audit_store.ts";
import type { FieldErrors } from "@/lib/forms/form.ts";
import type { Translate } from "@/lib/i18n/i18n.ts";

/** The audit log's filter: actor, action and a date range (GET, no JavaScript). */
export function AuditFilterForm(
  { t, values, errors, actors }: {
    t: Translate;
    values: Record<string, unknown>;
    errors: FieldErrors<AuditQueryField>;
    actors: ActorOption[];
  },
) {
  const v = (name: string) =>
    typeof values[name] === "string" ? values[name] as string : "";
  const err = (f: AuditQueryField) => errors[f] ? t(errors[f]!) : undefined;
  const invalid = (f: AuditQueryField) => errors[f] ? "true" : undefined;
  return (
    <form method="get" class="filter-form" aria-labelledby="audit-filter">
      <h2 id="audit-filter" class="sr-only">{t("audit.filter.title")}</h2>
      <div class="filter-field">
        <label for="audit-actor">{t("admin.audit.col.actor")}</label>
        <select
          id="audit-actor"
          name="actor"
          aria-invalid={invalid("actor")}
          aria-describedby="audit-actor-error"
        >
          <option value="">{t("audit.filter.anyone")}</option>
          <option value={SYSTEM_ACTOR} selected={v("actor") === SYSTEM_ACTOR}>
            {t("audit.system")}
          </option>
          {actors.map((a) => (
            <option key={a.id} value={a.id} selected={v("actor") === a.id}>
              {a.name}
            </option>
          ))}
        </select>
        <FieldError id="audit-actor-error" message={err("actor")} />
      </div>
      <div class="filter-field">
        <label for="audit-action">{t("admin.audit.col.action")}</label>
        <select
          id="audit-action"
          name="action"
          aria-invalid={invalid("action")}
          aria-describedby="audit-action-error"
        >
          <option value="">{t("audit.filter.any_action")}</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a} selected={v("action") === a}>
              {t(`admin.audit.action.${a}`)}
            </option>
          ))}
        </select>
        <FieldError id="audit-action-error" message={err("action")} />
      </div>
      <div class="filter-field">
        <label for="audit-from">{t("audit.filter.from")}</label>
        <input
          id="audit-from"
          name="from"
          type="date"
          value={v("from")}
          aria-invalid={invalid("from")}
          aria-describedby="audit-from-error"
        />
        <FieldError id="audit-from-error" message={err("from")} />
      </div>
      <div class="filter-field">
        <label for="audit-to">{t("audit.filter.to")}</label>
        <input
          id="audit-to"
          name="to"
          type="date"
          value={v("to")}
          aria-invalid={invalid("to")}
          aria-describedby="audit-to-error"
        />
        <FieldError id="audit-to-error" message={err("to")} />
      </div>
      <FieldError id="audit-cursor-error" message={err("cursor")} />
      <div class="filter-actions">
        <button type="submit">{t("audit.filter.apply")}</button>{" "}
        <a href="/admin/audit">{t("audit.filter.clear")}</a>
      </div>
    </form>
  );
}
