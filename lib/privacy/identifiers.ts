/**
 * Finds personal identifiers in chat text: mobile numbers, ID numbers, bank
 * cards, e-mail addresses, street addresses and names, shown in full or
 * masked (`138****0001`, `尾号0001`, `张*`), and the placeholders a masking
 * tool leaves behind (`[数字1]`, `[姓名2]`, `[地址3]`, `【电话】`).
 *
 * Pure and offset-exact: every hit's `start`/`end` are UTF-16 offsets into
 * the text given, so the rubric grader can quote it and a masker can replace
 * it (replace from the last hit backwards). Full-width digits count as
 * digits ("１３８…" is a phone number).
 *
 * @module
 */

/** What an identifier is. `number` is a masked number of unknown kind. */
export type IdentifierKind =
  | "phone"
  | "id-number"
  | "bank-card"
  | "email"
  | "address"
  | "name"
  | "number";

/** One identifier found in a text. */
export interface Identifier {
  kind: IdentifierKind;
  start: number;
  end: number;
  /** The text as written. */
  text: string;
  /**
   * How it appears: `full` (the whole value is shown), `masked` (partly
   * hidden by the writer: `138****0001`, `尾号0001`), or `placeholder` (a
   * masking tool replaced it: `[数字1]`; what it stood for is unknown).
   */
  form: "full" | "masked" | "placeholder";
}

/**
 * A masking tool's placeholder: `[数字1]`, `[姓名x]`, `【地址】`. Group 1 is
 * the kind word.
 */
export const PLACEHOLDER_RE =
  /[\[【](数字|号码|电话|手机|手机号|姓名|名字|地址|身份证|卡号|邮箱)\s*[A-Za-z0-9_]{0,4}[\]】]/;

const PLACEHOLDER_KIND: Record<string, IdentifierKind> = {
  数字: "number",
  号码: "number",
  电话: "phone",
  手机: "phone",
  手机号: "phone",
  姓名: "name",
  名字: "name",
  地址: "address",
  身份证: "id-number",
  卡号: "bank-card",
  邮箱: "email",
};

