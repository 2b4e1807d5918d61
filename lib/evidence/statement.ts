/**
 * Evidence statements in the shape of xAPI 1.0.3: every scored or completed
 * event is one append-only statement, so a learning record store can take
 * them as they are and later evaluation levels read them, never attempts.
 */
import { z } from "zod";
import { toHex } from "@/lib/crypto/digest.ts";

/** The IRI root of this platform's activities and extensions. */
export const ACTIVITY_ROOT = "https://service-academy.example/xapi";

/**
 * Verbs used here: ADL's where the ADL vocabulary has one; the certificate
 * events (issued, expired, revoked) have none there, so they are this
 * platform's own IRIs under ACTIVITY_ROOT (docs/evaluation.md lists them).
 */
export const VERBS = {
  completed: "http://adlnet.gov/expapi/verbs/completed",
  passed: "http://adlnet.gov/expapi/verbs/passed",
  failed: "http://adlnet.gov/expapi/verbs/failed",
  answered: "http://adlnet.gov/expapi/verbs/answered",
  responded: "http://adlnet.gov/expapi/verbs/responded",
  scored: "http://adlnet.gov/expapi/verbs/scored",
  attended: "http://adlnet.gov/expapi/verbs/attended",
  issued: `${ACTIVITY_ROOT}/verbs/issued`,
  expired: `${ACTIVITY_ROOT}/verbs/expired`,
  revoked: `${ACTIVITY_ROOT}/verbs/revoked`,
} as const;
/** A verb name. */
export type VerbName = keyof typeof VERBS;

/** Context extensions (IRIs) this platform writes. */
export const EXTENSIONS = {
  contentVersion: `${ACTIVITY_ROOT}/extensions/content-version`,
  cohort: `${ACTIVITY_ROOT}/extensions/cohort`,
  module: `${ACTIVITY_ROOT}/extensions/module`,
  dimensions: `${ACTIVITY_ROOT}/extensions/dimensions`,
} as const;

const LangMap = z.record(z.string(), z.string());

/** An xAPI statement as stored. */
export const StatementSchema = z.object({
  id: z.uuid(),
  actor: z.object({
    objectType: z.literal("Agent"),
    account: z.object({ homePage: z.string(), name: z.string().min(1) }),
  }),
  verb: z.object({ id: z.url(), display: LangMap }),
  object: z.object({
    objectType: z.literal("Activity"),
    id: z.url(),
    definition: z.object({ name: LangMap, type: z.url() }),
  }),
  result: z.object({
    score: z.object({
      scaled: z.number().min(-1).max(1),
      raw: z.number(),
      min: z.number(),
      max: z.number(),
    })
      .optional(),
    success: z.boolean().optional(),
    completion: z.boolean().optional(),
    duration: z.string().regex(/^P/).optional(),
    extensions: z.record(z.string(), z.unknown()).optional(),
  }).optional(),
  context: z.object({
    registration: z.uuid().optional(),
    contextActivities: z.object({
      parent: z.array(
        z.object({ objectType: z.literal("Activity"), id: z.url() }),
      ),
    }),
    extensions: z.record(z.string(), z.unknown()),
  }),
  timestamp: z.iso.datetime(),
});
export type Statement = z.infer<typeof StatementSchema>;

/** Activity types (ADL and cmi5 vocabulary). */
export const ACTIVITY_TYPES = {
  lesson: "http://adlnet.gov/expapi/activities/lesson",
  assessment: "http://adlnet.gov/expapi/activities/assessment",
  simulation: "http://adlnet.gov/expapi/activities/simulation",
  interaction: "http://adlnet.gov/expapi/activities/cmi.interaction",
  observation: "http://adlnet.gov/expapi/activities/performance",
  meeting: "http://adlnet.gov/expapi/activities/meeting",
  performance: "http://adlnet.gov/expapi/activities/objective",
  /** Activity Streams' badge, as the xAPI registry lists it. */
  certificate: "http://activitystrea.ms/schema/1.0/badge",
} as const;

/** What a statement says, in domain terms. */
export interface StatementInput {
  learnerId: string;
  verb: VerbName;
  activity: { kind: keyof typeof ACTIVITY_TYPES; path: string; name: string };
  courseId: string;
  moduleId?: string;
  contentVersion: number;
  cohortId?: string;
  score?: { raw: number; max: number };
  success?: boolean;
  completion?: boolean;
  durationMs?: number;
  extensions?: Record<string, unknown>;
  at: Date;
  id?: string;
}

/** Builds a valid statement; `id` defaults to a random UUID. */
export function buildStatement(input: StatementInput): Statement {
  const course = `${ACTIVITY_ROOT}/courses/${input.courseId}`;
  return StatementSchema.parse({
    id: input.id ?? crypto.randomUUID(),
    actor: {
      objectType: "Agent",
      account: { homePage: ACTIVITY_ROOT, name: input.learnerId },
    },
    verb: { id: VERBS[input.verb], display: { "en-US": input.verb } },
    object: {
      objectType: "Activity",
      id: `${course}/${input.activity.path}`,
      definition: {
        name: { "zh-CN": input.activity.name },
        type: ACTIVITY_TYPES[input.activity.kind],
      },
    },
    result: {
      ...(input.score
        ? {
          score: {
            raw: input.score.raw,
            min: 0,
            max: input.score.max,
            scaled: input.score.max > 0
              ? Math.round((input.score.raw / input.score.max) * 1000) / 1000
              : 0,
          },
        }
        : {}),
      ...(input.success !== undefined ? { success: input.success } : {}),
      ...(input.completion !== undefined
        ? { completion: input.completion }
        : {}),
      ...(input.durationMs !== undefined
        ? { duration: isoDuration(input.durationMs) }
        : {}),
      ...(input.extensions ? { extensions: input.extensions } : {}),
    },
    context: {
      contextActivities: { parent: [{ objectType: "Activity", id: course }] },
      extensions: {
        [EXTENSIONS.contentVersion]: input.contentVersion,
        ...(input.moduleId ? { [EXTENSIONS.module]: input.moduleId } : {}),
        ...(input.cohortId ? { [EXTENSIONS.cohort]: input.cohortId } : {}),
      },
    },
    timestamp: input.at.toISOString(),
  });
}

/** Milliseconds as an ISO 8601 duration with seconds to 0.01 s, as xAPI asks. */
export function isoDuration(ms: number): string {
  const total = Math.max(0, ms) / 1000;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = Math.round((total % 60) * 100) / 100;
  return `PT${h ? `${h}H` : ""}${m ? `${m}M` : ""}${s}S`;
}

/**
 * A name-based UUID (RFC 4122 version 5, SHA-1) of `name`: the same input
 * always gives the same id, so an event recorded twice (a retry, two
 * instances sweeping expiries) is one statement and the second write fails
 * `addStatement`'s "written once" check, and exports are repeatable.
 */
export async function nameUuid(name: string): Promise<string> {
  const bytes = new Uint8Array(
    await crypto.subtle.digest(
      "SHA-1",
      new TextEncoder().encode(`${ACTIVITY_ROOT}\0${name}`),
    ),
  ).slice(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = toHex(bytes);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${
    hex.slice(16, 20)
  }-${hex.slice(20)}`;
}
