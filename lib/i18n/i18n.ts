/**
 * Every user-facing string goes through here. zh-CN is the default and the
 * reference catalog; `{name}` placeholders are filled from `params`.
 */
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

/** Translates a key into `lang`, filling `{name}` placeholders. */
export function translate(
  lang: Language,
  key: MessageKey,
  params?: Record<string, string | number>,
): string {
  const text = catalogs[lang][key];
  return params
    ? text.replace(
      /\{(\w+)\}/g,
      (m, name) => name in params ? String(params[name]) : m,
    )
    : text;
}

/** A translator bound to one language, as components receive it. */
export type Translate = (
  key: MessageKey,
  params?: Record<string, string | number>,
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
