/**
 * Turns a lesson body (Markdown, frontmatter already stripped) into safe HTML,
 * its table of contents and the inline knowledge checks it holds.
 *
 * Trainer text is untrusted: whatever marked produces goes through
 * sanitize-html with a small allow-list. The few attributes that carry page
 * structure (heading ids, callout classes, check placeholders) are only kept
 * on elements this module generated itself, marked with a per-render random
 * token, so raw HTML in a lesson can neither forge an island mount point nor
 * clobber DOM ids.
 *
 * @module
 */
import { Marked, Renderer, type Token, type Tokens } from "marked";
import sanitizeHtml from "sanitize-html";
import { cjkEmphasis } from "./cjk_emphasis.ts";

/** A callout container kind: `:::tip`, `:::warning`, `:::script`. */
export type CalloutKind = "tip" | "warning" | "script";

/** The callout labels used when the caller gives none (zh-CN). */
export const DEFAULT_CALLOUT_LABELS: Readonly<Record<CalloutKind, string>> =
  Object.freeze({
    tip: "提示",
    warning: "注意",
    script: "话术示例",
  });

/** One h2/h3 heading of a lesson, for the table of contents. */
export interface TocEntry {
  id: string;
  text: string;
  level: 2 | 3;
}

/** The raw YAML of one fenced `quiz` block, by its 0-based position in the lesson. */
export interface InlineCheckSource {
  index: number;
  source: string;
}

/** A rendered lesson body. */
export interface RenderedLesson {
  /** Sanitized HTML; each quiz block is `<div data-inline-check="N"></div>`. */
  html: string;
  toc: TocEntry[];
  checks: InlineCheckSource[];
}

/** Options for {@linkcode renderLesson}. */
export interface RenderOptions {
  /** Translated callout titles; missing kinds fall back to the zh-CN labels. */
  calloutLabels?: Partial<Record<CalloutKind, string>>;
}

interface CalloutToken extends Tokens.Generic {
  type: "callout";
  kind: CalloutKind;
  tokens: Token[];
}

// The body is lazy so a callout ends at the first line that is exactly `:::`.
// Callouts do not nest: an inner `:::` would close the outer one.
const CALLOUT =
  /^:::(tip|warning|script)[ \t]*\n((?:[\s\S]*?\n)?):::[ \t]*(?:\n+|$)/;
const CALLOUT_START = /^:::(?:tip|warning|script)[ \t]*$/m;

/**
 * Renders a lesson body to sanitized HTML, its h2/h3 table of contents and the
 * extracted inline checks.
 *
 * @example Usage
 * ```ts
 * import assert from "node:assert/strict";
 * import { renderLesson } from "@/lib/content/markdown.ts";
 * const lesson = renderLesson("## 售前\n\n~~~quiz\nref: q-basics-003\n~~~\n");
 * assert.deepEqual(lesson.toc, [{ id: "售前", text: "售前", level: 2 }]);
 * assert.deepEqual(lesson.checks, [{ index: 0, source: "ref: q-basics-003" }]);
 * assert.match(lesson.html, /<div data-inline-check="0"><\/div>/);
 * ```
 */
