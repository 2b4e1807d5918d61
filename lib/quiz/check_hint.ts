/**
 * The hint an inline check gives after a wrong answer, before the full
 * explanation: what kind of mistake it was, never the key. Data only; the
 * view turns it into a sentence (lib/ holds no user-facing text).
 */
import type { InlineQuestion } from "@/lib/content/schema.ts";
import type { Answer } from "./score.ts";

/** What went wrong, without saying what is right. */
export type CheckHint =
  | { kind: "single" }
  | { kind: "multiple"; right: number; missed: number; extra: number }
  | { kind: "truefalse" }
  | { kind: "ordering"; misplaced: number }
  | { kind: "matching"; wrong: number; total: number }
  | { kind: "fillin" }
  | { kind: "written" };

/** The hint for a wrong or partly right `answer` to `q`. */
export function checkHint(q: InlineQuestion, answer: Answer): CheckHint {
  switch (q.type) {
    case "multiple": {
      const chosen = new Set(answer.type === "multiple" ? answer.choices : []);
      const correct = q.options.filter((o) => o.correct).map((o) => o.id);
      const right = correct.filter((id) => chosen.has(id)).length;
      return {
        kind: "multiple",
        right,
        missed: correct.length - right,
        extra: [...chosen].filter((id) => !correct.includes(id)).length,
      };
    }
    case "ordering": {
      const order = answer.type === "ordering" ? answer.order : [];
      return {
        kind: "ordering",
        misplaced: q.answer.filter((id, i) => order[i] !== id).length,
      };
    }
    case "matching": {
      const pairs = answer.type === "matching" ? answer.pairs : {};
      const left = Object.keys(q.answer);
      return {
        kind: "matching",
        wrong: left.filter((l) => pairs[l] !== q.answer[l]).length,
        total: left.length,
      };
    }
    default:
      return { kind: q.type };
  }
}
