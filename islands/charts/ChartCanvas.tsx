import { useEffect, useRef } from "preact/hooks";
// Only the parts the dashboards draw (bar and line charts), so the bundle
// carries a fraction of chart.js (tree-shaken by esbuild).
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from "chart.js";
import type { Plugin } from "chart.js";
import type { ChartSpec } from "@/lib/dashboard/chart_spec.ts";

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
);

// Colour-blind-safe (Okabe-Ito), each at least 3:1 against white.
const COLOURS = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#8a6d00"];

/**
 * A category label cut to fit a phone's axis; the full name is in the
 * tooltip and in the table beside the chart.
 */
function short(this: { getLabelForValue(v: number): string }, value: unknown) {
  const label = String(this.getLabelForValue(Number(value)));
  return [...label].length > 12
    ? [...label].slice(0, 11).join("") + "…"
    : label;
}

/**
 * Dashed vertical lines with a short text at marked categories (a cohort's
 * start month): a few lines of canvas drawing instead of the annotation
 * plugin, which would add its weight to every dashboard page.
 */
function marksPlugin(marks: NonNullable<ChartSpec["marks"]>): Plugin {
  return {
    id: "marks",
    afterDatasetsDraw(chart) {
      const { ctx, chartArea, scales } = chart;
      const x = scales.x;
      if (!x) return;
      ctx.save();
      ctx.strokeStyle = "#555555";
      ctx.fillStyle = "#333333";
      ctx.setLineDash([4, 3]);
      ctx.font = "11px sans-serif";
      for (const [i, m] of marks.entries()) {
        const px = x.getPixelForValue(m.index);
        ctx.beginPath();
        ctx.moveTo(px, chartArea.top);
        ctx.lineTo(px, chartArea.bottom);
        ctx.stroke();
        // Staggered so two starts in neighbouring months stay readable;
        // left of the line where the text would leave the plot.
        const w = ctx.measureText(m.text).width;
        const tx = px + 3 + w > chartArea.right ? px - 3 - w : px + 3;
        ctx.fillText(m.text, tx, chartArea.top + 12 + (i % 3) * 13);
      }
      ctx.restore();
    },
  };
}

export interface ChartCanvasProps {
  spec: ChartSpec;
  /** The id of the table that holds the same numbers. */
  tableId: string;
}

/**
 * Draws one chart from plain data. The numbers are also in the table the
 * server rendered beside it (`tableId`), so the chart is a picture of the
 * table, never the only copy. After drawing, the canvas carries the figures
 * it drew in `data-drawn`, which the browser test compares with the table.
 */
export default function ChartCanvas({ spec, tableId }: ChartCanvasProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = canvas.current;
    if (!el || !box.current) return;
    // Tall enough for every bar of a horizontal chart to keep its label. Set
    // through the DOM, not a style attribute, which the CSP refuses.
    if (spec.horizontal) {
      box.current.style.height = `${
        Math.max(160, 48 + spec.labels.length * 26 * spec.series.length)
      }px`;
    }
    const chart = new Chart(el, {
      type: spec.kind,
      plugins: spec.marks?.length ? [marksPlugin(spec.marks)] : [],
      data: {
        labels: spec.labels,
        datasets: spec.series.map((s, i) => ({
          label: s.label,
          data: s.data,
          backgroundColor: COLOURS[i % COLOURS.length],
          borderColor: COLOURS[i % COLOURS.length],
          borderWidth: spec.kind === "line" ? 2 : 0,
        })),
      },
      options: {
        locale: spec.lang,
        indexAxis: spec.horizontal ? "y" : "x",
        // Drawn at once: nothing moves for people who asked for less motion,
        // and the figures are on the canvas as soon as it appears.
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: {
          x: {
            stacked: spec.stacked,
            ...(spec.horizontal ? { beginAtZero: true, max: spec.max } : {
              ticks: { autoSkip: false, maxRotation: 60, callback: short },
            }),
          },
          y: {
            stacked: spec.stacked,
            ...(spec.horizontal
              ? { ticks: { autoSkip: false, callback: short } }
              : { beginAtZero: true, max: spec.max }),
          },
        },
        plugins: {
          legend: { display: spec.series.length > 1 },
        },
      },
    });
    el.dataset.drawn = JSON.stringify(
      chart.data.datasets.map((d) => d.data),
    );
    return () => chart.destroy();
  }, [spec]);
  return (
    <div class="chart-box" ref={box}>
      <canvas
        id={spec.id}
        ref={canvas}
        role="img"
        aria-label={spec.title}
        aria-describedby={tableId}
      />
    </div>
  );
}
