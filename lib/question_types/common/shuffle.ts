/**
 * Stable shuffles for public views: seeded per question (and per attempt or
 * check), so the server and the browser agree on the shown order.
 *
 * @module
 */

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
