/**
 * A marked extension that lets `*em*` and `**strong**` work next to Chinese
 * text, as trainers write it.
 *
 * CommonMark decides whether a `*` run opens or closes emphasis from the
 * characters around it ("flanking" rules). They were written for languages
 * with spaces between words: a closing `**` preceded by punctuation must be
 * followed by a space or punctuation, so `**85%**的用户` and
 * `**服务指标（KPI）**来衡量` show their asterisks. This extension applies the
 * rule of the CJK-friendly amendment (the one `markdown-it-cjk-friendly` and
 * `remark-cjk-friendly` implement for other parsers): where CommonMark wants
 * whitespace or punctuation on the outer side of a run, a CJK character
 * (Han, kana, Hangul, CJK and full-width punctuation) counts too.
 *
 * It only takes a run that CommonMark would refuse and the amended rule
 * accepts; every other run is left to marked, so ordinary Markdown renders
 * exactly as before. Underscores are not touched: `_` inside words is common
 * in ids and URLs.
 *
 * @module
 */
import type { MarkedExtension, Token, Tokens } from "marked";

const WHITESPACE = /^\s$/u;
const PUNCTUATION = /^[\p{P}\p{S}]$/u;
const CJK =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uffef\u2e80-\u2fdf\u31c0-\u31ef]$/u;

const isSpace = (c: string | undefined) =>
  c === undefined || WHITESPACE.test(c);
const isPunct = (c: string | undefined) =>
  c !== undefined && PUNCTUATION.test(c);
const isCjk = (c: string | undefined) => c !== undefined && CJK.test(c);

/** CommonMark: may a `*` run between `before` and `after` open emphasis? */
function leftFlanking(before?: string, after?: string, cjk = false): boolean {
  if (isSpace(after)) return false;
  return !isPunct(after) || isSpace(before) || isPunct(before) ||
    (cjk && isCjk(before));
}

/** CommonMark: may a `*` run between `before` and `after` close emphasis? */
function rightFlanking(before?: string, after?: string, cjk = false): boolean {
  if (isSpace(before)) return false;
  return !isPunct(before) || isSpace(after) || isPunct(after) ||
    (cjk && isCjk(after));
}

function lastChar(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const chars = Array.from(text.slice(-2));
  return chars[chars.length - 1];
}

function charAt(text: string, i: number): string | undefined {
  if (i >= text.length) return undefined;
  return String.fromCodePoint(text.codePointAt(i)!);
}

function charBefore(text: string, i: number): string | undefined {
  return i <= 0 ? undefined : lastChar(text.slice(Math.max(0, i - 2), i));
}

/**
 * Finds the closing run for an opening run of `n` asterisks at the start of
 * `src`: the first run of exactly `n` that may close under the amended rule.
 * Code spans and backslash escapes are skipped. Returns its start, or -1.
 */
function findCloser(src: string, n: number): number {
  let i = n;
  while (i < src.length) {
    const c = src[i];
    if (c === "\\") {
      i += 2;
      continue;
    }
    if (c === "`") {
      const run = /^`+/.exec(src.slice(i))![0];
      const end = src.indexOf(run, i + run.length);
      i = end < 0 ? i + run.length : end + run.length;
      continue;
    }
    if (c === "*") {
      let j = i;
      while (src[j] === "*") j++;
      if (
        j - i === n && i > n &&
        rightFlanking(charBefore(src, i), charAt(src, j), true)
      ) return i;
      i = j;
      continue;
    }
    i++;
  }
  return -1;
}

/**
 * The extension: `marked.use(cjkEmphasis())`.
 *
 * @example Usage
 * ```ts
 * import assert from "node:assert/strict";
 * import { Marked } from "marked";
 * import { cjkEmphasis } from "@/lib/content/cjk_emphasis.ts";
 * const html = new Marked(cjkEmphasis()).parseInline("**85%**的用户") as string;
 * assert.equal(html, "<strong>85%</strong>的用户");
 * ```
 */
export function cjkEmphasis(): MarkedExtension {
  return {
    extensions: [{
      name: "cjkEmphasis",
      level: "inline",
      start(src: string) {
        const i = src.indexOf("*");
        return i < 0 ? undefined : i;
      },
      tokenizer(src: string, tokens: Token[] | Tokens.Generic[]) {
        const open = /^\*{1,2}(?!\*)/.exec(src);
        if (!open) return undefined;
        const n = open[0].length;
        const before = lastChar(
          (tokens.at(-1) as Tokens.Generic | undefined)?.raw,
        );
        if (before === "*") return undefined;
        const after = charAt(src, n);
        if (!leftFlanking(before, after, true)) return undefined;
        const close = findCloser(src, n);
        if (close < 0) return undefined;
        const closeBefore = charBefore(src, close);
        const closeAfter = charAt(src, close + n);
        // Runs CommonMark already pairs are marked's to render.
        if (
          leftFlanking(before, after) &&
          rightFlanking(closeBefore, closeAfter)
        ) return undefined;
        const text = src.slice(n, close);
        return {
          type: n === 2 ? "strong" : "em",
          raw: src.slice(0, close + n),
          text,
          tokens: this.lexer.inlineTokens(text),
        };
      },
    }],
  };
}
