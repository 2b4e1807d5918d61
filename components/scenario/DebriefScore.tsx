import { RedLine } from "@/lib/content/schema.ts";
import type { Translate } from "@/lib/i18n/i18n.ts";
import type { Debrief } from "@/lib/scenario/engine.ts";

/**
 * Whether the run passed and, when not, every reason: the ending, failed
 * replies, red lines crossed (with the words, when the grader marked them)
 * and a late first response.
 */
export function RunVerdict({ d, t }: { d: Debrief; t: Translate }) {
  const f = d.failures;
  const reasons = [
    ...(f.lost ? [t("scoring.fail.lost")] : []),
    ...(f.failedReplies.length
      ? [t("scoring.fail.failed_reply", { count: f.failedReplies.length })]
      : []),
    ...(f.breaches.length ? [t("scoring.fail.breach")] : []),
    ...(f.late ? [t("scoring.fail.late")] : []),
  ];
  return (
    <section class="run-verdict" aria-labelledby="run-verdict">
      <p
        id="run-verdict"
        class={`verdict ${d.passed ? "verdict-pass" : "verdict-fail"}`}
      >
        {t(d.passed ? "scoring.passed" : "scoring.not_passed")}
      </p>
      {!d.passed && reasons.length > 0 && (
        <p>
          {t("scoring.not_passed_because")}
          {reasons.join(t("scoring.list_separator"))}
        </p>
      )}
      {f.breaches.length > 0 && (
        <>
          <h2>{t("scoring.breaches.title")}</h2>
          <ul class="breaches">
            {f.breaches.map((b) => (
              <li key={`${b.turn}-${b.category}-${b.start ?? ""}`}>
                {t("scoring.breaches.item", {
                  step: b.turn + 1,
                  category: redLineName(b.category, t),
                })}
                {b.text && (
                  <>
                    {" "}
                    <q>{b.text}</q>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Per costly step: points earned, points possible, and what each failure took off (a list: it fits a phone). */
export function StepCostTable({ d, t }: { d: Debrief; t: Translate }) {
  const costly = d.costs.filter((c) => c.lost > 0);
  return (
    <section aria-labelledby="step-costs">
      <h2 id="step-costs">{t("scoring.costs.title")}</h2>
      {costly.length === 0 ? <p>{t("scoring.costs.none")}</p> : (
        <>
          <p class="meta">{t("scoring.costs.lead")}</p>
          <ol class="step-costs">
            {costly.map((c) => (
              <li key={c.turn}>
                <p class="step-costs-line">
                  {t("scoring.costs.step", {
                    step: c.turn + 1,
                    customer: short(d.transcript[c.turn].customer),
                  })}
                </p>
                <p class="meta">
                  {t("scoring.costs.earned")} {c.earned} · {t(
                    "scoring.costs.best",
                  )} {c.best} ·{" "}
                  <strong>{t("scoring.costs.lost")} −{c.lost}</strong>
                </p>
                {c.penalties.length > 0 && (
                  <ul class="penalties">
                    {c.penalties.map((p) => (
                      <li key={p.kind}>
                        {t(`scoring.penalty.${p.kind}`, { points: p.points })}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

/** The customer's line, cut to fit a table cell. */
function short(text: string): string {
  const chars = [...text];
  return chars.length > 36 ? `${chars.slice(0, 36).join("")}…` : text;
}

/** A red line's name; a category this catalog does not know shows as it is. */
function redLineName(category: string, t: Translate): string {
  const known = RedLine.safeParse(category);
  return known.success ? t(`scoring.redline.${known.data}`) : category;
}
