/**
 * What every bench section returns: rows of one table, each figure beside
 * its reference from the same run and its budget. A section is a module
 * with a `run()` (see run.ts for the list); adding one is adding a line.
 */

/** One line of the BENCHMARKS.md table. */
export interface Row {
  metric: string;
  value: string;
  reference: string;
  ratio: string;
  budget: string;
  /** True when the budget is met (or there is none); null: not measured. */
  ok: boolean | null;
}

/** A bench section: its rows and a paragraph for BENCHMARKS.md. */
export interface Section {
  name: string;
  run(ctx: BenchContext): Promise<Row[]>;
  /** How to read its rows (Markdown), for BENCHMARKS.md. */
  notes: string;
}

/** Shared by the sections of one run. */
export interface BenchContext {
  /** Project root, as a file URL. */
  root: URL;
  /** A store with the bundled content and the demo data, already imported. */
  kvPath: string;
}

/** `0.5` -> `50%`. */
export function pct(x: number): string {
  return `${(x * 100).toFixed(0)}%`;
}

/** The p-th percentile of sorted numbers. */
export function percentile(sorted: number[], p: number): number {
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}

/** The median of numbers. */
export function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Env number with a default. */
export function envNumber(name: string, fallback: number): number {
  const v = Number(Deno.env.get(name) ?? fallback);
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

/** The table, as printed and written. */
export function table(rows: Row[]): string {
  return [
    "| metric | measured | reference (same run) | ratio | budget | ok |",
    "| --- | --- | --- | --- | --- | --- |",
    ...rows.map((r) =>
      `| ${r.metric} | ${r.value} | ${r.reference} | ${r.ratio} | ${r.budget} | ${
        r.ok === null ? "not measured" : r.ok ? "yes" : "**NO**"
      } |`
    ),
  ].join("\n");
}
