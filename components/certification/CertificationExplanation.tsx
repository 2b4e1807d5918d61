import type { Explanation } from "@/lib/certification/rules.ts";
import type { Translate } from "@/lib/i18n/i18n.ts";

/**
 * Each rule of a level as met / not met / pending with its numbers and what
 * is missing (titles already resolved by the caller, one list per criterion).
 */
export function CertificationExplanation(
  { explanation, missing, t }: {
    explanation: Explanation;
    missing: string[][];
    t: Translate;
  },
) {
  return (
    <ul class="criteria" data-testid={`criteria-${explanation.levelId}`}>
      {explanation.criteria.map((c, i) => (
        <li
          key={c.id}
          class={`state-${c.state}`}
          data-criterion={c.id}
          data-state={c.state}
        >
          <span class="state-word">
            {t(`onboarding.state.${c.state}`)}
          </span>
          {t("onboarding.colon")}
          {t(`onboarding.criterion.${c.id}`, c.numbers)}
          {missing[i]?.length > 0 && (
            <>
              <br />
              <span class="meta">
                {t("onboarding.criterion.missing", {
                  list: missing[i].join(t("onboarding.list_sep")),
                })}
              </span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
