/**
 * The evidence statements of certificate events: "issued", "expired" and
 * "revoked" (verbs of this platform's own, see lib/evidence/statement.ts),
 * the learner as actor and the certification level as a badge activity.
 * Each statement's id is derived from the certificate and the event, so an
 * event can be recorded once only: a retried commit, a second sweep or a
 * second instance meets `addStatement`'s "written once" check and writes
 * nothing. certificate_store.ts adds them to the commits that change the
 * certificate record.
 *
 * @module
 */
import { findLevel } from "./levels.ts";
import { EVAL_EXT } from "@/lib/evidence/eval_extensions.ts";
import {
  ACTIVITY_ROOT,
  buildStatement,
  nameUuid,
  type Statement,
} from "@/lib/evidence/statement.ts";
import { listMembershipsOfUser } from "@/lib/identity/teams/cohort_store.ts";

/** A certificate event. */
export type CertificateEvent = "issued" | "expired" | "revoked";

/** The certificate an extension names (its record id). */
export const CERTIFICATE_EXT = `${ACTIVITY_ROOT}/extensions/certificate`;

/** Where a certificate's statements are filed: course, cohort, team. */
export interface EvidenceContext {
  courseId: string;
  cohortId?: string;
  teamId?: string;
}

/**
 * The course of the level (the published course that defines it) and the
 * learner's latest cohort and team, read once before the commit.
 */
export async function evidenceContext(
  kv: Deno.Kv,
  learnerId: string,
  levelId: string,
): Promise<EvidenceContext> {
  const [found, memberships] = await Promise.all([
    findLevel(kv, levelId),
    listMembershipsOfUser(kv, learnerId),
  ]);
  const latest =
    memberships.sort((a, b) => b.joinedAt.getTime() - a.joinedAt.getTime())[0];
  return {
    // A level no longer published still names its certificates' course.
    courseId: found?.courseId ?? "onboarding",
    ...(latest ? { cohortId: latest.cohortId, teamId: latest.teamId } : {}),
  };
}

/** The one statement of `event` for a certificate, dated `at`. */
export async function certificateStatement(
  cert: { id: string; learnerId: string; levelId: string },
  event: CertificateEvent,
  ctx: EvidenceContext,
  at: Date,
): Promise<Statement> {
  return buildStatement({
    id: await nameUuid(`certificates/${cert.id}/${event}`),
    learnerId: cert.learnerId,
    verb: event,
    activity: {
      kind: "certificate",
      path: `certifications/${cert.levelId}`,
      name: cert.levelId,
    },
    courseId: ctx.courseId,
    contentVersion: 1,
    cohortId: ctx.cohortId,
    extensions: {
      [CERTIFICATE_EXT]: cert.id,
      ...(ctx.teamId ? { [EVAL_EXT.team]: ctx.teamId } : {}),
    },
    at,
  });
}
