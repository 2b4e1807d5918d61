/**
 * Masks personal data in chat text before anything is stored (the case
 * library): phone, ID and bank-card numbers, e-mail addresses, street
 * addresses, names and order or tracking numbers become placeholders such as
 * `[手机号1]`, numbered per kind so one conversation keeps telling two
 * numbers apart. Prices, dates, times and counts stay.
 *
 * Detection is the grader's own (identifiers.ts `findIdentifiers`, which
 * the privacy red line uses), run twice: on the text as written, and on a
 * view with all white space taken out, so numbers typed with spaces or split
 * over lines ("138 0013⏎8000") are found whole. The masker adds what a
 * stored case must also lose but a reply may show: order and tracking
 * numbers, and names after more chat labels ("我叫", "持卡人", "名字写").
 * The placeholders are ones `findIdentifiers` reads back as placeholders.
 *
 * @module
 */
import {
  findIdentifiers,
  halfWidth,
  type IdentifierKind,
} from "./identifiers.ts";

/** What a masked span was. */
export type MaskKind = Exclude<IdentifierKind, "number"> | "order" | "number";

/** One span to mask: UTF-16 offsets into the text given. */
export interface MaskSpan {
  kind: MaskKind;
  start: number;
  end: number;
}

/** The placeholder word for each kind (`[手机号1]`). */
export const MASK_WORD: Readonly<Record<MaskKind, string>> = {
  phone: "手机号",
  "id-number": "身份证",
  "bank-card": "卡号",
  email: "邮箱",
  address: "地址",
  name: "姓名",
  order: "订单号",
  number: "数字",
};

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
// An order, tracking or ticket number after its label; spaces and hyphens
// inside are how people read them out.
const ORDER =
  /(?:订单|单号|运单|工单号|售后单号)(?:号码|编号|号)?(?:是|为)?[:\s]*([A-Za-z]{0,4}[\s-]?\d(?:[\s-]?\d){5,24}[A-Za-z]?)/g;
const NAME =
  /(?:收件人|收货人|姓名|名字|联系人|户名|持卡人|我叫|我的名字叫)(?:是|为|叫|改成|改为|写成|写|填)?[:\s]*([\u4e00-\u9fa5]{2,3})(?=[^\u4e00-\u9fa5]|$|就|吧|呢|啊|哈|了|的)/g;
// "我是王建国": after 我是/本人 only a common surname starts a name, so
// "我是来退货的" stays.
const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
const SELF_NAME = new RegExp(
  `(?:我是|本人)([${SURNAMES}][\u4e00-\u9fa5]{1,2})(?=[^\u4e00-\u9fa5]|$)`,
  "g",
);
const NOT_A_NAME = /^(?:您|你|我|他|她|本人|是|为|叫|写|填|改)/;

/** Text without white space, and where each of its characters came from. */
function compactView(text: string): { view: string; from: number[] } {
  let view = "";
  const from: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i])) continue;
    view += text[i];
    from.push(i);
  }
  return { view, from };
}

/** Every span of personal data in `text`, merged where they overlap, in order. */
export function findSensitive(text: string): MaskSpan[] {
  const spans: MaskSpan[] = [];
  const fromIdentifier = (kind: IdentifierKind): MaskKind => kind;
  for (const h of findIdentifiers(text)) {
    if (h.form !== "placeholder") {
      spans.push({ kind: fromIdentifier(h.kind), start: h.start, end: h.end });
    }
  }
  const { view, from } = compactView(text);
  for (const h of findIdentifiers(view)) {
    if (h.form === "placeholder") continue;
    spans.push({
      kind: fromIdentifier(h.kind),
      start: from[h.start],
      end: from[h.end - 1] + 1,
    });
  }
  const half = halfWidth(text);
  for (const m of half.matchAll(EMAIL)) {
    spans.push({ kind: "email", start: m.index!, end: m.index! + m[0].length });
  }
  for (const m of half.matchAll(ORDER)) {
    const end = m.index! + m[0].length;
    const start = end - m[1].length + (m[1].length - m[1].trimStart().length);
    spans.push({ kind: "order", start, end });
  }
  for (const m of half.matchAll(SELF_NAME)) {
    const end = m.index! + m[0].length;
    spans.push({ kind: "name", start: end - m[1].length, end });
  }
  for (const m of half.matchAll(NAME)) {
    if (NOT_A_NAME.test(m[1])) continue;
    const end = m.index! + m[0].length;
    spans.push({ kind: "name", start: end - m[1].length, end });
  }
  return merge(spans);
}

function merge(spans: MaskSpan[]): MaskSpan[] {
  const sorted = spans.toSorted((a, b) => a.start - b.start || b.end - a.end);
  const out: MaskSpan[] = [];
  for (const s of sorted) {
    const last = out.at(-1);
    if (last && s.start < last.end) {
      // One placeholder for overlapping finds, named by the longer one.
      if (s.end - s.start > last.end - last.start) last.kind = s.kind;
      last.end = Math.max(last.end, s.end);
    } else out.push({ ...s });
  }
  return out;
}

/** A masked text and what was masked. */
export interface Masked {
  text: string;
  spans: MaskSpan[];
  /** How many distinct values of each kind were masked. */
  counts: Partial<Record<MaskKind, number>>;
}

/**
 * Replaces every span of personal data with `[词N]`; the same value (digits
 * and letters compared, spaces ignored) gets the same number each time.
 */
export function maskText(text: string): Masked {
  const spans = findSensitive(text);
  const numbers = new Map<string, number>();
  const counts: Partial<Record<MaskKind, number>> = {};
  let out = "";
  let at = 0;
  for (const s of spans) {
    const value = `${s.kind}:${
      halfWidth(text.slice(s.start, s.end)).replace(/[\s-]/g, "")
    }`;
    let n = numbers.get(value);
    if (n === undefined) {
      n = (counts[s.kind] ?? 0) + 1;
      counts[s.kind] = n;
      numbers.set(value, n);
    }
    out += text.slice(at, s.start) + `[${MASK_WORD[s.kind]}${n}]`;
    at = s.end;
  }
  return { text: out + text.slice(at), spans, counts };
}
