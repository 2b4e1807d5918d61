/** The sentence for an inline check's hint, in the request's language. */
import type { Translate } from "@/lib/i18n/i18n.ts";
import type { CheckHint } from "./check_hint.ts";

/** Translates a {@linkcode CheckHint}. */
export function hintText(t: Translate, hint: CheckHint): string {
  switch (hint.kind) {
    case "multiple":
      return t("learner.hint.multiple", {
        right: hint.right,
        missed: hint.missed,
        extra: hint.extra,
      });
    case "ordering":
      return t("learner.hint.ordering", { count: hint.misplaced });
    case "matching":
      return t("learner.hint.matching", {
        count: hint.wrong,
        total: hint.total,
      });
    default:
      return t(`learner.hint.${hint.kind}`);
  }
}
