/**
 * Every user-facing string goes through here. zh-CN is the default and the
 * reference catalog. Messages are ICU MessageFormat (intl-messageformat):
 * `{name}` is filled from `params`, `{count, plural, one {# try} other {# tries}}`
 * picks the form by `Intl.PluralRules`, `{n, number}` and `{d, date, medium}`
 * format by `Intl.NumberFormat` / `Intl.DateTimeFormat` in the UI language.
 */
import { IntlMessageFormat } from "intl-messageformat";
import { en } from "./en.ts";
import { type MessageKey, zhCN } from "./zh_cn.ts";

export type { MessageKey };

/** Languages the UI speaks. */
export const LANGUAGES = ["zh-CN", "en"] as const;
/** A UI language. */
export type Language = typeof LANGUAGES[number];
/** The language used when nothing else is known. */
export const DEFAULT_LANGUAGE: Language = "zh-CN";
/** The cookie that remembers the learner's choice. */
export const LANGUAGE_COOKIE = "lang";

const catalogs: Record<Language, Record<MessageKey, string>> = {
  "zh-CN": zhCN,
  en,
};

/** A message value: a string, a number (plural, number format) or a date. */
export type MessageParam = string | number | Date;

/** Translates a key into `lang`, filling its placeholders from `params`. */
export function translate(
  lang: Language,
  key: MessageKey,
  params?: Record<string, MessageParam>,
): string {
  const compiled = compile(lang, key);
  if (!compiled.args.length) return compiled.text;
  // A placeholder without a value stays visible as `{name}` rather than failing the page.
  const values: Record<string, MessageParam> = {};
  for (const name of compiled.args) {
    values[name] = params && name in params ? params[name] : `{${name}}`;
  }
  return String(compiled.format.format(values));
}

interface Compiled {
  text: string;
  args: string[];
  format: IntlMessageFormat;
}

const compiledMessages = new Map<string, Compiled>();

const BEIJING = "Asia/Shanghai";
// `{d, date, medium}` and `{d, time, short}` in a message show Beijing time,
// where the teams work, whatever the server's own time zone.
const BEIJING_FORMATS = {
  date: {
    short: { timeZone: BEIJING, month: "numeric", day: "numeric" },
    medium: {
      timeZone: BEIJING,
      year: "numeric",
      month: "short",
      day: "numeric",
    },
    long: { timeZone: BEIJING, year: "numeric", month: "long", day: "numeric" },
  },
  time: {
    short: { timeZone: BEIJING, hour: "2-digit", minute: "2-digit" },
    medium: {
      timeZone: BEIJING,
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    },
  },
} as const;

function compile(lang: Language, key: MessageKey): Compiled {
  const id = `${lang}\u0000${key}`;
  let hit = compiledMessages.get(id);
  if (!hit) {
    const text = catalogs[lang][key];
    const format = new IntlMessageFormat(text, lang, BEIJING_FORMATS, {
      ignoreTag: true,
    });
    const args = messageArguments(text, lang);
    // Plain text formats to itself: ICU quoting rules must not change it.
    hit = { text: args.length ? text : String(format.format()), args, format };
    compiledMessages.set(id, hit);
  }
  return hit;
}

/**
 * The argument names a message uses (`{name}`, `{count, plural, …}`), in
 * order of first use, nested ones included. The catalog test compares them
 * between languages.
 */
export function messageArguments(text: string, lang: Language): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageElement[]) => {
    for (const el of elements) {
      if ("value" in el && typeof el.value === "string" && el.type !== 0) {
        names.add(el.value);
      }
      if ("options" in el && el.options) {
        for (const option of Object.values(el.options)) walk(option.value);
      }
    }
  };
  walk(
    new IntlMessageFormat(text, lang, undefined, { ignoreTag: true })
      .getAst() as MessageElement[],
  );
  return [...names];
}

// The part of intl-messageformat's AST this module reads (type 0 is literal text).
interface MessageElement {
  type: number;
  value?: string;
  options?: Record<string, { value: MessageElement[] }>;
}

/** A translator bound to one language, as components receive it. */
export type Translate = (
  key: MessageKey,
  params?: Record<string, MessageParam>,
) => string;

/** Binds `translate` to a language. */
export function translator(lang: Language): Translate {
  let t = translators.get(lang);
  if (!t) {
    t = (key, params) => translate(lang, key, params);
    translators.set(lang, t);
  }
  return t;
}

// One function per language, so render caches and memos see the same `t`.
const translators = new Map<Language, Translate>();

/** True for a supported language tag. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" &&
    (LANGUAGES as readonly string[]).includes(value);
}

/**
 * Picks the UI language: the saved choice first, then the browser's
 * Accept-Language (English only when it comes before any Chinese), else zh-CN.
 */
export function negotiateLanguage(
  saved: string | undefined,
  acceptLanguage: string | null,
): Language {
  if (isLanguage(saved)) return saved;
  if (acceptLanguage) {
    const tags = acceptLanguage.split(",").map((part) => {
      const [tag, q] = part.trim().split(";q=");
      return {
        tag: tag.toLowerCase(),
        q: q === undefined ? 1 : Number(q) || 0,
      };
    }).filter((t) => t.q > 0).sort((a, b) => b.q - a.q);
    for (const { tag } of tags) {
      if (tag.startsWith("zh")) return "zh-CN";
      if (tag.startsWith("en")) return "en";
    }
  }
  return DEFAULT_LANGUAGE;
}

/** A calendar date in the UI language, on Beijing time (where the teams work). */
export function formatDate(lang: Language, date: Date): string {
  return date.toLocaleDateString(lang, {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "short",
    day: "numeric",
  });
}

/** A date and time in the UI language, on Beijing time. */
export function formatDateTime(lang: Language, date: Date): string {
  return date.toLocaleString(lang, {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
}
