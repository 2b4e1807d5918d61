import type { Translate } from "@/lib/i18n/i18n.ts";
import {
  type StoredLine,
  verdictSummaryKey,
  verdictView,
} from "@/lib/rubric/verdict_view.ts";

/** Props of {@link VerdictDetails}. */
export interface VerdictDetailsProps {
  /** The stored verdict lines of one reply (lib/rubric `verdictLines`). */
  lines: readonly StoredLine[];
  /** Whether the reply passed where it was graded. */
  passed: boolean;
  t: Translate;
}

/**
 * One graded reply's verdict: a summary (passed, not passed, red line,
 * not graded), then red lines first, criteria and deductions, each with the
 * reply's words that decided it and the reason in the page's language.
 */
export function VerdictDetails({ lines, passed, t }: VerdictDetailsProps) {
  const view = verdictView(lines, t);
  const summary = verdictSummaryKey(lines, passed);
  return (
    <div class="rubric-verdict">
      <p class={`verdict-summary ${passed ? "pass" : "fail"}`}>
        {t(summary)}
      </p>
      <ul class="criteria">
        {view.map((line, i) => (
          <li
            key={i}
            class={`${line.passed ? "pass" : "fail"} verdict-${line.kind}`}
          >
            <span aria-hidden="true">{line.passed ? "✓" : "✗"}</span>{" "}
            <span class="sr-only">
              {t(line.passed ? "grading.met" : "grading.not_met")}
            </span>
            <strong>{line.title}</strong>
            {t("grading.title_separator")}
            <span class="verdict-reason">{line.reason}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
