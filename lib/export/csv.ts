/**
 * CSV for every table a dashboard shows: written by papaparse (quoting,
 * embedded commas, quotes and line breaks), CRLF line ends and a UTF-8 byte
 * order mark, so Excel on a Chinese Windows opens 中文 correctly instead of
 * guessing GBK. Cells that a spreadsheet would run as a formula are escaped.
 */
import Papa from "papaparse";

/** The UTF-8 byte order mark Excel looks for. */
export const BOM = "\uFEFF";

/** One cell: text, a number, a date (ISO 8601) or empty. */
export type CsvCell = string | number | boolean | Date | null | undefined;

/** The CSV text of a header row and data rows, with the BOM in front. */
export function toCsv(
  header: readonly string[],
  rows: readonly CsvCell[][],
): string {
  const cell = (v: CsvCell) =>
    v === null || v === undefined
      ? ""
      : v instanceof Date
      ? v.toISOString()
      : typeof v === "boolean"
      ? (v ? "1" : "0")
      : v;
  return BOM + Papa.unparse(
    { fields: [...header], data: rows.map((r) => r.map(cell)) },
    { newline: "\r\n", escapeFormulae: true },
  ) + "\r\n";
}

/** A download of `csv` named `filename` (ASCII name plus the UTF-8 one). */
export function csvResponse(csv: string, filename: string): Response {
  const ascii = filename.replace(/[^A-Za-z0-9._-]/g, "_");
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition":
        `attachment; filename="${ascii}"; filename*=UTF-8''${
          encodeURIComponent(filename)
        }`,
      "cache-control": "private, no-store",
    },
  });
}