/** Full-width digits, letters and signs to half width, keeping every offset. */
export function halfWidth(text: string): string {
  return text.replace(
    /[\uff01-\uff5e]/g,
    (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  )
    .replace(/\u3000/g, " ");
}

const D = "\\d";
const PHONE = new RegExp(
  `(?<![${D}A-Za-z*])(?:\\(?\\+?86\\)?[- ]?)?1[3-9]${D}(?:[- ]?${D}{4}){2}(?![${D}*])`,
  "g",
);
const PHONE_MASKED =
  /(?<![\dA-Za-z])1[3-9]\d[*xX＊]{4}\d{4}(?!\d)|(?:尾号|后四位|末四位)(?:是|为|:)?\s*\d{4}(?!\d)/g;
const ID_NUMBER =
  /(?<![\dA-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![\dA-Za-z])/g;
const ID_MASKED = /(?<![\dA-Za-z])\d{1,6}\*{6,12}\d{0,4}[\dXx]?(?![\dA-Za-z])/g;
const LONG_DIGITS = /(?<![\dA-Za-z])\d(?:[ -]?\d){14,18}(?![\dA-Za-z])/g;
const CARD_MASKED = /(?<![\dA-Za-z])\d{4}[ -]?(?:\*{4}[ -]?){1,3}\d{4}(?!\d)/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const ADDRESS =
  /(?:[\u4e00-\u9fa5]{2,8}(?:省|自治区))?(?:[\u4e00-\u9fa5]{2,8}市)?[\u4e00-\u9fa5]{1,8}(?:区|县|旗)[\u4e00-\u9fa5\d]{1,14}?(?:路|街|大道|巷|弄|胡同|村|镇)(?:[一二三四五六七八九十\d]+段)?[\d一二三四五六七八九十-]+号(?:院|楼)?(?:\s*[\d一二三四五六七八九十]+(?:栋|幢|号楼|单元|层|楼|室)){0,4}/g;
const ESTATE =
  /[\u4e00-\u9fa5]{2,10}(?:小区|花园|公寓|大厦|家园|苑)\s*\d+\s*(?:栋|幢|号楼)(?:\s*\d+\s*单元)?(?:\s*\d+\s*(?:室|号)?)?/g;
const ADDRESS_LABEL =
  /^(?:收货|收件|寄件|家庭|详细)?(?:地址|住址)(?:是|为)?|^(?:寄到|送到|住在|发到)/;
const NAME_SHOWN =
  /(?:收件人|收货人|姓名|名字|联系人|户名)(?:是|为|叫|:)?\s*([\u4e00-\u9fa5]{2,3})(?![\u4e00-\u9fa5])/g;
const NAME_MASKED =
  /(?:收件人|收货人|姓名|联系人|户名)(?:是|为|:)?\s*[\u4e00-\u9fa5][*＊]{1,2}/g;
// Words that make a long digit run an order or tracking number, not a card.
const ORDER_CONTEXT =
  /(?:订单|单号|运单|物流|快递|编号|工单|流水)[号码]?(?:是|为|:)?\s*$/;
const CARD_CONTEXT =
  /(?:卡号|银行卡|信用卡|储蓄卡|账号|账户)(?:号码)?(?:是|为|:)?\s*$/;
const PHONE_CONTEXT =
  /(?:电话|手机|手机号|号码|联系方式|tel|Tel|TEL)(?:号码)?(?:是|为|:)?\s*$/;
const ID_CONTEXT = /(?:身份证|证件)(?:号|号码)?(?:是|为|:)?\s*$/;

/** True when the digits pass the Luhn check bank cards carry. */
export function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/**
 * Every identifier in `text`, in order of position; overlapping hits keep the
 * first found by kind priority (placeholder, phone, ID, card, e-mail,
 * address, name).
 */
export function findIdentifiers(text: string): Identifier[] {
  const view = halfWidth(text);
  const hits: Identifier[] = [];
  const taken = (s: number, e: number) =>
    hits.some((h) => s < h.end && h.start < e);
  const add = (
    kind: IdentifierKind,
    s: number,
    e: number,
    form: Identifier["form"],
  ) => {
    if (!taken(s, e)) {
      hits.push({ kind, start: s, end: e, text: text.slice(s, e), form });
    }
  };
  const before = (i: number) => view.slice(Math.max(0, i - 10), i);

  for (const m of view.matchAll(new RegExp(PLACEHOLDER_RE.source, "g"))) {
    let kind = PLACEHOLDER_KIND[m[1]];
    // "[数字1]" after "手机号" stands for a phone number, and so on.
    if (kind === "number") {
      const b = before(m.index!);
      kind = PHONE_CONTEXT.test(b)
        ? "phone"
        : ID_CONTEXT.test(b)
        ? "id-number"
        : CARD_CONTEXT.test(b)
        ? "bank-card"
        : "number";
    }
    add(kind, m.index!, m.index! + m[0].length, "placeholder");
  }
  for (const m of view.matchAll(PHONE_MASKED)) {
    add("phone", m.index!, m.index! + m[0].length, "masked");
  }
  for (const m of view.matchAll(CARD_MASKED)) {
    add("bank-card", m.index!, m.index! + m[0].length, "masked");
  }
  for (const m of view.matchAll(ID_MASKED)) {
    const b = before(m.index!);
    add(
      ID_CONTEXT.test(b)
        ? "id-number"
        : CARD_CONTEXT.test(b)
        ? "bank-card"
        : "number",
      m.index!,
      m.index! + m[0].length,
      "masked",
    );
  }
  for (const m of view.matchAll(PHONE)) {
    if (ORDER_CONTEXT.test(before(m.index!))) continue;
    add("phone", m.index!, m.index! + m[0].length, "full");
  }
  for (const m of view.matchAll(ID_NUMBER)) {
    if (
      ORDER_CONTEXT.test(before(m.index!)) && !ID_CONTEXT.test(before(m.index!))
    ) continue;
    add("id-number", m.index!, m.index! + m[0].length, "full");
  }
  for (const m of view.matchAll(LONG_DIGITS)) {
    const b = before(m.index!);
    if (ORDER_CONTEXT.test(b)) continue;
    const digits = m[0].replace(/[ -]/g, "");
    if (CARD_CONTEXT.test(b) || (digits.length >= 16 && luhn(digits))) {
      add("bank-card", m.index!, m.index! + m[0].length, "full");
    }
  }
  for (const m of view.matchAll(EMAIL)) {
    add("email", m.index!, m.index! + m[0].length, "full");
  }
  for (const re of [ADDRESS, ESTATE]) {
    for (const m of view.matchAll(re)) {
      // The label before an address is not part of it.
      const label = m[0].match(ADDRESS_LABEL)?.[0].length ?? 0;
      add("address", m.index! + label, m.index! + m[0].length, "full");
    }
  }
  for (const m of view.matchAll(NAME_MASKED)) {
    add("name", m.index!, m.index! + m[0].length, "masked");
  }
  for (const m of view.matchAll(NAME_SHOWN)) {
    const s = m.index! + m[0].length - m[1].length;
    // "收件人是您本人" names no one.
    // "收货人改成[姓名1]": a verb, then a masked name.
    if (/^(?:您|你|本人|我|他|她|改成|改为|写|填)/.test(m[1])) continue;
    add("name", s, m.index! + m[0].length, "full");
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** Identifiers a reader can see in full: shown values and placeholders of a known sensitive kind. */
export function exposedIdentifiers(text: string): Identifier[] {
  return findIdentifiers(text).filter((h) =>
    h.kind !== "number" && h.kind !== "name" &&
    (h.form === "full" || h.form === "placeholder")
  );
}
