import { FieldError } from "@/components/FieldError.tsx";
import type { ActorOption } from "@/lib/identity/audit/report/audit_page.ts";
import type { AuditQueryField } from "@/lib/identity/audit/audit_query.ts";
import {
  AUDIT_ACTIONS,
  SYSTEM_ACTOR,
} from "@/lib/identity/audit/audit_store.ts";
import type { FieldErrors } from "@/lib/forms/form.ts";
import type { Translate } from "@/lib/i18n/i18n.ts";
import type { JSX } from "preact";

/** What a filter field's control carries: its id, name and error wiring. */
interface FieldAttrs {
  id: string;
  name: string;
  "aria-invalid": "true" | undefined;
  "aria-describedby": string;
}

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
  // One labelled field: its control gets the id, name and error wiring.
  const field = (
    f: "actor" | "action" | "from" | "to",
    label: string,
    control: (attrs: FieldAttrs) => JSX.Element,
  ) => (
    <div class="filter-field">
      <label for={`audit-${f}`}>{label}</label>
      {control({
        id: `audit-${f}`,
        name: f,
        "aria-invalid": errors[f] ? "true" : undefined,
        "aria-describedby": `audit-${f}-error`,
      })}
      <FieldError id={`audit-${f}-error`} message={err(f)} />
    </div>
  );
  return (
    <form method="get" class="filter-form" aria-labelledby="audit-filter">
      <h2 id="audit-filter" class="sr-only">{t("audit.filter.title")}</h2>
      {field("actor", t("admin.audit.col.actor"), (attrs) => (
        <select {...attrs}>
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
      ))}
      {field(
        "action",
        t("admin.audit.col.action"),
        (attrs) => (
          <select {...attrs}>
            <option value="">{t("audit.filter.any_action")}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a} selected={v("action") === a}>
                {t(`admin.audit.action.${a}`)}
              </option>
            ))}
          </select>
        ),
      )}
      {field(
        "from",
        t("audit.filter.from"),
        (attrs) => <input {...attrs} type="date" value={v("from")} />,
      )}
      {field(
        "to",
        t("audit.filter.to"),
        (attrs) => <input {...attrs} type="date" value={v("to")} />,
      )}
      <FieldError id="audit-cursor-error" message={err("cursor")} />
      <div class="filter-actions">
        <button type="submit">{t("audit.filter.apply")}</button>{" "}
        <a href="/admin/audit">{t("audit.filter.clear")}</a>
      </div>
    </form>
  );
}
