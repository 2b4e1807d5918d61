/**
 * Splits rendered lesson HTML at its inline-check placeholders so each check
 * can become an island. A placeholder nested inside other elements (a check
 * inside a callout) gets those elements closed before it and reopened after
 * it, so every part is balanced HTML. The input is sanitizer output, which is
 * well-formed, so a tag scanner is enough.
 */
const VOID = new Set([
  "area",
  "br",
  "col",
  "hr",
  "img",
  "input",
  "source",
  "wbr",
]);
const TAG_SOURCE = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/.source;
const PLACEHOLDER = /^<div data-inline-check="(\d+)"><\/div>/;

/** Balanced HTML parts with the check index that follows each part but the last. */
export interface LessonParts {
  parts: string[];
  checks: number[];
}

/** Splits `html` at `<div data-inline-check="N"></div>` placeholders. */
export function splitAtChecks(html: string): LessonParts {
  const parts: string[] = [];
  const checks: number[] = [];
  const open: { name: string; tag: string }[] = [];
  let current = "";
  let last = 0;
  const tags = new RegExp(TAG_SOURCE, "g");
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    const at = m.index;
    const placeholder = PLACEHOLDER.exec(html.slice(at, at + 40));
    current += html.slice(last, at);
    if (placeholder) {
      parts.push(
        current + open.toReversed().map((o) => `</${o.name}>`).join(""),
      );
      checks.push(Number(placeholder[1]));
      current = open.map((o) => o.tag).join("");
      last = at + placeholder[0].length;
      tags.lastIndex = last;
      continue;
    }
    const [tag, closing, rawName] = m;
    const name = rawName.toLowerCase();
    if (closing) {
      const i = open.findLastIndex((o) => o.name === name);
      if (i >= 0) open.length = i;
    } else if (!VOID.has(name) && !tag.endsWith("/>")) {
      // A reopened element must not repeat its id (ids are unique per page).
      open.push({ name, tag: tag.replace(/\sid="[^"]*"/, "") });
    }
    current += tag;
    last = at + tag.length;
  }
  parts.push(current + html.slice(last));
  return { parts, checks };
}
