import type { CertificateStatus } from "@/lib/certification/certificate_store.ts";
import type { Translate } from "@/lib/i18n/i18n.ts";

/** Valid / expired / revoked, in words and colour (never colour alone). */
export function CertificateStatusBadge(
  { status, t }: { status: CertificateStatus; t: Translate },
) {
  return (
    <p class={`cert-status cert-status-${status}`} data-status={status}>
      {t(`onboarding.cert.status.${status}`)}
    </p>
  );
}
