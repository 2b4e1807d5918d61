import type { ComponentChildren } from "preact";
import ChartCanvas from "@/islands/charts/ChartCanvas.tsx";
import { type ChartSpec, hasFigures } from "@/lib/dashboard/chart_spec.ts";

/** A figure as the table shows it: plain digits, one decimal at most. */
export function figure(lang: string, v: number | null): string {
  if (v === null) return "—";
  return new Intl.NumberFormat(lang, {
    maximumFractionDigits: 1,
    useGrouping: false,
  }).format(v);
}

/**
 * A chart with its numbers in a table beside it (the same `spec` feeds
 * both), a caption, an optional CSV link, and what to do when there is
 * nothing to draw yet. The chart island loads only where this is used.
 */
export function ChartFigure(props: {
  spec: ChartSpec;
  caption: string;
  /** The header of the label column ("模块", "Learner"). */
  labelHeader: string;
  /** Shown instead of the chart when it has no figures. */
  empty: ComponentChildren;
  csvHref?: string;
  csvLabel?: string;
  note?: ComponentChildren;
}) {
  const { spec } = props;
  const tableId = `${spec.id}-table`;
  const captionId = `${spec.id}-caption`;
  const marks = new Map<number, string>();
  for (const m of spec.marks ?? []) {
    marks.set(
      m.index,
      [marks.get(m.index), m.text].filter(Boolean).join(
        spec.lang === "en" ? ", " : "、",
      ),
    );
  }
  return (
    <figure class="chart-figure" aria-labelledby={captionId}>
      <figcaption id={captionId}>{props.caption}</figcaption>
      {!hasFigures(spec)
        ? <p class="meta chart-empty">{props.empty}</p>
        : (
          <div class="chart-pair">
            <ChartCanvas spec={spec} tableId={tableId} />
            <div
              class="table-wrap"
              tabIndex={0}
              role="region"
              aria-labelledby={captionId}
            >
              <table class="data-table chart-table" id={tableId}>
                <thead>
                  <tr>
                    <th scope="col">{props.labelHeader}</th>
                    {spec.series.map((s) => (
                      <th scope="col" key={s.label}>{s.label}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {spec.labels.map((label, i) => (
                    <tr key={label}>
                      <th scope="row">
                        {label}
                        {marks.get(i) && (
                          <span class="meta chart-mark">
                            {" · "}
                            {marks.get(i)}
                          </span>
                        )}
                      </th>
                      {spec.series.map((s) => (
                        <td data-value={s.data[i] ?? ""}>
                          {figure(spec.lang, s.data[i])}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        )}
      {props.note && <p class="meta">{props.note}</p>}
      {props.csvHref && hasFigures(spec) && (
        <p>
          <a href={props.csvHref} download>{props.csvLabel}</a>
        </p>
      )}
    </figure>
  );
}
