import { EmptyState } from "@/components/EmptyState.tsx";
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
 * no row: a line, or an empty-state block under `emptyTitle`.
 */
export function DataTable(props: {
  table: TableData;
  lang: Language;
  empty: string;
  emptyTitle?: string;
  csvHref?: string;
  csvLabel?: string;
}) {
  const { table, lang } = props;
  const captionId = `${table.id}-caption`;
  // Three columns of text and more do not fit a phone: there each row
  // becomes a card whose cells carry their column's name (static/
  // dashboard.css). Explicit roles keep the table a table for screen
  // readers when CSS changes its display.
  const stack = table.header.length >= 3;
  if (table.rows.length === 0) {
    return props.emptyTitle
      ? <EmptyState title={props.emptyTitle}>{props.empty}</EmptyState>
      : <p class="meta" id={`${table.id}-empty`}>{props.empty}</p>;
  }
  return (
    <>
      <div
        class="table-wrap"
        tabIndex={0}
        role="region"
        aria-labelledby={captionId}
      >
        <table
          class={stack ? "data-table stack-sm" : "data-table"}
          id={table.id}
          role={stack ? "table" : undefined}
        >
          <caption id={captionId} class="sr-only">
            {table.caption}
          </caption>
          <thead role={stack ? "rowgroup" : undefined}>
            <tr role={stack ? "row" : undefined}>
              {table.header.map((h) => (
                <th
                  scope="col"
                  key={h}
                  role={stack ? "columnheader" : undefined}
                >
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody role={stack ? "rowgroup" : undefined}>
            {table.rows.map((r, i) => (
              <tr key={i} role={stack ? "row" : undefined}>
                {r.cells.map((c, j) =>
                  j === 0
                    ? (
                      <th
                        scope="row"
                        key={j}
                        role={stack ? "rowheader" : undefined}
                      >
                        {text(lang, c)}
                      </th>
                    )
                    : (
                      <td
                        key={j}
                        role={stack ? "cell" : undefined}
                        data-label={stack ? table.header[j] : undefined}
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