export function renderLesson(
  markdown: string,
  options: RenderOptions = {},
): RenderedLesson {
  const labels = { ...DEFAULT_CALLOUT_LABELS, ...options.calloutLabels };
  // Everything below is per call: the renderer closes over this render's
  // state, so concurrent renders never share ids, checks or the token.
  const mark = crypto.randomUUID();
  const trusted = ` data-sa="${mark}"`;
  const slugs = createSlugger();
  const toc: TocEntry[] = [];
  const checks: InlineCheckSource[] = [];

  const marked = new Marked({ gfm: true, async: false }, cjkEmphasis());
  marked.use({
    extensions: [{
      name: "callout",
      level: "block",
      start: (src) => src.match(CALLOUT_START)?.index,
      tokenizer(src) {
        const match = CALLOUT.exec(src);
        if (!match) return undefined;
        const token: CalloutToken = {
          type: "callout",
          raw: match[0],
          kind: match[1] as CalloutKind,
          tokens: this.lexer.blockTokens(match[2], []),
        };
        return token;
      },
      renderer(token) {
        const { kind, tokens } = token as CalloutToken;
        return `<aside class="callout callout-${kind}" role="note"${trusted}>` +
          `<p class="callout-title"${trusted}>${
            escapeHtml(labels[kind])
          }</p>\n` +
          `${this.parser.parse(tokens)}</aside>\n`;
      },
    }],
    renderer: {
      heading({ tokens, depth }) {
        const text = plainText(tokens);
        const id = slugs.next(text);
        if (depth === 2 || depth === 3) toc.push({ id, text, level: depth });
        return `<h${depth} id="${id}"${trusted}>${
          this.parser.parseInline(tokens)
        }` +
          `<a class="heading-anchor" href="#${id}" aria-hidden="true" tabindex="-1"${trusted}>#</a>` +
          `</h${depth}>\n`;
      },
      code({ lang, text }) {
        if (lang?.match(/^\S*/)?.[0] !== "quiz") return false;
        const index = checks.length;
        checks.push({ index, source: text });
        return `<div data-inline-check="${index}"${trusted}></div>\n`;
      },
      table(token) {
        // A wide table scrolls inside its wrapper instead of widening the page on a phone.
        // tabindex: a keyboard user can scroll it too.
        return `<div class="table-wrap" tabindex="0"${trusted}>\n${
          Renderer.prototype.table.call(this, token)
        }</div>\n`;
      },
      checkbox({ checked }) {
        // Task-list checkboxes would be form controls; show them as text.
        return checked ? "☑ " : "☐ ";
      },
    },
  });

  const raw = marked.parse(markdown, { async: false });
  return { html: sanitize(raw, sanitizeOptions(mark)), toc, checks };
}

/** A bounded cache of rendered lessons; see {@linkcode createRenderCache}. */
export interface RenderCache {
  /** Returns the rendered lesson, rendering it only on a miss. The result is frozen. */
  render(markdown: string): Readonly<RenderedLesson>;
  /** How many lessons are cached. */
  readonly size: number;
}

/** Options for {@linkcode createRenderCache}. */
export interface RenderCacheOptions extends RenderOptions {
  /** The most lessons kept; the least recently used goes first. Default 200. */
  maxEntries?: number;
}

/**
 * Creates an LRU cache so each lesson body is rendered once per content
 * version. It is keyed by the Markdown text itself: a changed lesson is a new
 * key, so an entry can never be stale. Create one per locale.
 */
export function createRenderCache(
  options: RenderCacheOptions = {},
): RenderCache {
  const { maxEntries = 200, ...renderOptions } = options;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) {
    throw new RangeError(
      `Cannot create render cache: maxEntries must be a positive integer, got ${maxEntries}`,
    );
  }
  const entries = new Map<string, Readonly<RenderedLesson>>();
  return {
    render(markdown) {
      const hit = entries.get(markdown);
      if (hit) {
        // Re-inserting moves the key to the end: Map order is the LRU order.
        entries.delete(markdown);
        entries.set(markdown, hit);
        return hit;
      }
      const lesson = freezeLesson(renderLesson(markdown, renderOptions));
      entries.set(markdown, lesson);
      if (entries.size > maxEntries) {
        entries.delete(entries.keys().next().value!);
      }
      return lesson;
    },
    get size() {
      return entries.size;
    },
  };
}

/**
 * Makes a heading id: lower case, NFKC (full-width letters become ASCII),
 * letters of any script and digits kept, punctuation dropped, spaces to `-`.
 * Chinese text stays as it is, so `## 售前:阶段` becomes `售前阶段`.
 */
export function slugify(text: string): string {
  const slug = text.normalize("NFKC").toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, "")
    .trim()
    .replace(/[\s-]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug || "section";
}

function createSlugger() {
  const used = new Set<string>();
  return {
    next(text: string): string {
      const base = slugify(text);
      let id = base;
      // A literal heading "x-2" can collide with a generated one, so probe until free.
      for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
      used.add(id);
      return id;
    },
  };
}

/** The words of inline tokens, without markup: raw HTML tags are dropped. */
function plainText(tokens: readonly Token[]): string {
  const text = tokens.map((token): string => {
    if (token.type === "html") return "";
    if (token.type === "br") return " ";
    if (token.type === "image") return token.text;
    const { tokens: children, text } = token as Tokens.Generic;
    if (children?.length) return plainText(children);
    return typeof text === "string" ? text : "";
  }).join("");
  return decodeEntities(text).replace(/\s+/g, " ").trim();
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
};

