/**
 * A dashboard table as plain data, so the page and its CSV download are
 * written from the same rows (one place decides what a column holds). The
 * first cell of a row is its header (`<th scope="row">`). Dates stay dates:
 * the page shows them in the UI language, the CSV as a Beijing
 * "YYYY-MM-DD HH:mm" a spreadsheet sorts.
 */
import type { ChartSpec } from "@/lib/dashboard/chart_spec.ts";
import { NotFoundError } from "@/lib/errors.ts";
import { type CsvCell, csvResponse, toCsv } from "@/lib/export/csv.ts";

/** One cell: text, a number (null: no figure), a date. */
export type TableCell = string | number | Date | null;

/** A table: its id, caption, column headers and rows. */
export interface TableData {
  /** Unique on the page; also the CSV's name. */
  id: string;
  caption: string;
  header: string[];
  rows: {
    cells: TableCell[];
    /** Per cell: a class ("breach" marks a red line). */
    classes?: (string | undefined)[];
  }[];
}

/** The table of a chart: its labels and one column per series. */
export function chartTable(spec: ChartSpec, labelHeader: string): TableData {
  return {
    id: spec.id,
    caption: spec.title,
    header: [labelHeader, ...spec.series.map((s) => s.label)],
    rows: spec.labels.map((label, i) => ({
      cells: [label, ...spec.series.map((s) => s.data[i] ?? null)],
    })),
  };
}

/** A date as the CSV writes it: Beijing time, "YYYY-MM-DD HH:mm". */
export function csvDate(d: Date): string {
  return d.toLocaleString("sv-SE", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  });
}

/** The CSV text (UTF-8 with BOM) of a table. */
export function tableCsv(table: TableData): string {
  return toCsv(
    table.header,
    table.rows.map((r) =>
      r.cells.map((c): CsvCell => c instanceof Date ? csvDate(c) : c)
    ),
  );
}

/**
 * The CSV download of the table named `name` among a page's `tables` (the
 * page's own rows), or NotFoundError when it names none (an inherited
 * property such as "toString" included).
 */
export function tableDownload(
  tables: Record<string, TableData>,
  name: string,
  fileName: string,
): Response {
  if (!Object.hasOwn(tables, name)) {
    throw new NotFoundError(`Cannot export "${name}": no such table`);
  }
  return csvResponse(tableCsv(tables[name]), fileName);
}
