/**
 * How the grader reads a reply: a matching view of the text with the same
 * UTF-16 offsets as the reply itself (so every span points into what the
 * learner wrote), its clauses and sentences, and the context of a cue
 * (negated, asked back, quoted, reported).
 *
 * The matching view:
 * - full-width letters, digits and punctuation become half-width (NFKC, only
 *   where that keeps the length: "１２" -> "12", "？" -> "?");
 * - pasted HTML tags and entities become spaces;
 * - a masked number placeholder (`[数字1]`, `【数字】`) becomes as many `9`s, so
 *   "[数字1]小时内" reads as a number of hours.
 *
 * @module
 */
import { PLACEHOLDER_RE } from "@/lib/privacy/identifiers.ts";

/** A half-open range of UTF-16 offsets into the reply. */
export interface Range {
  start: number;
  end: number;
}

/** Same-length normalisation of a reply for matching. */
export function matchView(text: string): string {
  let out = "";
  for (const ch of text) {
    const n = ch.normalize("NFKC");
    out += n.length === ch.length ? n : ch;
  }
  out = out.replace(
    /<\/?[a-zA-Z][^<>]{0,300}>|&(?:[a-zA-Z]{2,8}|#\d{1,6});/g,
    (m) => " ".repeat(m.length),
  );
  out = out.replace(
    new RegExp(PLACEHOLDER_RE.source, "g"),
    (m, kind: string) => kind === "数字" ? "9".repeat(m.length) : m,
  );
  return out;
}

// Where a clause ends. A "." or "," between digits (1.5, 1,000) and a ":"
// between digits (18:30) do not end one.
const CLAUSE_END = /[，,。.！!？?；;：:~～…\n\r\t ]|\p{Extended_Pictographic}/u;
const SENTENCE_END = /[。！!？?\n\r~～…]|\p{Extended_Pictographic}/u;

function isBoundary(view: string, i: number, re: RegExp): boolean {
  const c = view[i];
  if (!re.test(c)) return false;
  if (
    ".,:".includes(c) && /\d/.test(view[i - 1] ?? "") &&
    /\d/.test(view[i + 1] ?? "")
  ) {
    return false;
  }
  return true;
}

function split(view: string, re: RegExp): Range[] {
  const out: Range[] = [];
  let start = 0;
  for (let i = 0; i < view.length; i++) {
    // Surrogate pairs: test the whole code point.
    const cp = view.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const ch = String.fromCodePoint(cp);
    const boundary = width === 2 ? re.test(ch) : isBoundary(view, i, re);
    if (boundary) {
      if (i > start) out.push({ start, end: i });
      start = i + width;
    }
    i += width - 1;
  }
  if (view.length > start) out.push({ start, end: view.length });
  return out;
}

/** A reply prepared for matching. */
export class Reading {
  readonly view: string;
  readonly clauses: Range[];
  readonly sentences: Range[];
  readonly quotes: Range[];

  constructor(readonly text: string) {
    this.view = matchView(text);
    this.clauses = split(this.view, CLAUSE_END);
    this.sentences = split(this.view, SENTENCE_END);
    this.quotes = [
      ...this.view.matchAll(
        /“[^”]{1,60}”|"[^"]{1,60}"|「[^」]{1,60}」|『[^』]{1,60}』|‘[^’]{1,60}’/g,
      ),
    ]
      .map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
  }

  /** The clause holding offset `at` (an empty range if none). */
  clauseAt(at: number): Range {
    return this.clauses.find((c) => c.start <= at && at < c.end) ??
      { start: at, end: at };
  }

  /** The sentence holding offset `at`. */
  sentenceAt(at: number): Range {
    return this.sentences.find((c) => c.start <= at && at < c.end) ??
      { start: at, end: at };
  }

  /** The character right after a range's end, skipping spaces: its closing punctuation. */
  closer(r: Range): string {
    let i = r.end;
    while (i < this.view.length && this.view[i] === " ") i++;
    return this.view[i] ?? "";
  }

  slice(r: Range): string {
    return this.view.slice(r.start, r.end);
  }

  /** True when a negation word stands shortly before `at` in its clause. */
  negated(at: number, window = NEGATION_WINDOW): boolean {
    const clause = this.clauseAt(at);
    const from = Math.max(clause.start, at - window - 3);
    const before = this.view.slice(from, at).replace(
      NOT_NEGATING,
      (m) => "_".repeat(m.length),
    );
    const m = [...before.matchAll(NEGATOR)].at(-1);
    if (!m) return false;
    return before.length - (m.index! + m[0].length) <= window;
  }

  /** True when `at` sits inside quotation marks (the customer's words quoted back). */
  quoted(at: number): boolean {
    return this.quotes.some((q) => q.start < at && at < q.end);
  }

  /**
   * True when the words at `at` are asked back rather than stated: the clause
   * is itself a question (ends in ? or 吗/么/呢, not a request tag such as
   * 好吗/可以吗 after a statement), or the sentence checks back with the
   * customer (starts with 您是说/您的意思是… or ends in 对吗/是吗/是不是).
   */
  askedBack(at: number): boolean {
    const clause = this.clauseAt(at);
    const sentence = this.sentenceAt(at);
    const words = this.slice(clause);
    const sentenceText = this.slice(sentence);
    const end = this.closer(sentence);
    const isQuestion = end === "?" ||
      /[吗么呢嘛]$/.test(sentenceText.trimEnd());
    if (
      isQuestion &&
      (PARAPHRASE_START.test(sentenceText) || CONFIRM_TAG.test(sentenceText))
    ) {
      return true;
    }
    if (REPORTED_START.test(words)) return true;
    const clauseEnd = this.closer(clause);
    const clauseQuestion = clauseEnd === "?" ||
      /[吗么呢嘛]$/.test(words.trimEnd()) ||
      (clause.end === sentence.end && isQuestion);
    if (!clauseQuestion) return false;
    // "我保证明天到，好吗？" is a statement with a request tag.
    return !REQUEST_TAG.test(words);
  }

  /** True when the clause of `at` has the agent acting ("我/我们/帮您/为您") before `at`. */
  agentActsBefore(at: number): boolean {
    const clause = this.clauseAt(at);
    return /我|帮您|为您|帮你|为你|给您|这边|咱们/.test(
      this.view.slice(clause.start, at),
    );
  }
}

