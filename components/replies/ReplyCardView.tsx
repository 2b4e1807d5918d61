import CopyReply from "@/islands/CopyReply.tsx";
import type { Translate } from "@/lib/i18n/i18n.ts";
import type { ReplyCard } from "@/lib/replies/library.ts";
import { ReplyText } from "./ReplyText.tsx";

/** The copy island's labels in the request's language. */
export function copyLabels(t: Translate) {
  return {
    copy: t("replies.copy"),
    copied: t("replies.copied"),
    failed: t("replies.copy_failed"),
  };
}

/** Situation and stage tags of a reply. */
export function ReplyTags({ card, t }: { card: ReplyCard; t: Translate }) {
  return (
    <p class="reply-tags">
      <span class="tag">{t(`replies.situation.${card.situation}`)}</span>
      <span class="tag">{t(`replies.stage.${card.stage}`)}</span>
      <span class="meta">
        {card.placeholders > 0
          ? t("replies.placeholders", { count: card.placeholders })
          : t("replies.placeholders.none")}
      </span>
    </p>
  );
}

/** One search result: title, tags, marked text and the copy button. */
export function ReplyCardView({ card, t }: { card: ReplyCard; t: Translate }) {
  const titleId = `reply-${card.id}`;
  return (
    <li class="reply-card" aria-labelledby={titleId}>
      <h2 class="reply-title" id={titleId}>
        <a href={`/replies/${card.id}`}>{card.title}</a>
      </h2>
      <ReplyTags card={card} t={t} />
      <ReplyText text={card.text} t={t} />
      <CopyReply
        text={card.text}
        copyUrl={`/replies/${card.id}/copy`}
        labels={copyLabels(t)}
        describedBy={titleId}
      />
    </li>
  );
}
