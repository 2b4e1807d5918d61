import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { EmptyState } from "@/components/EmptyState.tsx";
import { ReplyCardView } from "@/components/replies/ReplyCardView.tsx";
import SearchShortcut from "@/islands/SearchShortcut.tsx";
import { SITUATIONS, STAGES } from "@/lib/content/reply_schema.ts";
import type { FieldErrors } from "@/lib/forms/form.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import { getLibrary, searchLibrary } from "@/lib/replies/library.ts";
import { readReplyQuery } from "@/lib/replies/query_form.ts";
import { logSearch } from "@/lib/replies/usage_store.ts";

interface Data {
  results: ReturnType<typeof searchLibrary> | null;
  raw: Record<string, string>;
  errors: FieldErrors;
}

export const handler: Handlers<Data, SignedInState> = {
  async GET(_req, ctx) {
    const { query, errors, raw } = readReplyQuery(ctx.url.searchParams);
    const lib = await getLibrary(ctx.state.kv);
    const results = lib ? searchLibrary(lib, query) : null;
    // The first page of a worded search is one search; paging is not another.
    if (results && results.q && (query.page ?? 1) === 1) {
      await logSearch(ctx.state.kv, results.q, results.total, new Date());
    }
    const status = Object.keys(errors).length > 0 ? 422 : 200;
    return ctx.render({ results, raw, errors }, { status });
  },
};

/** The reply library: search by words, filter by situation and stage, copy. */
export default function RepliesPage(
  { data, state, url }: PageProps<Data, SignedInState>,
) {
  const { t } = state;
  const { results, raw, errors } = data;
  const pageUrl = (page: number) => {
    const p = new URLSearchParams(url.searchParams);
    p.set("page", String(page));
    return `/replies?${p}`;
  };
  const error = (field: string) =>
    errors[field]
      ? (
        <p class="field-error" id={`${field}-error`}>
          {t(errors[field]!)}
        </p>
      )
      : null;
  return (
    <>
      <Head>
        <title>{t("replies.title")}</title>
      </Head>
      <h1>{t("replies.title")}</h1>
      <p class="lead">{t("replies.lead")}</p>
      {(state.user.role === "trainer" || state.user.role === "admin") && (
        <p>
          <a href="/replies/stats">{t("replies.stats.title")}</a>
        </p>
      )}
      <form method="get" action="/replies" role="search" class="reply-search">
        <div class="field">
          <label for="reply-q">{t("replies.search.label")}</label>
          <input
            id="reply-q"
            type="search"
            name="q"
            value={raw.q}
            placeholder={t("replies.search.placeholder")}
            aria-keyshortcuts="/"
            aria-describedby="reply-q-hint"
            aria-invalid={errors.q ? "true" : undefined}
            autocomplete="off"
          />
          <p class="meta" id="reply-q-hint">{t("replies.search.hint")}</p>
          {error("q")}
        </div>
        <div class="field">
          <label for="reply-situation">{t("replies.filter.situation")}</label>
          <select
            id="reply-situation"
            name="situation"
            aria-invalid={errors.situation ? "true" : undefined}
          >
            <option value="">{t("replies.filter.all")}</option>
            {SITUATIONS.map((s) => (
              <option key={s} value={s} selected={raw.situation === s}>
                {t(`replies.situation.${s}`)}
              </option>
            ))}
          </select>
          {error("situation")}
        </div>
        <div class="field">
          <label for="reply-stage">{t("replies.filter.stage")}</label>
          <select
            id="reply-stage"
            name="stage"
            aria-invalid={errors.stage ? "true" : undefined}
          >
            <option value="">{t("replies.filter.all")}</option>
            {STAGES.map((s) => (
              <option key={s} value={s} selected={raw.stage === s}>
                {t(`replies.stage.${s}`)}
              </option>
            ))}
          </select>
          {error("stage")}
        </div>
        <button type="submit">{t("replies.search.submit")}</button>
      </form>
      <SearchShortcut inputId="reply-q" />
      {!results
        ? (
          <EmptyState title={t("replies.empty.title")}>
            {t("replies.empty.body")}
          </EmptyState>
        )
        : results.total === 0
        ? (
          <EmptyState title={t("replies.results.none.title")}>
            {t("replies.results.none.body")}
          </EmptyState>
        )
        : (
          <section aria-labelledby="reply-results">
            <h2 id="reply-results" class="results-count" aria-live="polite">
              {results.q
                ? t("replies.results.for", {
                  q: results.q,
                  count: results.total,
                })
                : t("replies.results.count", { count: results.total })}
            </h2>
            <ol class="reply-list">
              {results.cards.map((c) => (
                <ReplyCardView key={c.id} card={c} t={t} />
              ))}
            </ol>
            {results.pages > 1 && (
              <nav class="pager" aria-label={t("replies.title")}>
                {results.page > 1 && (
                  <a href={pageUrl(results.page - 1)} rel="prev">
                    {t("replies.page.prev")}
                  </a>
                )}
                <span class="meta">
                  {t("replies.page.of", {
                    page: results.page,
                    pages: results.pages,
                  })}
                </span>
                {results.page < results.pages && (
                  <a href={pageUrl(results.page + 1)} rel="next">
                    {t("replies.page.next")}
                  </a>
                )}
              </nav>
            )}
          </section>
        )}
    </>
  );
}
