/**
 * Repeatable noise for demo data: the same key always gives the same number,
 * so a store seeded twice (or on another machine) holds the same figures,
 * while neighbouring keys differ as real people and months do. Pure.
 *
 * @module
 */

/** FNV-1a hash of a string, 32 bits. */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A number in [0, 1) fixed by `key` (mulberry32 of its hash). */
export function unit(key: string): number {
  let t = (hash(key) + 0x6d2b79f5) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
}

/**
 * Roughly standard-normal noise fixed by `key`: the sum of four uniforms,
 * centred and scaled to unit variance (bounded by about +-3.5).
 */
export function noise(key: string): number {
  let s = 0;
  for (let i = 0; i < 4; i++) s += unit(`${key}#${i}`);
  return (s - 2) * Math.sqrt(3);
}

/** Clamps `x` into [lo, hi]. */
export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
