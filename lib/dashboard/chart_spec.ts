/**
 * What a chart draws, as plain data: the chart island takes it as props and
 * the table beside the chart is rendered from the same object, so the
 * canvas and its accessible table cannot disagree. Labels arrive already
 * translated (charts follow the page language).
 */

/** One series of numbers, one value per label (null: no figure). */
export interface ChartSeries {
  label: string;
  data: (number | null)[];
}

/** A bar or line chart. */
export interface ChartSpec {
  /** Unique on the page: the canvas id and the table's id derive from it. */
  id: string;
  kind: "bar" | "line";
  /** Bars run left to right (long category names read better on a phone). */
  horizontal?: boolean;
  /** Bars of the series stack instead of standing side by side. */
  stacked?: boolean;
  /** Category labels (x axis, or y for horizontal bars). */
  labels: string[];
  series: ChartSeries[];
  /** Fixed top of the value axis (100 for percentages). */
  max?: number;
  /** The page language, for number formats on the axes. */
  lang: string;
  /** What the chart shows, for screen readers (the canvas's name). */
  title: string;
  /**
   * Categories to mark with a vertical line and a short text (a cohort's
   * start month on a trend); the table shows the text beside the label.
   */
  marks?: { index: number; text: string }[];
}

/** True when the chart has at least one figure to draw. */
export function hasFigures(spec: ChartSpec): boolean {
  return spec.labels.length > 0 &&
    spec.series.some((s) => s.data.some((v) => v !== null));
}
