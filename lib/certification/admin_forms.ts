/**
 * The admin's certificate forms: revoke (a reason and an explicit
 * confirmation) and grant/withhold (a learner, a level, a reason). Parsing
 * only; field names are the form's, so errors can be shown beside them.
 */
import { z } from "zod";

/** Revoke form. */
export const RevokeForm = z.object({
  certificateId: z.string().regex(/^[a-z2-7]{26}$/),
  reason: z.string().trim().min(2, "reason").max(500, "reason"),
  confirm: z.literal("yes", { error: "confirm" }),
});

/** Grant / withhold form. */
export const DecisionForm = z.object({
  login: z.string().trim().min(1, "login").max(100, "login"),
  levelId: z.string().regex(/^[a-z0-9-]+$/, "levelId"),
  kind: z.enum(["grant", "withhold"], { error: "kind" }),
  reason: z.string().trim().min(2, "reason").max(500, "reason"),
});

/** The first problem per field of a failed parse. */
export function formErrors(error: z.ZodError): Record<string, true> {
  const out: Record<string, true> = {};
  for (const issue of error.issues) out[String(issue.path[0] ?? "form")] = true;
  return out;
}
