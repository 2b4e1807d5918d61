import { TextField } from "@/components/TextField.tsx";
import type { FieldErrors } from "@/lib/forms/form.ts";
import type { Translate } from "@/lib/i18n/i18n.ts";
import {
  MAX_CSV_BYTES,
  MAX_CSV_ROWS,
} from "@/lib/identity/invitations/csv_import.ts";
import type { ImportField } from "@/lib/identity/invitations/invitation_form.ts";
import type { CohortOption } from "@/lib/identity/invitations/invitation_view.ts";
import { CohortForm } from "./CohortForm.tsx";

/** The upload form, and beside it the columns a file needs with an example. */
export function ImportForm(
  { t, csrfToken, cohorts, cohortId, errors }: {
    t: Translate;
    csrfToken: string;
    cohorts: readonly CohortOption[];
    cohortId: string;
    errors: FieldErrors<ImportField>;
  },
) {
  const error = (f: ImportField) => errors[f] ? t(errors[f]!) : undefined;
  const example = cohorts[0];
  const exampleTeam = example?.teamName ?? t("invitations.import.example_team");
  const exampleDate = example?.startDate ?? "2026-03-01";
  return (
    <CohortForm
      t={t}
      csrfToken={csrfToken}
      enctype="multipart/form-data"
      id="import"
      heading={t("invitations.import.form_title")}
      cohorts={cohorts}
      cohortId={cohortId}
      cohortError={error("cohortId")}
      aside={
        <aside class="notice" aria-labelledby="columns-heading">
          <h2 id="columns-heading">{t("invitations.import.columns_title")}</h2>
          <ul>
            <li>{t("invitations.import.col_name")}</li>
            <li>{t("invitations.import.col_contact")}</li>
            <li>{t("invitations.import.col_team")}</li>
            <li>{t("invitations.import.col_date")}</li>
          </ul>
          <p>{t("invitations.import.columns_rules")}</p>
          <p>{t("invitations.import.example")}</p>
          <pre class="csv-example"><code>{[
              t("invitations.import.example_header"),
              `${t("invitations.import.example_name1")},li@example.com,,${exampleTeam},${exampleDate}`,
              `${t("invitations.import.example_name2")},,13800000001,${exampleTeam},${exampleDate}`,
            ].join("\n")}</code></pre>
        </aside>
      }
    >
      <TextField
        id="import-file"
        name="file"
        type="file"
        accept=".csv,text/csv"
        required
        label={t("invitations.import.file")}
        hint={t("invitations.import.file_hint", {
          rows: MAX_CSV_ROWS,
          mb: MAX_CSV_BYTES / 1024 / 1024,
        })}
        error={error("file")}
      />
      <button type="submit">{t("invitations.import.submit")}</button>
    </CohortForm>
  );
}
