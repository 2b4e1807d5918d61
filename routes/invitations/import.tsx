import { Head } from "$fresh/runtime.ts";
import { publicOrigin } from "@/lib/http/public_origin.ts";
import {
  cohortLabel,
  type CsvErrorText,
  csvErrorText,
  inviteeContact,
} from "@/lib/identity/invitations/invitation_view.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { CsrfField } from "@/components/CsrfField.tsx";
import { EmptyState } from "@/components/EmptyState.tsx";
import { FieldError } from "@/components/FieldError.tsx";
import type { SignedInState } from "@/lib/http/state.ts";
import { formatDateTime, type MessageKey } from "@/lib/i18n/i18n.ts";
import {
  importNewHires,
  MAX_CSV_BYTES,
  MAX_CSV_ROWS,
} from "@/lib/identity/invitations/csv_import.ts";
import { NotFoundError } from "@/lib/errors.ts";
import {
  type CohortOption,
  type ImportField,
  invitableCohorts,
  parseImportForm,
} from "@/lib/identity/invitations/invitation_form.ts";

/** What a successful import shows, once: one link per new hire. */
interface Imported {
  cohortName: string;
  expiresAt: Date;
  invitations: { line: number; name: string; contact: string; link: string }[];
}

interface Data {
  cohorts: CohortOption[];
  cohortId: string;
  errors: Partial<Record<ImportField, MessageKey>>;
  /** Every problem of a refused file, by line. */
  csvErrors?: CsvErrorText[];
  fileName?: string;
  imported?: Imported;
}

