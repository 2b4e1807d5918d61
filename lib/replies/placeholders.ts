/**
 * Named placeholders in library replies: `{订单号}`, `{预计时间}` … The agent
 * fills each one before sending; the page marks them, the drill checks
 * they are gone, and the content check refuses a name not listed here (a
 * typo would reach a customer as "{订单好}"). Policy figures are a different
 * thing: `{{refund}}` is filled from the policy file when content loads.
 *
 * Each name has a sample value: the content check grades a reply with its
 * placeholders filled by these, so a time the agent will fill in counts as
 * the time the stage requires. The samples are realistic and free of
 * personal data (an order number is no identifier the grader flags).
 *
 * @module
 */

/** Every placeholder name a reply may use, with the sample the check grades with. */
export const PLACEHOLDERS: Readonly<Record<string, string>> = {
  订单号: "2026120712345",
  物流单号: "SF1402938475",
  快递公司: "顺丰速运",
  预计时间: "明天18点",
  物流节点: "已到达杭州转运中心",
  商品名: "保温杯",
  规格: "500毫升白色",
  尺码: "L码",
  金额: "59元",
  差价: "12元",
  券面额: "5元",
  活动名称: "店铺满300减30",
  顾客称呼: "王女士",
  问题描述: "杯盖漏水",
  错误提示: "支付失败，请稍后重试",
  工单号: "GD20261207088",
  支付方式: "支付宝",
  签收时间: "12月5日",
  新地址: "您刚发来的新地址",
  卖点: "真空双层，保温12小时",
  适用人群: "通勤上班族",
  处理结果: "已为您补发一件新品",
};

/** A `{name}` placeholder (not a `{{policy}}` one): group 1 is the name. */
export const NAMED = /(?<!\{)\{([^{}\n]{0,20})\}(?!\})/g;

/** A named placeholder found in a text. */
export interface FoundPlaceholder {
  name: string;
  start: number;
  end: number;
  known: boolean;
}

/** Every `{name}` in `text`, in order, known or not. */
export function findPlaceholders(text: string): FoundPlaceholder[] {
  return [...text.matchAll(NAMED)].map((m) => ({
    name: m[1],
    start: m.index!,
    end: m.index! + m[0].length,
    known: Object.hasOwn(PLACEHOLDERS, m[1]),
  }));
}

/**
 * Stray braces left after the placeholders are taken out: an unclosed
 * `{订单号`, a full-width `｛订单号｝`, an empty `{}`. Offsets into `text`.
 */
export function strayBraces(text: string): number[] {
  const out: number[] = [];
  const blanked = text
    .replace(/\{\{\s*[a-z0-9-]+\s*\}\}/g, (s) => " ".repeat(s.length))
    .replace(
      NAMED,
      (s, name: string) => name.trim() ? " ".repeat(s.length) : s,
    );
  for (let i = 0; i < blanked.length; i++) {
    if ("{}｛｝".includes(blanked[i])) out.push(i);
  }
  return out;
}

/** Fills every known placeholder with its sample value (for grading a library reply). */
export function fillSamples(text: string): string {
  return text.replace(NAMED, (s, name: string) => PLACEHOLDERS[name] ?? s);
}

/** A part of a reply as a page shows it: plain text or a placeholder to fill. */
export type ReplyPart = { text: string; placeholder?: string };

/** Splits a reply into text and placeholders, so a page can mark what to fill. */
export function replyParts(text: string): ReplyPart[] {
  const parts: ReplyPart[] = [];
  let at = 0;
  for (const p of findPlaceholders(text)) {
    if (p.start > at) parts.push({ text: text.slice(at, p.start) });
    parts.push({ text: text.slice(p.start, p.end), placeholder: p.name });
    at = p.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}
