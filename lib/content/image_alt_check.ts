/**
 * Finds trainer images a screen-reader user cannot read: a lesson image
 * written as Markdown (`![](x.png)`) or HTML (`<img src=…>`) with no alt
 * text, or only blanks. Lessons are teaching material, so an image carries
 * content and needs words (WCAG 2.1 1.1.1); an image that is pure decoration
 * has no place in a lesson. Code blocks and inline code are skipped: there
 * the markup is what the lesson shows, not an image.
 *
 * @module
 */
import { proseBlocks } from "./prose_blocks.ts";
import { msg, type Problem } from "./source.ts";

/** `![alt](src)` or `![alt][ref]`: the alt text is group 1. */
const MD_IMAGE = /!\[([^\]]*)\]\s*[(\[]/g;
/** An HTML `<img …>` tag, attributes in group 1. */
const HTML_IMG = /<img\b([^>]*)>/gi;
/** The alt attribute's value, quoted or bare. */
const ALT = /(?:^|\s)alt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;

/** Replaces inline code spans with blanks of the same length, so offsets hold. */
function blankInlineCode(text: string): string {
  return text.replace(/(`+)[\s\S]*?\1/g, (m) => m.replace(/[^\n]/g, " "));
}

/** The alt text an `<img>` tag's attributes give, or null when there is none. */
export function htmlAlt(attributes: string): string | null {
  const m = ALT.exec(attributes);
  if (!m) return null;
  return m[1] ?? m[2] ?? m[3] ?? "";
}

/**
 * Problems for lesson images without alt text, one per image, at its line
 * and column. `bodyLine` is the file line where the body starts.
 */
export function lessonImageAltProblems(
  path: string,
  body: string,
  bodyLine: number,
): Problem[] {
  if (!/!\[|<img/i.test(body)) return [];
  const problems: Problem[] = [];
  for (const { raw, line: start } of proseBlocks(body, bodyLine)) {
    const text = blankInlineCode(raw);
    const at = (offset: number) => {
      const before = text.slice(0, offset);
      const row = (before.match(/\n/g) ?? []).length;
      return {
        line: start + row,
        col: offset - (before.lastIndexOf("\n") + 1) + 1,
      };
    };
    for (const m of text.matchAll(MD_IMAGE)) {
      if (m[1].trim() !== "") continue;
      problems.push({
        path,
        ...at(m.index!),
        ...msg("problem.lesson.image_alt"),
      });
    }
    for (const m of text.matchAll(HTML_IMG)) {
      const alt = htmlAlt(m[1]);
      if (alt !== null && alt.trim() !== "") continue;
      problems.push({
        path,
        ...at(m.index!),
        ...msg(
          alt === null
            ? "problem.lesson.img_no_alt"
            : "problem.lesson.img_empty_alt",
        ),
      });
    }
  }
  return problems;
}
