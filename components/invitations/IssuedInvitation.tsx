import { Head } from "$fresh/runtime.ts";
import {
  formatDateTime,
  type Language,
  type Translate,
} from "@/lib/i18n/i18n.ts";
import type { IssuedView } from "@/lib/identity/invitations/invitation_submit.ts";
import { CopyInviteLink } from "./CopyInviteLink.tsx";

/** The answer to a successful invite: the link, once. */
export function IssuedInvitation(
  { issued, link, t, lang }: {
    issued: IssuedView;
    link: string;
    t: Translate;
    lang: Language;
  },
) {
  const place = "cohort" in issued.place
    ? issued.place.cohort
    : t(`role.${issued.place.role}`);
  return (
    <section class="narrow invitation-issued">
      <Head>
        <title>{`${t("invitations.issued.title")} · ${t("app.name")}`}</title>
      </Head>
      <h1>{t("invitations.issued.title")}</h1>
      <p class="lead">
        {t("invitations.issued.lead", { name: issued.name, cohort: place })}
      </p>
      <p class="notice" role="status">{t("invitations.no_email")}</p>
      <label for="invite-link">{t("invitations.issued.link")}</label>
      <textarea
        id="invite-link"
        class="invite-link"
        rows={3}
        readOnly
        aria-describedby="invite-link-hint"
      >
        {link}
      </textarea>
      <CopyInviteLink t={t} link={link} />
      <p id="invite-link-hint" class="meta">
        {t("staff.invite.issued_kept", {
          date: formatDateTime(lang, issued.expiresAt),
          contact: issued.contact,
        })}
      </p>
      <BackToInvitations t={t} />
    </section>
  );
}

/** The way back from a page of links to the invitations page. */
export function BackToInvitations({ t }: { t: Translate }) {
  return (
    <p>
      <a class="button" href="/invitations">
        {t("invitations.issued.back")}
      </a>
    </p>
  );
}
