import type { Translate } from "@/lib/i18n/i18n.ts";
import {
  CONFIDENCE_LEVELS,
  confidenceField,
  type ConfidenceLevel,
} from "@/lib/quiz/confidence.ts";

/**
 * The confidence rating of one question (a quiz or exam with
 * `confidence: true`): a native radio group, so arrow keys move between the
 * three ratings and the form posts `c.<id>` without JavaScript. Optional;
 * `error` is the field's message after a refused submission.
 */
export function ConfidenceFields(
  props: {
    id: string;
    n: number;
    saved?: ConfidenceLevel;
    error?: string;
    t: Translate;
  },
) {
  const { id, n, saved, error, t } = props;
  const hintId = `confidence-${id}-hint`;
  const errorId = `confidence-${id}-error`;
  return (
    <fieldset
      class="confidence"
      aria-describedby={error ? `${errorId} ${hintId}` : hintId}
      data-testid={`confidence-${id}`}
    >
      <legend>{t("confidence.legend", { n })}</legend>
      <p class="meta" id={hintId}>{t("confidence.hint")}</p>
      {error && <p class="field-error" id={errorId} role="alert">{error}</p>}
      <div class="confidence-options">
        {CONFIDENCE_LEVELS.map((level) => (
          <label key={level}>
            <input
              type="radio"
              name={confidenceField(id)}
              value={level}
              checked={saved === level}
            />
            <span>{t(`confidence.level.${level}`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
