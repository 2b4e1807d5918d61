/** GIFT problems and warnings as sentences in the request's language. */
import type { Translate } from "@/lib/i18n/i18n.ts";
import type { GiftProblem, GiftWarning } from "./parse.ts";
import { problemText } from "@/lib/content/source.ts";

/** "第 3 行第 5 列" / "line 3, column 5". */
export function giftAt(t: Translate, p: { line: number; col: number }): string {
  return t("gift.at", { line: p.line, col: p.col });
}

/** The sentence for one problem (without its position). */
export function giftProblemText(t: Translate, p: GiftProblem): string {
  switch (p.code) {
    case "lookalike":
      return t("gift.problem.lookalike", { found: p.found, fix: p.fix });
    case "syntax":
      return t("gift.problem.syntax", {
        expected: p.expected.join(" / "),
        found: p.found === null
          ? t("gift.problem.syntax_end")
          : JSON.stringify(p.found),
      });
    case "bad_id":
    case "duplicate_id":
    case "id_taken":
      return t(`gift.problem.${p.code}`, { id: p.id });
    case "unknown_rubric":
      return t("gift.problem.unknown_rubric", { rubric: p.rubric });
    case "content":
      return t("gift.problem.content", {
        field: p.field,
        message: problemText(t, p.message),
      });
    default:
      return t(`gift.problem.${p.code}`);
  }
}

/** The sentence for one warning (without its position). */
export function giftWarningText(t: Translate, w: GiftWarning): string {
  switch (w.code) {
    case "partial_dropped":
      return t("gift.warning.partial_dropped", {
        answer: w.answer,
        weight: w.weight,
      });
    case "numerical_integers":
      return t("gift.warning.numerical_integers", { values: w.values });
    case "tag_ignored":
      return t("gift.warning.tag_ignored", { tag: w.tag });
    default:
      return t(`gift.warning.${w.code}`);
  }
}
