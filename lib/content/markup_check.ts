/**
 * Finds Markdown markup that survives rendering: a lesson whose reader would
 * see `**`, `__` or a backtick outside code. The lesson is rendered with the
 * real renderer, so the check sees exactly what a learner sees; a hit is
 * narrowed to the source line that still shows it.
 *
 * @module
 */
import { proseBlocks } from "./prose_blocks.ts";
import { renderLesson } from "./markdown.ts";
import { msg, type Problem } from "./source.ts";

/**
 * Markup a learner must never see as text: a `**` or `__` pair (exactly two,
 * so a masked phone number `138****5678` and a fill-in blank `____` are text),
 * a backtick.
 */
const LEFTOVER = /(?<!\*)\*\*(?!\*)|(?<!_)__(?!_)|`/;

/**
 * The text a reader sees in rendered lesson HTML, code and pre blocks left
 * out (markup is fine there: it is what the lesson shows on purpose).
 */
export function visibleText(html: string): string {
  return html
    .replace(/<pre[\s>][\s\S]*?<\/pre>/g, " ")
    .replace(/<code[\s>][\s\S]*?<\/code>/g, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(
      /&#x([0-9a-f]+);/gi,
      (_, n) => String.fromCodePoint(parseInt(n, 16)),
    )
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** The first leftover markup in `text`, with a little context, or null. */
export function leftoverMarkup(text: string): string | null {
  const m = LEFTOVER.exec(text);
  if (!m) return null;
  const from = Math.max(0, m.index - 12);
  return text.slice(from, m.index + m[0].length + 12).replace(/\s+/g, " ")
    .trim();
}

/**
 * Problems for a lesson body whose rendering still shows Markdown markup,
 * one per offending block, at the first source line of that block that shows
 * it. `bodyLine` is the file line where the body starts.
 */
export function lessonMarkupProblems(
  path: string,
  body: string,
  bodyLine: number,
): Problem[] {
  if (!leftoverMarkup(visibleText(renderLesson(body).html))) return [];
  const problems: Problem[] = [];
  for (const { raw, line: start } of proseBlocks(body, bodyLine)) {
    const shown = leftoverMarkup(visibleText(renderLesson(raw).html));
    if (!shown) continue;
    // Narrow to the line: rendered alone, which one still shows markup?
    const rows = raw.split("\n");
    const row = rows.findIndex((r) =>
      leftoverMarkup(visibleText(renderLesson(r).html)) !== null
    );
    const at = row < 0 ? start : start + row;
    const col = row < 0 ? 1 : Math.max(1, rows[row].search(LEFTOVER) + 1);
    problems.push({
      path,
      line: at,
      col,
      ...msg("problem.lesson.markup", { shown }),
    });
  }
  return problems;
}
