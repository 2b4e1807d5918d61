import { CertificateSummary } from "@/components/certification/CertificateSummary.tsx";
import { CertificationExplanation } from "@/components/certification/CertificationExplanation.tsx";
import { levelName } from "@/lib/certification/levels.ts";
import type { Language, Translate } from "@/lib/i18n/i18n.ts";
import type { LearnerLevel } from "@/lib/onboarding/today.ts";

/**
 * One certification level of a learner, as staff see it: the certificate if
 * there is one, whether the learner is eligible, and each rule explained.
 * Shared by the team learner page and the dashboard drill-down.
 */
export function LearnerLevelCard(
  { level: l, lang, t }: { level: LearnerLevel; lang: Language; t: Translate },
) {
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
      <p class="meta">
        {l.explanation.eligible
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
