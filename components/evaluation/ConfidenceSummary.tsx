import { EmptyState } from "@/components/EmptyState.tsx";
import {
  CALIBRATION_MARGIN,
  type CalibrationFigure,
  MIN_N_CALIBRATION,
  round,
} from "@/lib/evaluation/formulas.ts";
import type { Translate } from "@/lib/i18n/i18n.ts";

/**
 * Confidence versus correctness of one learner (level 2): rated answers,
 * mean confidence, share correct, the gap and the verdict; below the
 * minimum n only how many more rated answers are needed.
 */
export function ConfidenceSummary(
  props: { n: number; figure: CalibrationFigure | null; t: Translate },
) {
  const { n, figure, t } = props;
  const pct = (x: number) =>
    t("confidence.percent", { value: round(x * 100, 0) });
  return (
    <section class="stack" aria-labelledby="confidence-title" id="confidence">
      <h2 id="confidence-title">{t("confidence.title")}</h2>
      <p class="meta">
        {t("confidence.lead_agent", {
          margin: round(CALIBRATION_MARGIN * 100, 0),
        })}
      </p>
      {n === 0
        ? (
          <EmptyState title={t("confidence.empty")}>
            {t("confidence.empty_body")}
          </EmptyState>
        )
        : figure === null
        ? (
          <p data-testid="confidence-too-few">
            {t("confidence.too_few", {
              n,
              min: MIN_N_CALIBRATION,
              more: MIN_N_CALIBRATION - n,
            })}
          </p>
        )
        : (
          <div class="table-wrap">
            <table
              class="data-table"
              data-testid="confidence"
              data-kind={figure.kind}
            >
              <tbody>
                <tr>
                  <th scope="row">{t("confidence.rated")}</th>
                  <td>{figure.n}</td>
                </tr>
                <tr>
                  <th scope="row">{t("confidence.mean")}</th>
                  <td>{pct(figure.meanConfidence)}</td>
                </tr>
                <tr>
                  <th scope="row">{t("confidence.accuracy")}</th>
                  <td>{pct(figure.accuracy)}</td>
                </tr>
                <tr>
                  <th scope="row">{t("confidence.gap")}</th>
                  <td>
                    {t("confidence.points", {
                      value: `${figure.gap > 0 ? "+" : ""}${
                        round(figure.gap * 100, 0)
                      }`,
                    })}
                  </td>
                </tr>
                <tr>
                  <th scope="row">{t("confidence.kind")}</th>
                  <td>
                    <strong>{t(`confidence.kind.${figure.kind}`)}</strong>
                  </td>
                </tr>
              </tbody>
            </table>
          </div>
        )}
    </section>
  );
}
