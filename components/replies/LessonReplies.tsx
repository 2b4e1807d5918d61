import type { Translate } from "@/lib/i18n/i18n.ts";
import type { ReplyCard } from "@/lib/replies/library.ts";

/** The library replies a lesson teaches, each linked to its page (where it is copied). */
export function LessonReplies(
  { replies, t }: { replies: ReplyCard[]; t: Translate },
) {
  if (replies.length === 0) return null;
  return (
    <section class="lesson-replies" aria-labelledby="lesson-replies">
      <h2 id="lesson-replies">{t("replies.lesson.heading")}</h2>
      <p class="meta">{t("replies.lesson.lead")}</p>
      <ul>
        {replies.map((r) => (
          <li key={r.id}>
            <a href={`/replies/${r.id}`}>{r.title}</a>{" "}
            <span class="tag">{t(`replies.stage.${r.stage}`)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
