import { Head } from "$fresh/runtime.ts";
import {
  formatDateTime,
  type Language,
  type Translate,
} from "@/lib/i18n/i18n.ts";
import type { ImportedView } from "@/lib/identity/invitations/import_submit.ts";
import { inviteLink } from "@/lib/identity/invitations/invitation_view.ts";
import { BackToInvitations } from "./IssuedInvitation.tsx";

/** The links of a successful import, shown on this answer only. */
export function ImportedLinks(
  { imported, origin, t, lang }: {
    imported: ImportedView;
    origin: string;
    t: Translate;
    lang: Language;
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
                    {inviteLink(origin, i.token)}
                  </textarea>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <BackToInvitations t={t} />
    </section>
  );
}
