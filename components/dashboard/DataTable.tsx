import { figure } from "./ChartFigure.tsx";
import type { TableCell, TableData } from "./table_data.ts";
import { formatDateTime, type Language } from "@/lib/i18n/i18n.ts";

function text(lang: Language, c: TableCell): string {
  if (c instanceof Date) return formatDateTime(lang, c);
  if (typeof c === "number" || c === null) return figure(lang, c);
  return c;
}

/**
 * A table of `TableData` in a keyboard-scrollable region, with its CSV
 * download (the same rows) under it, or `empty` (what to do) when it has
 * no row.
 */
export function DataTable(props: {
  table: TableData;
  lang: Language;
  empty: string;
  csvHref?: string;
  csvLabel?: string;
}) {
  const { table, lang } = props;
  const captionId = `${table.id}-caption`;
  if (table.rows.length === 0) {
    return <p class="meta" id={`${table.id}-empty`}>{props.empty}</p>;
  }
  return (
    <>
      <div
        class="table-wrap"
        tabIndex={0}
        role="region"
        aria-labelledby={captionId}
      >
        <table class="data-table" id={table.id}>
          <caption id={captionId} class="sr-only">
            {table.caption}
          </caption>
          <thead>
            <tr>
              {table.header.map((h) => <th scope="col" key={h}>{h}</th>)}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r, i) => (
              <tr key={i}>
                {r.cells.map((c, j) =>
                  j === 0 ? <th scope="row" key={j}>{text(lang, c)}</th> : (
                    <td
                      key={j}
                      class={r.classes?.[j]}
                      data-value={typeof c === "number"
                        ? c
                        : c === null
                        ? ""
                        : undefined}
                    >
                      {text(lang, c)}
                    </td>
                  )
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {props.csvHref && (
        <p>
          <a href={props.csvHref} download>{props.csvLabel}</a>
        </p>
      )}
    </>
  );
}
