/**
 * What the drill island is given: plain data and its translated labels. The
 * types live in lib/ so the server (drill_view.ts) fills them without
 * importing the island: imports run routes -> islands -> lib only.
 */

/** One drill item as shown (no model answer). */
export interface DrillItemView {
  id: string;
  customer: string;
  seconds: number;
  /** An "adapt the reply" item: the library reply to start from. */
  adapt?: {
    replyId: string;
    title: string;
    text: string;
    /** The text split so placeholders can be marked. */
    parts: { text: string; placeholder?: string }[];
  };
}

/** A graded answer as the learner sees it. */
export interface DrillResultView {
  itemId: string;
  text: string;
  seconds: number;
  score: number;
  speed: number;
  rubricScore: number;
  criteria: { label: string; passed: boolean; reason: string }[];
}

/** Translated text for the drill. */
export interface DrillLabels {
  item: string;
  /** With `{seconds}` left in, filled by the island. */
  left: string;
  over: string;
  send: string;
  sending: string;
  answer: string;
  /** With `{score}` and `{seconds}` left in, filled by the island. */
  score: string;
  /** Between a label and its value: "：" in Chinese, ": " in English. */
  separator: string;
  error: string;
  done: string;
  total: string;
  /** The link to the round's result: each reply beside its model answer. */
  review: string;
  /** Above the library reply of an adapt item. */
  adaptFrom: string;
  /** What to do with it. */
  adaptHint: string;
}
