import type { Translate } from "@/lib/i18n/i18n.ts";
import type { GiftPreview } from "@/lib/gift/gift_import.ts";
import {
  giftAt,
  giftProblemText,
  giftWarningText,
} from "@/lib/gift/messages.ts";

/** What an import would do: counts, problems and notes at line:col, each question. */
export function GiftPreviewView(
  { preview, bankTitle, t }: {
    preview: GiftPreview;
    bankTitle: string;
    t: Translate;
  },
) {
  const { plan } = preview;
  const ok = Object.values(plan.counts).reduce((a, b) => a + b, 0);
  return (
    <section class="gift-preview" aria-labelledby="gift-preview-heading">
      <h2 id="gift-preview-heading">{t("gift.preview.heading")}</h2>
      <p role="status">
        {t("gift.preview.summary", {
          ok,
          creates: plan.creates,
          updates: plan.updates,
          unchanged: plan.unchanged,
          problems: plan.problems.length,
          warnings: plan.warnings.length,
        })}
      </p>
      {preview.newBank && (
        <p>{t("gift.preview.new_bank", { bank: bankTitle })}</p>
      )}
      {plan.categories.length > 0 && (
        <p class="meta">
          {t("gift.preview.categories", { list: plan.categories.join("、") })}
        </p>
      )}
      {ok > 0 && (
        <div
          class="table-wrap"
          tabIndex={0}
          role="region"
          aria-label={t("gift.col.count")}
        >
          <table class="data-table">
            <caption class="sr-only">{t("gift.col.count")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("gift.col.type")}</th>
                <th scope="col">{t("gift.col.count")}</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(plan.counts).map(([type, n]) => (
                <tr key={type}>
                  <th scope="row">{t(`gift.type.${type as "single"}`)}</th>
                  <td>{n}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {plan.problems.length > 0 && (
        <>
          <h3>{t("gift.problems")}</h3>
          <p>{t("gift.preview.fix_first")}</p>
          <ul class="gift-problems">
            {plan.problems.map((p, i) => (
              <li key={i} class="feedback wrong">
                <strong>{giftAt(t, p)}</strong>
                {t("learner.label_separator")}
                {giftProblemText(t, p)}
              </li>
            ))}
          </ul>
        </>
      )}
      {plan.warnings.length > 0 && (
        <>
          <h3>{t("gift.warnings")}</h3>
          <ul class="gift-warnings">
            {plan.warnings.map((w, i) => (
              <li key={i}>
                <strong>{giftAt(t, w)}</strong>
                {t("learner.label_separator")}
                {giftWarningText(t, w)}
              </li>
            ))}
          </ul>
        </>
      )}
      {plan.questions.length > 0 && (
        <div
          class="table-wrap"
          tabIndex={0}
          role="region"
          aria-label={t("gift.preview.heading")}
        >
          <table class="data-table gift-questions">
            <caption class="sr-only">{t("gift.preview.heading")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("gift.col.line")}</th>
                <th scope="col">{t("gift.col.gift")}</th>
                <th scope="col">{t("gift.col.type")}</th>
                <th scope="col">{t("gift.col.id")}</th>
                <th scope="col">{t("gift.col.action")}</th>
                <th scope="col">{t("gift.col.prompt")}</th>
              </tr>
            </thead>
            <tbody>
              {plan.questions.map((q, i) => (
                <tr key={i}>
                  <td>{q.line}</td>
                  <td>{q.giftType}</td>
                  <td>{q.type ? t(`gift.type.${q.type}`) : "—"}</td>
                  <td>{q.question?.id ?? "—"}</td>
                  <td>{t(`gift.action.${q.action ?? "none"}`)}</td>
                  <td>{q.question?.prompt ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
