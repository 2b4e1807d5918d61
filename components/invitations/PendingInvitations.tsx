import { ConfirmForm } from "@/components/ConfirmForm.tsx";
import {
  formatDateTime,
  type Language,
  type Translate,
} from "@/lib/i18n/i18n.ts";
import {
  inviteLink,
  type PendingRow,
} from "@/lib/identity/invitations/invitation_view.ts";
import { CopyInviteLink } from "./CopyInviteLink.tsx";

/** The pending invitations with their links, each with a confirmed revoke. */
export function PendingInvitations(
  { rows, origin, t, lang, csrfToken }: {
    rows: readonly PendingRow[];
    origin: string;
    t: Translate;
    lang: Language;
    csrfToken: string;
  },
) {
  return (
    <div class="table-wrap">
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">{t("invitations.col.name")}</th>
            <th scope="col">{t("invitations.col.contact")}</th>
            <th scope="col">{t("invitations.col.cohort")}</th>
            <th scope="col">{t("invitations.col.expires")}</th>
            <th scope="col">{t("staff.invite.col.link")}</th>
            <th scope="col">{t("invitations.col.action")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.id} id={`invitation-${p.id}`}>
              <th scope="row">{p.name}</th>
              <td>{p.contact}</td>
              <td>
                {p.cohortId ? p.cohortName : t("staff.invite.staff_row", {
                  role: t(`role.${p.role}`),
                })}
              </td>
              <td>{formatDateTime(lang, p.expiresAt)}</td>
              <td>
                {p.token
                  ? (
                    <>
                      <input
                        class="invite-link"
                        readOnly
                        value={inviteLink(origin, p.token)}
                        aria-label={t("staff.invite.link_of", { name: p.name })}
                      />
                      <CopyInviteLink
                        t={t}
                        link={inviteLink(origin, p.token)}
                      />
                    </>
                  )
                  : <span class="meta">{t("staff.invite.no_link")}</span>}
              </td>
              <td>
                <ConfirmForm
                  summary={t("invitations.revoke")}
                  question={t("invitations.revoke_confirm", { name: p.name })}
                  submit={t("invitations.revoke_submit")}
                  fields={{
                    action: "revoke",
                    invitationId: p.id,
                    cohortId: p.cohortId,
                  }}
                  csrfToken={csrfToken}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <a class="button secondary small" href="/invitations/links" download>
          {t("staff.invite.download")}
        </a>
      </p>
    </div>
  );
}
