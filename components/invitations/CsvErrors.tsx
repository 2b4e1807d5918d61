import type { Translate } from "@/lib/i18n/i18n.ts";
import type { CsvErrorText } from "@/lib/identity/invitations/invitation_view.ts";

/** Every problem of a refused file, by line: nothing was imported. */
export function CsvErrors(
  { errors, fileName, t }: {
    errors: readonly CsvErrorText[];
    fileName: string;
    t: Translate;
  },
) {
  return (
    <section class="csv-errors" aria-labelledby="csv-errors-heading">
      <h2 id="csv-errors-heading" role="alert">
        {t("invitations.import.refused", {
          count: errors.length,
          file: fileName,
        })}
      </h2>
      <p>{t("invitations.import.refused_body")}</p>
      <div class="table-wrap">
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{t("invitations.col.line")}</th>
              <th scope="col">{t("invitations.col.field")}</th>
              <th scope="col">{t("invitations.col.problem")}</th>
            </tr>
          </thead>
          <tbody>
            {errors.map((e, i) => (
              <tr key={i}>
                <td>
                  {e.line === 0
                    ? t("invitations.csv.whole_file")
                    : t("invitations.csv.line", { line: e.line })}
                </td>
                <td>{t(e.field)}</td>
                <td>{t(e.message, e.params)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
