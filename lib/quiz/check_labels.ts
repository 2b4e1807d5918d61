import type { Translate } from "@/lib/i18n/i18n.ts";
import type { FieldLabels } from "@/lib/question_types/common/fields_props.ts";

/** Translated UI text for the check (the island holds no catalog). */
export interface InlineCheckLabels extends FieldLabels {
  title: string;
  submit: string;
  retry: string;
  correct: string;
  partial: string;
  wrong: string;
  why: string;
  true: string;
  false: string;
  fill: string;
  up: string;
  down: string;
  choose: string;
  placeholder: string;
  error: string;
  pending: string;
  hint: string;
  reveal: string;
  revealing: string;
  blank: string;
  /** Between a label and its text: "：" in Chinese, ": " in English. */
  sep: string;
}

/** The inline check's UI text in the request's language. */
export function checkLabels(t: Translate): InlineCheckLabels {
  return {
    title: t("check.title"),
    submit: t("check.submit"),
    retry: t("check.retry"),
    correct: t("check.correct"),
    partial: t("check.partial"),
    wrong: t("check.wrong"),
    why: t("check.explanation"),
    true: t("check.true"),
    false: t("check.false"),
    fill: t("check.fill"),
    up: t("check.order.up"),
    down: t("check.order.down"),
    choose: t("check.match.choose"),
    placeholder: t("check.written.placeholder"),
    error: t("check.error"),
    pending: t("check.pending"),
    hint: t("learner.check.hint"),
    reveal: t("learner.check.reveal"),
    revealing: t("learner.check.revealing"),
    blank: t("learner.blank"),
    sep: t("learner.label_separator"),
    position: t("quiz.position"),
  };
}