/** How many characters may stand between a negator and the cue it negates. */
export const NEGATION_WINDOW = 4;

const NEGATOR =
  /并非|不是|没有|不能|不会|不用|不要|无法|没法|未|不|没|别|无|勿|甭|莫/g;
// Set phrases that hold a negator but negate nothing after them.
const NOT_NEGATING =
  /没问题|没关系|不客气|不好意思|不好的|不用谢|不要紧|不错|无论|不仅|不但|不管|不过|毫无疑问|无误|不便|不适|不满|不开心|不舒服|不愉快|不到位|不清楚的地方|不周/g;

const PARAPHRASE_START =
  /^(?:亲[，,]?)?(?:跟您|和您|向您)?(?:确认一下|核对一下)?[，,:：]?(?:您|你)(?:是说|的意思是|是想|是希望|是要|是担心|是指|说的是|问的是|担心)/;
const CONFIRM_TAG =
  /(?:对吗|是吗|是不是|对吧|对不对|没错吧|没错吗|是这样吗|是这个意思吗)[吗么呢嘛]?\s*$/;
const REQUEST_TAG = /(?:好吗|好不好|可以吗|行吗|可以不|行不行|成吗)\s*$/;
const REPORTED_START =
  /^(?:亲)?(?:您|你)(?:刚才|之前|刚刚)?(?:说|提到|反映|反馈说|问|留言说|评论说|担心|觉得|怀疑|以为|认为)/;

/** Counts code points. */
export function charCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}
