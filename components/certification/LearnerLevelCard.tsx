import { CertificateSummary } from "@/components/certification/CertificateSummary.tsx";
import { CertificationExplanation } from "@/components/certification/CertificationExplanation.tsx";
import { levelName } from "@/lib/certification/levels.ts";
import type { Criterion } from "@/lib/certification/rules.ts";
import type { Language, Translate } from "@/lib/i18n/i18n.ts";
import type { LearnerLevel } from "@/lib/onboarding/today.ts";

/**
 * One certification level of a learner, as staff see it: the certificate if
 * there is one (with the rules it was issued on), whether the learner is
 * eligible (or, holding it, how renewal stands), and each rule explained.
 * Shared by the team learner page and the dashboard drill-down.
 */
export function LearnerLevelCard(
  { level: l, lang, t }: { level: LearnerLevel; lang: Language; t: Translate },
) {
  // A valid certificate's explanation is the renewal's: evidence since it
  // was issued (lib/onboarding/onboarding_record.ts), not what it still needs.
  const held = l.certificate !== null && l.status === "valid";
  return (
    <div class="card">
      <h3>{levelName(l.level, lang)}</h3>
      {l.certificate && l.status && (
        <CertificateSummary
          certificate={l.certificate}
          status={l.status}
          lang={lang}
          t={t}
        />
      )}
      {l.certificate && (
        // The rules as they stood when it was issued (kept with it).
        <details>
          <summary>{t("dd.cert.issued_on")}</summary>
          <CertificationExplanation
            explanation={{
              levelId: `${l.level.id}-issued`,
              // Stored as issued; ids are the rule engine's own.
              criteria: l.certificate.criteria as Criterion[],
              eligible: true,
            }}
            missing={[]}
            t={t}
          />
        </details>
      )}
      <p class="meta">
        {held
          ? t(
            l.explanation.eligible
              ? "dd.cert.renewal_met"
              : "dd.cert.renewal_intro",
          )
          : l.explanation.eligible
          ? t("onboarding.learner.eligible")
          : t("onboarding.learner.missing_intro")}
      </p>
      <CertificationExplanation
        explanation={l.explanation}
        missing={l.missing}
        t={t}
      />
    </div>
  );
}