/** Room for the other fields and the multipart framing around the file. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

export const handler: Handlers<Data, SignedInState> = {
  async GET(_req, ctx) {
    const cohorts = await invitableCohorts(ctx.state.kv, ctx.state.user);
    const wanted = ctx.url.searchParams.get("cohort") ?? "";
    return ctx.render({
      cohorts,
      cohortId: cohorts.some((c) => c.id === wanted) ? wanted : "",
      errors: {},
    });
  },
  async POST(req, ctx) {
    const { kv, user } = ctx.state;
    const cohorts = await invitableCohorts(kv, user);
    const page = (status: number, more: Partial<Data>) =>
      ctx.render({ cohorts, cohortId: "", errors: {}, ...more }, { status });
    // Refuse a body that cannot hold an acceptable file before reading it.
    const declared = Number(req.headers.get("content-length") ?? 0);
    if (declared > MAX_CSV_BYTES + FORM_OVERHEAD_BYTES) {
      await req.body?.cancel();
      return await page(413, {
        errors: { file: "invitations.import.file_too_large" },
      });
    }
    let form: FormData;
    try {
      form = await req.formData();
    } catch {
      return await page(400, {
        errors: { file: "invitations.import.file_required" },
      });
    }
    const cohortField = form.get("cohortId");
    const cohortId = typeof cohortField === "string"
      ? cohortField.slice(0, 40)
      : "";
    const input = parseImportForm(form);
    if (!input.ok) {
      return await page(input.tooLarge ? 413 : 422, {
        cohortId,
        errors: input.errors,
      });
    }
    const { file } = input.data;
    const fileName = file.name.slice(0, 100);
    let result;
    try {
      result = await importNewHires(
        kv,
        user.id,
        input.data.cohortId,
        new Uint8Array(await file.arrayBuffer()),
        new Date(),
      );
    } catch (error) {
      // ForbiddenError (another team's cohort) escapes: a 403 page.
      if (!(error instanceof NotFoundError)) throw error;
      return await page(422, {
        cohortId,
        errors: { cohortId: "invitations.cohort_unknown" },
      });
    }
    if (!result.ok) {
      return await page(422, {
        cohortId,
        fileName,
        csvErrors: result.errors.map(csvErrorText),
      });
    }
    const cohort = cohorts.find((c) => c.id === input.data.cohortId);
    const res = await ctx.render({
      cohorts,
      cohortId,
      errors: {},
      imported: {
        cohortName: cohort ? cohortLabel(cohort) : cohortId,
        expiresAt: result.invitations[0].invitation.expiresAt,
        invitations: result.invitations.map((i) => ({
          line: i.line,
          name: i.invitation.name,
          contact: inviteeContact(i.invitation),
          link: `${publicOrigin(ctx.url)}/invite/${i.token}`,
        })),
      },
    }, { status: 201 });
    // The links are passwords in all but name: keep them out of caches.
    res.headers.set("cache-control", "no-store");
    return res;
  },
};

type T = SignedInState["t"];

/** The links of a successful import, shown on this answer only. */
function ImportedView(
  { imported, t, lang }: {
    imported: Imported;
    t: T;
    lang: SignedInState["lang"];
  },
) {
  return (
    <section class="invitation-issued">
      <Head>
        <title>
          {`${t("invitations.import.done_title")} · ${t("app.name")}`}
        </title>
      </Head>
      <h1>{t("invitations.import.done_title")}</h1>
      <p class="lead" role="status">
        {t("invitations.import.done_lead", {
          count: imported.invitations.length,
          cohort: imported.cohortName,
        })}
      </p>
      <p class="notice">{t("invitations.no_email")}</p>
      <p class="meta">
        {t("invitations.import.done_once", {
          date: formatDateTime(lang, imported.expiresAt),
        })}
      </p>
      <div class="table-wrap">
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{t("invitations.col.line")}</th>
              <th scope="col">{t("invitations.col.name")}</th>
              <th scope="col">{t("invitations.col.contact")}</th>
              <th scope="col">{t("invitations.col.link")}</th>
            </tr>
          </thead>
          <tbody>
            {imported.invitations.map((i) => (
              <tr key={i.line}>
                <td>{i.line}</td>
                <th scope="row">{i.name}</th>
                <td>{i.contact}</td>
                <td>
                  <textarea
                    class="invite-link"
                    rows={3}
                    readOnly
                    aria-label={t("invitations.import.link_of", {
                      name: i.name,
                    })}
                  >
                    {i.link}
                  </textarea>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <a class="button" href="/invitations">
          {t("invitations.issued.back")}
        </a>
      </p>
    </section>
  );
}

export default function ImportPage(
  { data, state: { t, lang, csrfToken, user } }: PageProps<
    Data,
    SignedInState
  >,
) {
  if (data.imported) {
    return <ImportedView imported={data.imported} t={t} lang={lang} />;
  }
  const error = (f: ImportField) =>
    data.errors[f] ? t(data.errors[f]!) : undefined;
  const example = data.cohorts[0];
  const exampleTeam = example?.teamName ?? t("invitations.import.example_team");
  const exampleDate = example?.startDate ?? "2026-03-01";
  return (
    <section>
      <Head>
        <title>{`${t("invitations.import.title")} · ${t("app.name")}`}</title>
      </Head>
      <p>
        <a href="/invitations">{t("invitations.import.back")}</a>
      </p>
      <h1>{t("invitations.import.title")}</h1>
      <p class="lead">{t("invitations.import.lead")}</p>

      {data.csvErrors && (
        <section class="csv-errors" aria-labelledby="csv-errors-heading">
          <h2 id="csv-errors-heading" role="alert">
            {t("invitations.import.refused", {
              count: data.csvErrors.length,
              file: data.fileName ?? "",
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
                {data.csvErrors.map((e, i) => (
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
      )}

      {data.cohorts.length === 0
        ? (
          <EmptyState title={t("invitations.no_cohorts.title")}>
            {t(
              user.role === "admin"
                ? "invitations.no_cohorts.admin"
                : "invitations.no_cohorts.manager",
            )}
          </EmptyState>
        )
        : (
          <div class="admin-forms invitation-forms">
            <form
              method="post"
              enctype="multipart/form-data"
              class="stack"
              novalidate
              aria-labelledby="import-heading"
            >
              <h2 id="import-heading">{t("invitations.import.form_title")}</h2>
              <CsrfField token={csrfToken} />
              <label for="import-cohortId">{t("invitations.cohort")}</label>
              <select
                id="import-cohortId"
                name="cohortId"
                aria-invalid={error("cohortId") ? "true" : undefined}
                aria-describedby="import-cohortId-error"
              >
                {data.cohorts.map((c) => (
                  <option
                    key={c.id}
                    value={c.id}
                    selected={data.cohortId === c.id}
                  >
                    {t("invitations.cohort_option", {
                      cohort: c.name,
                      team: c.teamName,
                      date: c.startDate,
                    })}
                  </option>
                ))}
              </select>
              <FieldError
                id="import-cohortId-error"
                message={error("cohortId")}
              />
              <label for="import-file">{t("invitations.import.file")}</label>
              <input
                id="import-file"
                name="file"
                type="file"
                accept=".csv,text/csv"
                required
                aria-invalid={error("file") ? "true" : undefined}
                aria-describedby="import-file-error import-file-hint"
              />
              <FieldError id="import-file-error" message={error("file")} />
              <p id="import-file-hint" class="meta">
                {t("invitations.import.file_hint", {
                  rows: MAX_CSV_ROWS,
                  mb: MAX_CSV_BYTES / 1024 / 1024,
                })}
              </p>
              <button type="submit">{t("invitations.import.submit")}</button>
            </form>
            <aside class="notice" aria-labelledby="columns-heading">
              <h2 id="columns-heading">
                {t("invitations.import.columns_title")}
              </h2>
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
          </div>
        )}
    </section>
  );
}
