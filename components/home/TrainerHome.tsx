import { EmptyState } from "@/components/EmptyState.tsx";
import type { Language, Translate } from "@/lib/i18n/i18n.ts";
import { formatDateTime } from "@/lib/i18n/i18n.ts";
import type {
  ContentItem,
  TrainerHome as Data,
} from "@/lib/home/trainer_home.ts";
import { problemLine } from "@/lib/content/source.ts";

function ItemRow({ item, t }: { item: ContentItem; t: Translate }) {
  return (
    <tr>
      <td>{t(`home.trainer.kind.${item.kind}`)}</td>
      <th scope="row">
        <a href={item.url}>{item.title}</a>
      </th>
      <td>
        {item.problems.length === 0
          ? (
            <span class="standing standing-on-track">
              {t("home.trainer.ok")}
            </span>
          )
          : (
            <details>
              <summary class="standing standing-at-risk">
                {t("home.trainer.problems", { count: item.problems.length })}
              </summary>
              <ul>
                {item.problems.map((p, i) => (
                  <li key={i}>
                    <code>{problemLine(p, t)}</code>
                  </li>
                ))}
              </ul>
            </details>
          )}
      </td>
      <td>
        {item.previewUrl
          ? (
            <a href={item.previewUrl}>
              {t("home.trainer.preview")}
              <span class="sr-only">: {item.title}</span>
            </a>
          )
          : <a href={item.url}>{t("home.trainer.read")}</a>}
      </td>
    </tr>
  );
}

function ItemTable(
  { items, t, caption }: {
    items: ContentItem[];
    t: Translate;
    caption: string;
  },
) {
  return (
    <div class="table-wrap">
      <table class="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("home.trainer.col.kind")}</th>
            <th scope="col">{t("home.trainer.col.title")}</th>
            <th scope="col">{t("home.trainer.col.status")}</th>
            <th scope="col">{t("home.trainer.col.open")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <ItemRow
              key={`${i.kind}:${i.id}`}
              item={i}
              t={t}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The trainer's home: the course content, its check status and previews. */
export function TrainerHome(
  { data, t, lang }: { data: Data; t: Translate; lang: Language },
) {
  return (
    <section aria-labelledby="trainer-heading">
      <h1 id="trainer-heading">{t("home.trainer.title")}</h1>
      <p class="lead">{t("home.trainer.lead")}</p>
      <p>
        <a href="/dashboard/trainer">{t("dash.trainer.link")}</a> ·{" "}
        <a href="/evaluation/settings">{t("evaluator.nav.loop")}</a>
      </p>
      <p class="meta" role="status">
        {data.checkedAt
          ? t("home.trainer.checked", {
            time: formatDateTime(lang, data.checkedAt),
            count: data.problemCount,
          })
          : t("home.trainer.never_checked")}
      </p>
      <p class="actions">
        <a href="/author/gift">{t("gift.title")}</a>
        {" · "}
        <a href="/author/items">{t("items.title")}</a>
      </p>
      {data.heldBack.length > 0 && (
        <p class="feedback wrong" role="alert">
          {t("home.trainer.held_back", { courses: data.heldBack.join("、") })}
        </p>
      )}
      {data.courses.length === 0 && (
        <EmptyState title={t("home.empty.title")}>
          {t("home.empty.body")}
        </EmptyState>
      )}
      {data.courses.map((c) => (
        <article key={c.id} class="cohort">
          <header class="cohort-head">
            <h2>{c.title}</h2>
            <span class="meta">{c.id} · v{c.version}</span>
          </header>
          {c.modules.map((m) => (
            <ItemTable
              key={m.id}
              items={m.items}
              t={t}
              caption={m.title}
            />
          ))}
          {c.practice.length > 0 && (
            <ItemTable
              items={c.practice}
              t={t}
              caption={t("home.trainer.practice")}
            />
          )}
        </article>
      ))}
      {data.otherProblems.length > 0 && (
        <section aria-labelledby="other-problems">
          <h2 id="other-problems">{t("home.trainer.other_problems")}</h2>
          <ul>
            {data.otherProblems.map((p, i) => (
              <li key={i}>
                <code>{problemLine(p, t)}</code>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
