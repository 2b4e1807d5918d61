/**
 * Reply search: Chinese word segmentation (`Intl.Segmenter`), character
 * bigrams for what the segmenter splits differently ("到账" comes out as
 * 到|账), synonyms from synonyms.ts, filters by situation and stage, and a
 * ranking that weighs a word in the title or keywords above one in the text.
 * The index is built once per library version; a query touches only the
 * postings of its own terms.
 *
 * @module
 */
import type { Reply, Situation, Stage } from "@/lib/content/reply_schema.ts";
import { SITUATIONS, STAGES } from "@/lib/content/reply_schema.ts";
import { canonical, SYNONYM_WORDS } from "./synonyms.ts";

const SYNONYM_SET = new Set(SYNONYM_WORDS);
// Synonyms longer than a bigram ("什么时候", "找不到包裹"), found in one pass.
const LONG_SYNONYMS = new RegExp(
  SYNONYM_WORDS.filter((w) => w.length > 2)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"),
  "g",
);

/** A reply with the situation its file gives it. */
export interface LibraryReply extends Reply {
  situation: Situation;
}

/** Field weights: what the agent searches for is in the title and keywords. */
const WEIGHTS = { title: 3, keywords: 2.5, text: 1, notes: 0.3 } as const;
/** Extra score when the title holds the whole query as typed. */
const TITLE_PHRASE_BONUS = 4;
/** Results per page. */
export const PAGE_SIZE = 20;
/** Longest query read, in characters. */
export const MAX_QUERY = 50;

const segmenter = new Intl.Segmenter("zh", { granularity: "word" });
const CJK = /\p{Script=Han}/u;

/** The search terms of a text: segmented words, CJK bigrams and synonyms inside them, each as its group name. */
export function terms(text: string): Set<string> {
  const out = new Set<string>();
  const clean = text.normalize("NFKC").toLowerCase()
    .replace(/\{\{[^}]*\}\}|[{}]/g, " ");
  for (const s of segmenter.segment(clean)) {
    if (!s.isWordLike) continue;
    const w = s.segment;
    // One Han character alone ("了", "哪") says too little to search by.
    if (w.length >= 2 || !CJK.test(w)) out.add(canonical(w));
    else if (SYNONYM_SET.has(w)) out.add(canonical(w));
  }
  const chars = [...clean];
  for (let i = 0; i + 1 < chars.length; i++) {
    if (CJK.test(chars[i]) && CJK.test(chars[i + 1])) {
      out.add(canonical(chars[i] + chars[i + 1]));
    }
  }
  for (const m of clean.matchAll(LONG_SYNONYMS)) out.add(canonical(m[0]));
  return out;
}

/** A built index over one library. */
export interface ReplyIndex {
  replies: readonly LibraryReply[];
  /** term -> reply index -> summed field weight. */
  postings: Map<string, Map<number, number>>;
  titles: string[];
  /** Reply positions in situation and stage order: the listing without words. */
  listed: number[];
}

/** Builds the index (once per library version). */
export function buildIndex(replies: readonly LibraryReply[]): ReplyIndex {
  const postings = new Map<string, Map<number, number>>();
  replies.forEach((r, i) => {
    const weights = new Map<string, number>();
    const addField = (text: string, w: number) => {
      for (const t of terms(text)) {
        weights.set(t, Math.max(weights.get(t) ?? 0, 0) + w);
      }
    };
    addField(r.title, WEIGHTS.title);
    addField(r.keywords.join(" "), WEIGHTS.keywords);
    addField(r.text, WEIGHTS.text);
    addField(`${r.tone} ${r.avoid}`, WEIGHTS.notes);
    for (const [t, w] of weights) {
      let p = postings.get(t);
      if (!p) postings.set(t, p = new Map());
      p.set(i, w);
    }
  });
  return {
    replies,
    postings,
    titles: replies.map((r) => r.title.normalize("NFKC").toLowerCase()),
    listed: replies.map((_, i) => i).sort((a, b) =>
      order(replies[a]) - order(replies[b]) || a - b
    ),
  };
}

/** What to search for. */
export interface ReplyQuery {
  q?: string;
  situation?: Situation;
  stage?: Stage;
  /** 1-based. */
  page?: number;
}

/** One result. */
export interface ReplyHit {
  reply: LibraryReply;
  score: number;
}

/** A page of results. */
export interface ReplyResults {
  hits: ReplyHit[];
  /** Matching replies in all pages. */
  total: number;
  page: number;
  pages: number;
  /** The query as searched (trimmed, cut to MAX_QUERY). */
  q: string;
}

const order = (r: LibraryReply) =>
  SITUATIONS.indexOf(r.situation) * 10 + STAGES.indexOf(r.stage);

/**
 * Searches the index: without words, every reply passing the filters in
 * situation and stage order; with words, only replies matching at least one
 * term, best first (idf-weighted term matches, title phrase bonus, then the
 * share of query terms matched).
 */
export function searchReplies(
  index: ReplyIndex,
  query: ReplyQuery,
): ReplyResults {
  const q = (query.q ?? "").trim().slice(0, MAX_QUERY);
  const keep = (r: LibraryReply) =>
    (!query.situation || r.situation === query.situation) &&
    (!query.stage || r.stage === query.stage);
  let hits: ReplyHit[];
  if (!q) {
    hits = [];
    for (const i of index.listed) {
      const reply = index.replies[i];
      if (keep(reply)) hits.push({ reply, score: 0 });
    }
  } else {
    const n = index.replies.length;
    const wanted = [...terms(q)];
    const scores = new Map<number, { score: number; matched: number }>();
    for (const t of wanted) {
      const p = index.postings.get(t);
      if (!p) continue;
      const idf = Math.log(1 + n / p.size);
      for (const [i, w] of p) {
        const s = scores.get(i) ?? { score: 0, matched: 0 };
        s.score += idf * w;
        s.matched += 1;
        scores.set(i, s);
      }
    }
    const phrase = q.normalize("NFKC").toLowerCase();
    hits = [];
    for (const [i, s] of scores) {
      const reply = index.replies[i];
      if (!keep(reply)) continue;
      const bonus = index.titles[i].includes(phrase) ? TITLE_PHRASE_BONUS : 0;
      // Matching more of what was asked beats matching one word often.
      const coverage = s.matched / Math.max(1, wanted.length);
      hits.push({
        reply,
        score: Math.round((s.score * (0.5 + coverage) + bonus) * 100) / 100,
      });
    }
    hits.sort((a, b) =>
      b.score - a.score || order(a.reply) - order(b.reply) ||
      (a.reply.id < b.reply.id ? -1 : 1)
    );
  }
  const pages = Math.max(1, Math.ceil(hits.length / PAGE_SIZE));
  const page = Math.min(Math.max(1, query.page ?? 1), pages);
  return {
    hits: hits.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
    total: hits.length,
    page,
    pages,
    q,
  };
}
