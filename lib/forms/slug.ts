/**
 * Ids proposed from names, so an admin never has to invent one: Chinese is
 * spelled in pinyin (pinyin-pro, the most accurate converter on npm), the
 * rest lower-cased, everything but letters and digits becomes one hyphen.
 * An id already taken gets "-2", "-3", …
 */
import { pinyin } from "pinyin-pro";

/** Longest id the team and cohort stores accept. */
export const MAX_ID = 40;

/**
 * An id for a name: "售前一组" -> "shou-qian-yi-zu", "第 11 期" -> "di-11-qi".
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { slugFromName } from "@/lib/forms/slug.ts";
 * assert.equal(slugFromName("售前一组"), "shou-qian-yi-zu");
 * assert.equal(slugFromName("VIP 客服 2 组"), "vip-ke-fu-2-zu");
 * ```
 */
export function slugFromName(name: string): string {
  const words = pinyin(name, {
    toneType: "none",
    type: "array",
    nonZh: "consecutive",
  });
  return words.join("-").toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_ID)
    .replace(/-+$/, "");
}

/**
 * The first free id for a name: the slug, else the slug with "-2", "-3" …
 * `taken` answers whether an id is in use. "" when the name gives no slug.
 */
export async function proposeId(
  name: string,
  taken: (id: string) => Promise<boolean>,
): Promise<string> {
  const base = slugFromName(name);
  if (!base) return "";
  for (let n = 1; n < 100; n++) {
    const suffix = n === 1 ? "" : `-${n}`;
    const id = base.slice(0, MAX_ID - suffix.length).replace(/-+$/, "") +
      suffix;
    if (!(await taken(id))) return id;
  }
  return "";
}
