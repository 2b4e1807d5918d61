import type { ItemFlag } from "@/lib/analytics/item_analysis.ts";
import type { ItemRow } from "@/lib/analytics/item_report.ts";
import type { Translate } from "@/lib/i18n/i18n.ts";
import { optionLabel } from "@/lib/question_types/common/option_label.ts";

/** A 0..1 share as a percentage in the UI language. */
export function percent(t: Translate, v: number | null): string {
  return v === null ? t("items.na") : t("items.percent", { share: v });
}

/** A Moodle percentage figure (−100..100) with one decimal. */
function figure(t: Translate, v: number | null): string {
  return v === null ? t("items.na") : t("items.figure", { share: v / 100 });
}

function flagText(t: Translate, f: ItemFlag, row: ItemRow): string {
  switch (f.code) {
    case "too_easy":
    case "too_hard":
      return t(`items.flag.${f.code}`, { facility: percent(t, f.facility) });
    case "negative_discrimination":
      return t("items.flag.negative_discrimination", {
        index: figure(t, f.index),
      });
    case "low_discrimination":
      return t("items.flag.low_discrimination", {
        efficiency: figure(t, f.efficiency),
      });
    case "misleading_distractor":
      return t("items.flag.misleading_distractor", {
        option: row.optionText[f.option] ?? f.option,
        upper: percent(t, f.upperRate),
        lower: percent(t, f.lowerRate),
      });
  }
}

/** One question's statistics beside its prompt: figures, flags with reasons, option pick rates. */
export function ItemCard(
  { row, t, minN }: { row: ItemRow; t: Translate; minN: number },
) {
  const s = row.stats;
  const optionName = (id: string, i: number) =>
    row.type === "truefalse"
      ? t(id === "true" ? "check.true" : "check.false")
      : `${optionLabel(i)}. ${row.optionText[id] ?? id}`;
  const headingId = `item-${row.questionId}-${row.version}`;
  return (
    <article class="item-card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t("items.question", {
          id: row.questionId,
          type: t(`gift.type.${row.type}`),
          version: row.version,
        })}
      </h3>
      <p class="item-prompt">{row.prompt}</p>
      <dl class="item-figures">
        <div>
          <dt>{t("items.n")}</dt>
          <dd>
            {s.n}
            {s.n < minN && (
              <span class="meta">
                {" "}
                {t("items.n_item_small", { n: s.n })}
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t("items.facility")}</dt>
          <dd>{percent(t, s.facility)}</dd>
        </div>
        <div>
          <dt>{t("items.sd")}</dt>
          <dd>{percent(t, s.sd)}</dd>
        </div>
        <div>
          <dt>{t("items.di")}</dt>
          <dd>{figure(t, s.discriminationIndex)}</dd>
        </div>
        <div>
          <dt>{t("items.de")}</dt>
          <dd>{figure(t, s.discriminativeEfficiency)}</dd>
        </div>
      </dl>
      {s.flags.length > 0
        ? (
          <div class="item-flags">
            <p>
              <strong>{t("items.flags")}</strong>
            </p>
            <ul>
              {s.flags.map((f, i) => (
                <li key={i} class={`flag flag-${f.code}`}>
                  {flagText(t, f, row)}
                </li>
              ))}
            </ul>
          </div>
        )
        : <p class="meta">{t("items.ok")}</p>}
      {s.options.length > 0
        ? (
          <div
            class="table-wrap"
            tabIndex={0}
            role="region"
            aria-label={t("items.options")}
          >
            <table class="data-table">
              <caption>{t("items.options")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("items.col.option")}</th>
                  <th scope="col">{t("items.col.rate")}</th>
                  <th scope="col">{t("items.col.upper")}</th>
                  <th scope="col">{t("items.col.lower")}</th>
                </tr>
              </thead>
              <tbody>
                {s.options.map((o, i) => (
                  <tr key={o.id}>
                    <th scope="row">
                      {optionName(o.id, i)}
                      {o.correct && t("items.correct")}
                    </th>
                    <td>{percent(t, o.pickRate)}</td>
                    <td>{percent(t, o.upperRate)}</td>
                    <td>{percent(t, o.lowerRate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
        : <p class="meta">{t("items.no_options")}</p>}
    </article>
  );
}
