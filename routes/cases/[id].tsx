import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { caseLinks, linkChoices } from "@/lib/cases/case_page.ts";
import { getCase, type StoredCase } from "@/lib/cases/case_store.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import type { MaskKind } from "@/lib/privacy/masker.ts";
import type { ContentLink } from "@/lib/replies/library.ts";

interface Data {
  c: StoredCase;
  links: ReturnType<typeof caseLinks>;
  saved: boolean;
}

export const handler: Handlers<Data, SignedInState> = {
  async GET(_req, ctx) {
    const c = await getCase(ctx.state.kv, ctx.params.id);
    const links = caseLinks(c, await linkChoices(ctx.state.kv));
    return ctx.render({ c, links, saved: ctx.url.searchParams.has("saved") });
  },
};

/** One case: the masked conversation and what it illustrates. */
export default function CasePage(
  { data, state }: PageProps<Data, SignedInState>,
) {
  const { t } = state;
  const { c, links } = data;
  const masked = Object.entries(c.masked).filter(([, n]) => n > 0);
  const list = (items: ContentLink[]) =>
    items.length === 0 ? <p class="meta">{t("cases.links.none")}</p> : (
      <ul>
        {items.map((l) => (
          <li key={l.id}>{l.url ? <a href={l.url}>{l.title}</a> : l.title}</li>
        ))}
      </ul>
    );
  return (
    <>
      <Head>
        <title>{`${c.title} · ${t("cases.title")}`}</title>
      </Head>
      <p>
        <a href="/cases">{t("cases.back")}</a>
      </p>
      <h1>{c.title}</h1>
      {data.saved && (
        <p class="feedback correct" role="status">{t("cases.saved")}</p>
      )}
      <p class="reply-tags">
        <span class="tag">{t(`replies.situation.${c.situation}`)}</span>
        <span class="meta">
          {masked.length > 0
            ? t("cases.masked", {
              what: masked.map(([k, n]) =>
                `${t(`cases.kind.${k as MaskKind}`)} ${n}`
              ).join(
                t("cases.masked.separator"),
              ),
            })
            : t("cases.masked.none")}
        </span>
      </p>
      <pre class="case-conversation">{c.conversation}</pre>
      <h2>{t("cases.field.lessons")}</h2>
      {list(links.lessons)}
      <h2>{t("cases.field.replies")}</h2>
      {list(links.replies)}
      <h2>{t("cases.field.scenarios")}</h2>
      {list(links.scenarios)}
    </>
  );
}