function decodeEntities(text: string): string {
  return text.replace(
    /&(#x[0-9a-f]+|#\d+|[a-z]+);/gi,
    (entity, body: string) => {
      if (body[0] !== "#") return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
      const code = body[1] === "x" || body[1] === "X"
        ? parseInt(body.slice(2), 16)
        : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    },
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function freezeLesson(lesson: RenderedLesson): Readonly<RenderedLesson> {
  lesson.toc.forEach((entry) => Object.freeze(entry));
  lesson.checks.forEach((check) => Object.freeze(check));
  Object.freeze(lesson.toc);
  Object.freeze(lesson.checks);
  return Object.freeze(lesson);
}

const HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"];

// Attributes that place structure on the page; only generated elements keep them.
const STRUCTURAL_ATTRIBUTES = [
  "id",
  "class",
  "role",
  "aria-hidden",
  "tabindex",
  "data-inline-check",
];

const EXTERNAL_URL = /^(?:https?:)?\/\//i;

// sanitize-html ships no types; this is the part of its options this module uses.
type AttributeRule = string | {
  name: string;
  multiple?: boolean;
  values: string[];
};
interface SanitizeOptions {
  allowedTags: string[];
  allowedAttributes: Record<string, AttributeRule[]>;
  allowedClasses: Record<string, string[]>;
  allowedSchemes: string[];
  allowedSchemesByTag: Record<string, string[]>;
  allowedSchemesAppliedToAttributes: string[];
  allowProtocolRelative: boolean;
  disallowedTagsMode: "discard";
  nonTextTags: string[];
  transformTags: Record<
    string,
    (
      tagName: string,
      attribs: Record<string, string>,
    ) => { tagName: string; attribs: Record<string, string> }
  >;
}
const sanitize = sanitizeHtml as (
  dirty: string,
  options: SanitizeOptions,
) => string;

function sanitizeOptions(mark: string): SanitizeOptions {
  return {
    allowedTags: [
      ...HEADINGS,
      "p",
      "br",
      "hr",
      "ul",
      "ol",
      "li",
      "table",
      "thead",
      "tbody",
      "tfoot",
      "tr",
      "th",
      "td",
      "caption",
      "blockquote",
      "pre",
      "code",
      "strong",
      "em",
      "b",
      "i",
      "del",
      "s",
      "sub",
      "sup",
      "kbd",
      "mark",
      "a",
      "img",
      "aside",
      "div",
      "span",
    ],
    allowedAttributes: {
      ...Object.fromEntries(HEADINGS.map((h) => [h, ["id"]])),
      a: [
        "href",
        "title",
        { name: "rel", multiple: true, values: ["noopener", "noreferrer"] },
        { name: "aria-hidden", values: ["true"] },
        { name: "tabindex", values: ["-1"] },
      ],
      img: ["src", "alt", "title", { name: "loading", values: ["lazy"] }],
      aside: [{ name: "role", values: ["note"] }],
      div: ["data-inline-check", { name: "tabindex", values: ["0"] }],
      ol: ["start"],
      th: [{ name: "align", values: ["left", "center", "right"] }],
      td: [{ name: "align", values: ["left", "center", "right"] }],
    },
    allowedClasses: {
      aside: ["callout", "callout-tip", "callout-warning", "callout-script"],
      p: ["callout-title"],
      div: ["table-wrap"],
      a: ["heading-anchor"],
      code: ["language-*"],
      span: [],
    },
    allowedSchemes: ["http", "https", "mailto"],
    allowedSchemesByTag: { img: ["http", "https"] },
    allowedSchemesAppliedToAttributes: ["href", "src", "cite"],
    // `//host/path` is an absolute URL to another site, not a relative one.
    allowProtocolRelative: false,
    disallowedTagsMode: "discard",
    // The content of these is dropped with the tag, not kept as text.
    nonTextTags: [
      "script",
      "style",
      "textarea",
      "option",
      "noscript",
      "iframe",
      "noembed",
      "noframes",
      "xmp",
      "template",
      "title",
    ],
    transformTags: {
      "*": (tagName, attribs) => {
        const generated = attribs["data-sa"] === mark;
        delete attribs["data-sa"];
        if (!generated) {
          for (const name of STRUCTURAL_ATTRIBUTES) {
            // marked's own `language-*` class on code blocks is harmless and useful.
            if (!(name === "class" && tagName === "code")) delete attribs[name];
          }
        }
        if (tagName === "a") {
          const href = (attribs.href ?? "").trim();
          if (EXTERNAL_URL.test(href)) attribs.rel = "noopener noreferrer";
          else delete attribs.rel;
        }
        if (tagName === "img") attribs.loading = "lazy";
        return { tagName, attribs };
      },
    },
  };
}
