import CopyLink from "@/islands/CopyLink.tsx";
import type { Translate } from "@/lib/i18n/i18n.ts";

/** The copy button beside an invitation link, in the page's language. */
export function CopyInviteLink({ t, link }: { t: Translate; link: string }) {
  return (
    <CopyLink
      text={link}
      labels={{
        copy: t("staff.invite.copy"),
        copied: t("staff.invite.copied"),
        failed: t("staff.invite.copy_failed"),
      }}
    />
  );
}
