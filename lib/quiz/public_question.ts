/**
 * What the browser may know of a question before it is answered: prompt and
 * choices, never the key (`correct`, `answer`, `answers`, `modelAnswer`,
 * `explanation`). Ordering items and matching targets are shuffled with a
 * seed from the question, so the shown order never gives the key away and the
 * server and the browser agree on it.
 */
import type { InlineQuestion } from "@/lib/content/schema.ts";

/** A choice or item as shown. */
export interface PublicItem {
  id: string;
  text: string;
}

/** A question without its answer key. */
export type PublicQuestion =
  | { type: "single" | "multiple"; prompt: string; options: PublicItem[] }
  | { type: "truefalse"; prompt: string }
  | { type: "ordering"; prompt: string; items: PublicItem[] }
  | {
    type: "matching";
    prompt: string;
    left: PublicItem[];
    right: PublicItem[];
  }
  | { type: "fillin"; prompt: string }
  | { type: "written"; prompt: string };

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
  const item = ({ id, text }: PublicItem) => ({ id, text });
  switch (q.type) {
    case "single":
    case "multiple": {
      const options = q.options.map(item);
      return {
        type: q.type,
        prompt: q.prompt,
        options: shuffleOptions ? shuffleAwayFrom(options, [], seed) : options,
      };
    }
    case "truefalse":
    case "fillin":
    case "written":
      return { type: q.type, prompt: q.prompt };
    case "ordering":
      return {
        type: "ordering",
        prompt: q.prompt,
        items: shuffleAwayFrom(q.items.map(item), q.answer, seed),
      };
    case "matching": {
      const keyOrder = q.left.map((l) => q.answer[l.id]);
      return {
        type: "matching",
        prompt: q.prompt,
        left: q.left.map(item),
        right: shuffleAwayFrom(q.right.map(item), keyOrder, seed),
      };
    }
  }
}

/** A seeded Fisher-Yates shuffle that avoids returning the key's own order. */
export function shuffleAwayFrom<T extends { id: string }>(
  items: T[],
  key: readonly string[],
  seed: string,
): T[] {
  const random = mulberry32(hash(seed));
  for (let attempt = 0; attempt < 8; attempt++) {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    const givesKeyAway = key.length > 0 &&
      out.every((x, i) => key[i] === undefined || x.id === key[i]);
    if (!givesKeyAway || items.length < 2) return out;
  }
  return items.slice().reverse();
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  }
  return h >>> 0;
}

function mulberry32(a: number): () => number {
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
