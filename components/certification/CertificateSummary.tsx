import { CertificateStatusBadge } from "@/components/certification/CertificateStatusBadge.tsx";
import type {
  Certificate,
  CertificateStatus,
} from "@/lib/certification/certificate_store.ts";
import { formatDate, type Language, type Translate } from "@/lib/i18n/i18n.ts";

/** A certificate's status, issue and expiry dates and its public verify link. */
export function CertificateSummary(
  { certificate, status, lang, t }: {
    certificate: Certificate;
    status: CertificateStatus;
    lang: Language;
    t: Translate;
  },
) {
  return (
    <>
      <CertificateStatusBadge status={status} t={t} />
      <p>
        {t("onboarding.today.cert_dates", {
          issued: formatDate(lang, certificate.issuedAt),
          expires: formatDate(lang, certificate.validUntil),
        })}{" "}
        <a href={`/verify/${certificate.id}`}>
          {t("onboarding.today.cert_link")}
        </a>
      </p>
    </>
  );
}
