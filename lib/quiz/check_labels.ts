import type { InlineCheckLabels } from "@/islands/InlineCheck.tsx";
import type { Translate } from "@/lib/i18n/i18n.ts";

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
  };
}
