import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { copyLabels, ReplyTags } from "@/components/replies/ReplyCardView.tsx";
import { ReplyText } from "@/components/replies/ReplyText.tsx";
import CopyReply from "@/islands/CopyReply.tsx";
import type { SignedInState } from "@/lib/http/state.ts";
import {
  type ContentLink,
  drillsOf,
  getLibrary,
  lessonsOf,
  type ReplyCard,
  replyCard,
} from "@/lib/replies/library.ts";

interface Data {
  card: ReplyCard;
  tone: string;
  avoid: string;
  keywords: string[];
  lessons: ContentLink[];
  drills: ContentLink[];
}

export const handler: Handlers<Data, SignedInState> = {
  async GET(_req, ctx) {
    const lib = await getLibrary(ctx.state.kv);
    const reply = lib?.byId.get(ctx.params.id);
    if (!lib || !reply) return ctx.renderNotFound();
    return ctx.render({
      card: replyCard(reply),
      tone: reply.tone,
      avoid: reply.avoid,
      keywords: reply.keywords,
      lessons: lessonsOf(lib, reply),
      drills: drillsOf(lib, reply.id),
    });
  },
};

/** One reply: the text to copy, how and when to use it, and where it is taught and practised. */
export default function ReplyPage(
  { data, state }: PageProps<Data, SignedInState>,
) {
  const { t } = state;
  const { card } = data;
  const links = (items: ContentLink[]) => (
    <ul>
      {items.map((l) => (
        <li key={l.id}>
          <a href={l.url}>{l.title}</a>
        </li>
      ))}
    </ul>
  );
  return (
    <>
      <Head>
        <title>{`${card.title} · ${t("replies.title")}`}</title>
      </Head>
      <p>
        <a href="/replies">{t("replies.back")}</a>
      </p>
      <h1 id="reply-title">{card.title}</h1>
      <ReplyTags card={card} t={t} />
      <div class="reply-card single">
        <ReplyText text={card.text} t={t} />
        <CopyReply
          text={card.text}
          copyUrl={`/replies/${card.id}/copy`}
          labels={copyLabels(t)}
          describedBy="reply-title"
        />
      </div>
      <dl class="reply-notes">
        <dt>{t("replies.tone")}</dt>
        <dd>{data.tone}</dd>
        <dt>{t("replies.avoid")}</dt>
        <dd>{data.avoid}</dd>
        {data.keywords.length > 0 && (
          <>
            <dt>{t("replies.keywords")}</dt>
            <dd>{data.keywords.join("、")}</dd>
          </>
        )}
      </dl>
      <h2>{t("replies.lessons")}</h2>
      {data.lessons.length > 0
        ? links(data.lessons)
        : <p class="meta">{t("replies.lessons.none")}</p>}
      <h2>{t("replies.drills")}</h2>
      {data.drills.length > 0
        ? links(data.drills)
        : <p class="meta">{t("replies.drills.none")}</p>}
    </>
  );
}
