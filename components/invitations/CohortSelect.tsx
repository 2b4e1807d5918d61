import { FieldError } from "@/components/FieldError.tsx";
import type { Translate } from "@/lib/i18n/i18n.ts";
import type { CohortOption } from "@/lib/identity/invitations/invitation_view.ts";

/** The cohort picker of the invite and import forms, with its error line. */
export function CohortSelect(
  { t, id, cohorts, selected, error }: {
    t: Translate;
    /** The select's id; its error line is `${id}-error`. */
    id: string;
    cohorts: readonly CohortOption[];
    selected: string | undefined;
    /** Translated. */
    error?: string;
  },
) {
  return (
    <>
      <label for={id}>{t("invitations.cohort")}</label>
      <select
        id={id}
        name="cohortId"
        aria-invalid={error ? "true" : undefined}
        aria-describedby={`${id}-error`}
      >
        {cohorts.map((c) => (
          <option key={c.id} value={c.id} selected={selected === c.id}>
            {t("invitations.cohort_option", {
              cohort: c.name,
              team: c.teamName,
              date: c.startDate,
            })}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-error`} message={error} />
    </>
  );
}
