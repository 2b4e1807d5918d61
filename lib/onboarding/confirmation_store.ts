/**
 * Mentor confirmations of offline plan items (shadowing, milestones). An
 * item is keyed by its kind and title, not its position, so a trainer who
 * moves it to another day keeps the confirmation. Only this module reads or
 * writes these keys:
 *
 * | key                                          | value        |
 * | -------------------------------------------- | ------------ |
 * | ["plan_confirmations", learnerId, itemKey]   | Confirmation |
 */
import { z } from "zod";
import { decodeStored } from "@/lib/db/decode.ts";

const key = (learnerId: string, itemKey: string) => [
  "plan_confirmations",
  learnerId,
  itemKey,
];

/** The stable key of an offline plan item. */
export function offlineItemKey(
  item: { kind: "shadowing" | "milestone"; title: string },
): string {
  return `${item.kind}:${item.title}`;
}

/** A stored confirmation. */
export const ConfirmationSchema = z.object({
  itemKey: z.string().min(1).max(300),
  learnerId: z.string().min(1),
  by: z.string().min(1),
  note: z.string().max(500),
  at: z.date(),
});
/** A stored confirmation. */
export type Confirmation = z.infer<typeof ConfirmationSchema>;

/** Records a confirmation; confirming twice keeps the first. Returns the stored one. */
export async function confirmItem(
  kv: Deno.Kv,
  input: Omit<Confirmation, "at">,
  now: Date,
): Promise<Confirmation> {
  const c = ConfirmationSchema.parse({ ...input, at: now });
  const k = key(c.learnerId, c.itemKey);
  const res = await kv.atomic().check({ key: k, versionstamp: null }).set(k, c)
    .commit();
  if (res.ok) return c;
  const e = await kv.get(k);
  return decodeStored(ConfirmationSchema, k, e.value);
}

/** A learner's confirmed item keys with their records. */
export async function listConfirmations(
  kv: Deno.Kv,
  learnerId: string,
): Promise<Map<string, Confirmation>> {
  const out = new Map<string, Confirmation>();
  for await (
    const e of kv.list({ prefix: ["plan_confirmations", learnerId] }, {
      limit: 500,
    })
  ) {
    const c = decodeStored(ConfirmationSchema, e.key, e.value);
    out.set(c.itemKey, c);
  }
  return out;
}
