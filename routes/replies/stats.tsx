import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { EmptyState } from "@/components/EmptyState.tsx";
import type { SignedInState } from "@/lib/http/state.ts";
import type { MessageKey } from "@/lib/i18n/i18n.ts";
import { getLibrary } from "@/lib/replies/library.ts";
import {
  type Count,
  isoWeek,
  isWeek,
  previousWeek,
  type WeekUsage,
  weekUsage,
} from "@/lib/replies/usage_store.ts";

interface Data {
  usage: WeekUsage;
  titles: Record<string, string>;
  weekError: MessageKey | null;
}

export const handler: Handlers<Data, SignedInState> = {
  async GET(_req, ctx) {
    const asked = ctx.url.searchParams.get("week") ?? "";
    const valid = asked === "" || isWeek(asked);
    const week = asked && valid ? asked : isoWeek(new Date());
    const usage = await weekUsage(ctx.state.kv, week);
    const lib = await getLibrary(ctx.state.kv);
    const titles = Object.fromEntries(
      usage.copies.map((c) => [c.what, lib?.byId.get(c.what)?.title ?? c.what]),
    );
    return ctx.render(
      { usage, titles, weekError: valid ? null : "replies.stats.week_invalid" },
      { status: valid ? 200 : 422 },
    );
  },
};

/** For trainers: what the library is searched for, what is copied, and the gaps. */
export default function ReplyStatsPage(
  { data, state }: PageProps<Data, SignedInState>,
) {
  const { t } = state;
  const { usage } = data;
  const nothing = usage.totalSearches === 0 && usage.totalCopies === 0;
  const table = (
    id: string,
    title: MessageKey,
    what: MessageKey,
    rows: Count[],
    label: (c: Count) => preact.ComponentChildren,
  ) => (
    <section aria-labelledby={id}>
      <h2 id={id}>{t(title)}</h2>
      {rows.length === 0
        ? <p class="meta">{t("replies.stats.none")}</p>
        : (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t(what)}</th>
                  <th scope="col" class="num">{t("replies.stats.count")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.what}>
                    <td>{label(r)}</td>
                    <td class="num">{r.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
    </section>
  );
  return (
    <>
      <Head>
        <title>{t("replies.stats.title")}</title>
      </Head>
      <h1>{t("replies.stats.title")}</h1>
      <p class="lead">{t("replies.stats.lead")}</p>
      <form method="get" class="inline-form">
        <label for="week">{t("replies.stats.week")}</label>
        <input
          id="week"
          name="week"
          value={usage.week}
          pattern="\d{4}-W\d{2}"
          aria-invalid={data.weekError ? "true" : undefined}
          aria-describedby={data.weekError ? "week-error" : undefined}
        />
        <button type="submit" class="secondary">
          {t("replies.stats.show")}
        </button>
        <a href={`/replies/stats?week=${previousWeek(usage.week)}`}>
          {t("replies.stats.prev")}
        </a>
      </form>
      {data.weekError && (
        <p class="field-error" id="week-error">{t(data.weekError)}</p>
      )}
      {nothing
        ? (
          <EmptyState title={t("replies.stats.empty.title")}>
            {t("replies.stats.empty.body")}
          </EmptyState>
        )
        : (
          <>
            <p class="meta">
              {t("replies.stats.totals", {
                searches: usage.totalSearches,
                copies: usage.totalCopies,
              })}
            </p>
            {table(
              "zero",
              "replies.stats.zero",
              "replies.stats.query",
              usage.zero,
              (c) => (
                <a href={`/replies?q=${encodeURIComponent(c.what)}`}>
                  {c.what}
                </a>
              ),
            )}
            {table(
              "searches",
              "replies.stats.searches",
              "replies.stats.query",
              usage.searches,
              (c) => (
                <a href={`/replies?q=${encodeURIComponent(c.what)}`}>
                  {c.what}
                </a>
              ),
            )}
            {table(
              "copies",
              "replies.stats.copies",
              "replies.stats.reply",
              usage.copies,
              (c) => <a href={`/replies/${c.what}`}>{data.titles[c.what]}</a>,
            )}
          </>
        )}
    </>
  );
}
