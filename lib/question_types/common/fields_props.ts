/**
 * What every type's `Fields` component takes. One component per type renders
 * both the quiz page's plain form (no JavaScript: named inputs, saved answer
 * checked) and the inline check island's live inputs (`set` given: the
 * island keeps the answer and posts it as JSON).
 *
 * @module
 */

/** Translated words the inputs need (the island holds no catalog). */
export interface FieldLabels {
  true: string;
  false: string;
  /** The accessible name of a fill-in text box. */
  fill: string;
  /** The first entry of a matching select. */
  choose: string;
  /** The accessible name and placeholder of a written reply. */
  placeholder: string;
  /** The spoken name of a prompt's blank. */
  blank: string;
  /** Move an ordering item up / down (live mode). */
  up: string;
  down: string;
  /** The accessible name of an ordering position select (form mode). */
  position: string;
  /** Between a label and its text: "：" in Chinese, ": " in English. */
  sep: string;
}

/** An answer's fields without `type` (`choice`, `choices`, `value`, `order`, `pairs`, `text`). */
export type AnswerFields = Record<string, unknown>;

/** Props of a type's `Fields`. */
export interface FieldsProps<P> {
  question: P;
  /** Form mode: the field name `q.<id>`; live mode: the check's input name. */
  name: string;
  /** The saved (form) or current (live) answer's fields. */
  answer: AnswerFields;
  /** Live mode: called with the changed fields. Absent: a plain form. */
  set?: (patch: AnswerFields) => void;
  labels: FieldLabels;
}
