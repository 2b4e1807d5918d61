/**
 * Half-width punctuation in Chinese text. Learner-facing zh-CN text uses
 * full-width marks (`，：；（）？！“”`); a half-width one next to a Chinese
 * character is almost always typed on an English keyboard layout by mistake
 * ("说清客服的价值,并……"). Marks between Latin letters or digits ("FBA",
 * "3:00", "(KPI)") are left alone.
 *
 * @module
 */

const FULL: Record<string, string> = {
  ",": "，",
  ":": "：",
  ";": "；",
  "(": "（",
  ")": "）",
  "?": "？",
  "!": "！",
  '"': "“”",
};

const HAN = /\p{Script=Han}/u;

/** A half-width mark found next to Chinese text. */
export interface HalfWidthMark {
  /** Offset in the text. */
  index: number;
  mark: string;
  /** The full-width mark to write instead. */
  full: string;
}

/** Every half-width mark in `text` that touches a Chinese character. */
export function halfWidthMarks(text: string): HalfWidthMark[] {
  const chars = [...text];
  const out: HalfWidthMark[] = [];
  let offset = 0;
  chars.forEach((ch, i) => {
    if (ch in FULL) {
      const before = chars[i - 1] ?? "";
      const after = chars[i + 1] ?? "";
      if (HAN.test(before) || HAN.test(after)) {
        out.push({ index: offset, mark: ch, full: FULL[ch] });
      }
    }
    offset += ch.length;
  });
  return out;
}
