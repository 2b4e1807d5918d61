import { type Problem, problemText } from "@/lib/content/source.ts";
import type { Translate } from "@/lib/i18n/i18n.ts";

/** Problems as content:check prints them, in the page's language, each linking to its line in the editor. */
export function ProblemList(
  { problems, course, t, max = 50 }: {
    problems: readonly Problem[];
    course: string;
    t: Translate;
    max?: number;
  },
) {
  if (problems.length === 0) {
    return <p class="feedback correct">{t("authoring.problems.none")}</p>;
  }
  return (
    <div
      class="problems"
      role="region"
      aria-label={t("authoring.problems.title")}
    >
      <p class="feedback wrong">
        {t("authoring.problems.count", { count: problems.length })}
      </p>
      <ul>
        {problems.slice(0, max).map((p, i) => (
          <li key={i}>
            <a
              href={`/author/${course}/edit?path=${
                encodeURIComponent(p.path)
              }&line=${p.line}`}
            >
              <code>{`${p.path}:${p.line}:${p.col}`}</code>
            </a>{" "}
            {problemText(t, p)}
          </li>
        ))}
      </ul>
      {problems.length > max && (
        <p class="meta">
          {t("authoring.problems.more", { count: problems.length - max })}
        </p>
      )}
    </div>
  );
}
