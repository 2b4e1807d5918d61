/**
 * What the browser may know of a question before it is answered: prompt and
 * choices, never the key (`correct`, `answer`, `answers`, `modelAnswer`,
 * `explanation`). Ordering items and matching targets are shuffled with a
 * seed from the question, so the shown order never gives the key away and the
 * server and the browser agree on it. Each type's view is its
 * `toPublic` in lib/question_types/.
 */
import type { InlineQuestion } from "@/lib/content/schema.ts";
import { typeOf } from "@/lib/question_types/registry.ts";
import type { PublicQuestion } from "@/lib/question_types/common/types.ts";

export type {
  PublicItem,
  PublicQuestion,
} from "@/lib/question_types/common/types.ts";
export { shuffleAwayFrom } from "@/lib/question_types/common/shuffle.ts";

/**
 * Strips the key from a question; `seed` makes the shuffles stable per
 * question. With `shuffleOptions`, choice options are shown in the seed's
 * order too (quiz attempts seed it per attempt, inline checks per check);
 * answers name options by id, so the order never changes a score.
 */
export function toPublicQuestion(
  q: InlineQuestion,
  seed: string,
  shuffleOptions = false,
): PublicQuestion {
  return typeOf(q).toPublic(q, seed, shuffleOptions);
}
