/**
 * The hint an inline check gives after a wrong answer, before the full
 * explanation: what kind of mistake it was, never the key. Data only; the
 * view turns it into a sentence (lib/ holds no user-facing text). Each type's
 * hint is its `hint` in lib/question_types/.
 */
import type { InlineQuestion } from "@/lib/content/schema.ts";
import { typeOf } from "@/lib/question_types/registry.ts";
import type { CheckHint } from "@/lib/question_types/common/types.ts";
import type { Answer } from "./score.ts";

export type { CheckHint } from "@/lib/question_types/common/types.ts";

/** The hint for a wrong or partly right `answer` to `q`. */
export function checkHint(q: InlineQuestion, answer: Answer): CheckHint {
  return typeOf(q).hint(q, answer);
}
