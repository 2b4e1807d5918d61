import { CsrfField } from "@/components/CsrfField.tsx";
import { VerdictDetails } from "@/components/rubric/VerdictDetails.tsx";
import type { DrillRoundView } from "@/lib/drill/drill_view.ts";
import type { Translate } from "@/lib/i18n/i18n.ts";

/** Props of {@link DrillRound}. */
export interface DrillRoundProps {
  round: DrillRoundView;
  /** POST here to start another round. */
  againUrl: string;
  /** The drill list. */
  backUrl: string;
  csrfToken: string;
  t: Translate;
}

/**
 * A finished drill round: the total, then per item the customer's message,
 * the learner's reply beside the model answer, the score and the verdict;
 * "再练一次" and the way back.
 */
export function DrillRound(
  { round, againUrl, backUrl, csrfToken, t }: DrillRoundProps,
) {
  return (
    <section class="drill-round" aria-labelledby="drill-round-title">
      <h2 id="drill-round-title">{t("grading.drill.result")}</h2>
      <p
        class={`outcome ${round.passed ? "outcome-resolved" : "outcome-lost"}`}
      >
        {t(round.passed ? "grading.drill.passed" : "grading.drill.failed", {
          score: round.score,
        })}
      </p>
      <ol class="drill-round-items">
        {round.items.map((item, i) => (
          <li key={item.itemId} class="drill-round-item">
            <h3>{t("grading.drill.item", { n: i + 1 })}</h3>
            <p class="bubble from-customer">{item.customer}</p>
            <div class="compare">
              <div>
                <h4>{t("grading.drill.yours")}</h4>
                <p class="bubble from-agent">{item.reply}</p>
              </div>
              <div>
                <h4>{t("grading.drill.model")}</h4>
                <p class="bubble from-agent model">{item.modelAnswer}</p>
              </div>
            </div>
            <p class="meta">
              {t("grading.drill.item_score", {
                score: item.score,
                seconds: item.seconds,
                limit: item.limit,
              })}
            </p>
            <VerdictDetails lines={item.lines} passed={item.passed} t={t} />
          </li>
        ))}
      </ol>
      <div class="actions">
        <form method="post" action={againUrl}>
          <CsrfField token={csrfToken} />
          <button type="submit">{t("grading.drill.again")}</button>
        </form>
        <a class="button secondary" href={backUrl}>
          {t("grading.drill.back")}
        </a>
      </div>
    </section>
  );
}
