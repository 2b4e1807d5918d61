import { SelectField } from "@/components/SelectField.tsx";
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
    <SelectField
      id={id}
      name="cohortId"
      label={t("invitations.cohort")}
      error={error}
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
    </SelectField>
  );
}
