import type { Translate } from "@/lib/i18n/i18n.ts";
import { replyParts } from "@/lib/replies/placeholders.ts";

/** A reply's text with each placeholder to fill marked (and named for screen readers). */
export function ReplyText({ text, t }: { text: string; t: Translate }) {
  return (
    <p class="reply-text">
      {replyParts(text).map((p, i) =>
        p.placeholder !== undefined
          ? (
            <mark
              key={i}
              class="placeholder"
              data-placeholder={p.placeholder}
              title={t("replies.placeholder.mark", { name: p.placeholder })}
            >
              {p.text}
            </mark>
          )
          : p.text
      )}
    </p>
  );
}
