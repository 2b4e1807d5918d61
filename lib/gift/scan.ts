/**
 * The raw text side of a GIFT file, before the grammar sees it:
 *
 * - **blocks**: GIFT separates questions by blank lines (Moodle's importer
 *   splits the file there too), so each block is parsed on its own and every
 *   problem keeps the line and column of the whole file.
 * - **notes**: comment lines `// @key: value` carry what a GIFT question
 *   cannot (module, difficulty, rubric, model answer, option ids); Moodle
 *   ignores them as comments, this importer reads them back, so an export
 *   re-imports unchanged.
 * - **lookalikes**: full-width characters a Chinese input method types in
 *   place of GIFT's control characters (～ ＝ ＃ ｛ ｝ ： ％ and full-width
 *   digits in weights). Where they stand where the control character
 *   belongs they are reported with the half-width fix; escaped (`\～`) they
 *   are text.
 *
 * @module
 */

/** A run of non-blank lines: one question, category or comment group. */
export interface Block {
  /** The block's text, lines joined with "\n". */
  text: string;
  /** 1-based line of the block's first line in the file. */
  line: number;
}

/** Splits GIFT text into blank-line separated blocks. */
export function splitBlocks(text: string): Block[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const blocks: Block[] = [];
  let current: string[] = [];
  let start = 0;
  lines.forEach((line, i) => {
    if (line.trim() === "") {
      if (current.length) {
        blocks.push({ text: current.join("\n"), line: start + 1 });
      }
      current = [];
    } else {
      if (!current.length) start = i;
      current.push(line);
    }
  });
  if (current.length) {
    blocks.push({ text: current.join("\n"), line: start + 1 });
  }
  return blocks;
}

/** `// @key: value` comment lines of a block, by key (a key may repeat: joined by "\n"). */
export function blockNotes(block: Block): Record<string, string> {
  const notes: Record<string, string> = {};
  for (const line of block.text.split("\n")) {
    const m = /^\s*\/\/\s*@([a-z]+):\s?(.*)$/.exec(line);
    if (!m) continue;
    const value = m[2].replace(/\\n/g, "\n").replace(/\\\\/g, "\\");
    notes[m[1]] = m[1] in notes ? `${notes[m[1]]}\n${value}` : value;
  }
  return notes;
}

/** A full-width lookalike standing where a GIFT control character belongs. */
export interface Lookalike {
  line: number;
  col: number;
  /** The character found. */
  found: string;
  /** The half-width character GIFT needs there. */
  fix: string;
}

/** Full-width lookalikes and the GIFT control character each stands for. */
export const LOOKALIKES: Readonly<Record<string, string>> = {
  "～": "~",
  "＝": "=",
  "＃": "#",
  "｛": "{",
  "｝": "}",
  "：": ":",
  "％": "%",
};

const FULLWIDTH_DIGIT = /[０-９]/;
const toHalfWidth = (c: string) =>
  String.fromCharCode(c.charCodeAt(0) - 0xfee0);

/**
 * Finds lookalikes in one block where they act as GIFT syntax:
 * `｛ ｝` around the answers of a block that has no half-width `{`; inside the
 * answers `～ ＝` starting an answer, `＃` (feedback), `％` and full-width
 * digits in a weight, `｝` closing, `：` in a numerical answer; `：：` around a
 * title and `＄CATEGORY：`. Full-width punctuation in ordinary Chinese text
 * (`注意：`, `1～2 天`) is left alone.
 */
export function findLookalikes(block: Block): Lookalike[] {
  const out: Lookalike[] = [];
  const lines = block.text.split("\n");
  // Positions of every character that is not in a comment line, with line/col.
  const chars: { c: string; line: number; col: number }[] = [];
  lines.forEach((text, i) => {
    if (/^\s*\/\//.test(text)) return;
    [...text].forEach((c, j) =>
      chars.push({ c, line: block.line + i, col: j + 1 })
    );
    chars.push({ c: "\n", line: block.line + i, col: [...text].length + 1 });
  });
  const report = (k: number, fix?: string) => {
    const { c, line, col } = chars[k];
    out.push({
      line,
      col,
      found: c,
      fix: fix ?? LOOKALIKES[c] ?? toHalfWidth(c),
    });
  };
  const escaped = (k: number) => {
    let n = 0;
    for (let j = k - 1; j >= 0 && chars[j].c === "\\"; j--) n++;
    return n % 2 === 1;
  };
  const hasAsciiOpen = chars.some((x, k) => x.c === "{" && !escaped(k));

  // The title `::name::` and `$CATEGORY:` at the start of the block.
  const first = chars.findIndex((x) => !/\s/.test(x.c));
  if (first >= 0) {
    const head = chars.slice(first, first + 2).map((x) => x.c).join("");
    if (head === "：：" || head === "：:" || head === ":：") {
      chars.slice(first, first + 2).forEach((x, j) => {
        if (x.c === "：") report(first + j);
      });
      // The closing pair of the title.
      for (
        let k = first + 2;
        k + 1 < chars.length && chars[k].c !== "\n";
        k++
      ) {
        const pair = chars[k].c + chars[k + 1].c;
        if (pair === "::") break;
        if (pair === "：：" || pair === "：:" || pair === ":：") {
          if (chars[k].c === "：") report(k);
          if (chars[k + 1].c === "：") report(k + 1);
          break;
        }
      }
    }
    const word = chars.slice(first, first + 10).map((x) => x.c).join("");
    if (/^[$＄]CATEGORY[:：]/i.test(word)) {
      if (chars[first].c === "＄") report(first, "$");
      if (chars[first + 9].c === "：") report(first + 9);
    }
  }

  /** `{#…` opens a numerical answer; `{####…` is only general feedback. */
  const opensNumerical = (k: number) => {
    let j = k + 1;
    while (j < chars.length && /\s/.test(chars[j].c)) j++;
    const isHash = (x?: { c: string }) => x?.c === "#" || x?.c === "＃";
    return isHash(chars[j]) && !isHash(chars[j + 1]);
  };
  let inside = false;
  let numerical = false;
  /** Where the current answer starts (after `{` or whitespace). */
  let atStart = false;
  /** Inside a `%weight%`. */
  let inWeight = false;
  for (let k = 0; k < chars.length; k++) {
    const { c } = chars[k];
    if (escaped(k) || c === "\\") {
      atStart = false;
      continue;
    }
    if (!inside) {
      if (c === "{") {
        inside = true;
        atStart = true;
        numerical = opensNumerical(k);
      } else if (c === "｛" && !hasAsciiOpen) {
        report(k);
        inside = true;
        atStart = true;
        numerical = opensNumerical(k);
      }
      continue;
    }
    if (c === "}") {
      inside = false;
      continue;
    }
    if (c === "｝") {
      report(k);
      inside = false;
      continue;
    }
    if (/\s/.test(c)) {
      atStart = true;
      continue;
    }
    if (inWeight) {
      if (c === "%") inWeight = false;
      else if (c === "％") {
        report(k);
        inWeight = false;
      } else if (FULLWIDTH_DIGIT.test(c)) report(k);
      continue;
    }
    if ((c === "%" || c === "％") && atStart) {
      if (c === "％") report(k);
      inWeight = true;
      continue;
    }
    if ((c === "～" || c === "＝") && atStart) {
      report(k);
      atStart = true; // a weight may follow
      continue;
    }
    if (c === "~" || c === "=") {
      atStart = true;
      continue;
    }
    if (c === "＃") report(k);
    else if (c === "：" && numerical) report(k);
    atStart = false;
  }
  return out;
}
