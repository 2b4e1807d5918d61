/**
 * The admin's certificate forms: revoke (a reason and an explicit
 * confirmation) and grant/withhold (a learner, a level, a reason). Parsing
 * only; messages are message keys (lib/forms/form.ts), shown beside the field.
 */
import { z } from "zod";

const REASON = "onboarding.admin.error.reason";
const LOGIN = "onboarding.admin.error.login";

/** Revoke form. */
export const RevokeForm = z.object({
  certificateId: z.string().regex(/^[a-z2-7]{26}$/),
  reason: z.string(REASON).trim().min(2, REASON).max(500, REASON),
  confirm: z.literal("yes", { error: "onboarding.admin.error.confirm" }),
});

/** Grant / withhold form. */
export const DecisionForm = z.object({
  login: z.string(LOGIN).trim().min(1, LOGIN).max(100, LOGIN),
  levelId: z.string().regex(/^[a-z0-9-]+$/, "error.code.invalid"),
  kind: z.enum(["grant", "withhold"], { error: "error.code.invalid" }),
  reason: z.string(REASON).trim().min(2, REASON).max(500, REASON),
});
