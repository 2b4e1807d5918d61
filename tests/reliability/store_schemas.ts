/**
 * Checks a whole store against the schemas of its records: every entry under
 * a known key prefix must parse with that prefix's schema (the stores'
 * own schemas, imported from them). Used after the fuzz run and the backup
 * round trip. Prefixes without a schema here are counted, not judged.
 */
import { z } from "zod";
import { CertificateSchema } from "@/lib/certification/certificate_store.ts";
import { ContentStatusSchema } from "@/lib/content/content_status_store.ts";
import { CourseHeadSchema } from "@/lib/content/content_store.ts";
import {
  FileImportSchema,
  VersionNoteSchema,
} from "@/lib/authoring/version_note_store.ts";
import { DrillRunSchema } from "@/lib/drill/drill_run_store.ts";
import { ProgressSchema } from "@/lib/evidence/progress_store.ts";
import { StatementSchema } from "@/lib/evidence/statement.ts";
import { AuditEntrySchema } from "@/lib/identity/audit/audit_store.ts";
import {
  CohortSchema,
  MembershipSchema,
} from "@/lib/identity/teams/cohort_store.ts";
import { InvitationSchema } from "@/lib/identity/invitations/invitation_store.ts";
import { SessionSchema } from "@/lib/identity/sessions/session_store.ts";
import { TeamSchema } from "@/lib/identity/teams/team_store.ts";
import { FailuresSchema } from "@/lib/identity/sessions/throttle_store.ts";
import { UserSchema } from "@/lib/identity/accounts/user_store.ts";
import { PreviewSchema } from "@/lib/preview/preview_store.ts";
import { AttemptSchema } from "@/lib/quiz/attempt.ts";
import { RunSchema } from "@/lib/scenario/run_store.ts";
import { DriverEntrySchema } from "@/lib/evaluation/driver_store.ts";
import { KpiPeriodSchema } from "@/lib/evaluation/kpi_store.ts";
import { QaAssignmentSchema } from "@/lib/evaluation/qa_loop.ts";
import { ObservationRecordSchema } from "@/lib/onboarding/observation_store.ts";

const id = z.string().min(1);

/** First key part -> schema of the value. */
export const STORE_SCHEMAS: Record<string, z.ZodType> = {
  users: UserSchema,
  users_by_email: id,
  users_by_phone: id,
  sessions: SessionSchema,
  sessions_by_user: z.date(),
  user_changes: z.date(),
  user_change_log: id,
  quiz_attempts: AttemptSchema,
  quiz_attempts_by_learner: id,
  quiz_open_attempts: id,
  quiz_submissions: id,
  scenario_runs: RunSchema,
  scenario_runs_by_learner: id,
  scenario_turn_keys: z.number().int().min(0),
  drill_runs: DrillRunSchema,
  drill_runs_by_learner: id,
  drill_answer_keys: z.number().int().min(0),
  progress: ProgressSchema,
  statements: StatementSchema,
  statements_by_learner: id,
  cohorts: CohortSchema,
  cohorts_by_team: id,
  cohort_members: MembershipSchema,
  cohorts_by_member: MembershipSchema,
  teams: TeamSchema,
  teams_by_manager: id,
  invitations: InvitationSchema,
  invitations_by_login: id,
  audit: AuditEntrySchema,
  audit_by_target: AuditEntrySchema,
  login_failures_by_login: FailuresSchema,
  login_failures_by_address: FailuresSchema,
  content_status: ContentStatusSchema,
  course_heads: CourseHeadSchema,
  course_version_notes: VersionNoteSchema,
  course_file_imports: FileImportSchema,
  certificates: CertificateSchema,
  certificates_by_expiry: id,
  previews: PreviewSchema,
  // The evaluator: rollup counters, survey comments, its own records.
  ev: z.instanceof(Deno.KvU64),
  ev_text: z.string(),
  ev_meta: z.number().int(),
  observations: ObservationRecordSchema,
  kpi_periods: KpiPeriodSchema,
  drivers: DriverEntrySchema,
  qa_assignments: QaAssignmentSchema,
  qa_loop: z.number().int().min(1),
};

/** What a check found. */
export interface StoreCheck {
  checked: number;
  unchecked: number;
  schemas: number;
  invalid: string[];
}

/** Parses every entry of a known prefix with its schema. */
export async function validateStore(kv: Deno.Kv): Promise<StoreCheck> {
  const out: StoreCheck = {
    checked: 0,
    unchecked: 0,
    schemas: Object.keys(STORE_SCHEMAS).length,
    invalid: [],
  };
  for await (const e of kv.list({ prefix: [] })) {
    const schema = STORE_SCHEMAS[String(e.key[0])];
    if (!schema) {
      out.unchecked++;
      continue;
    }
    out.checked++;
    const parsed = schema.safeParse(e.value);
    if (!parsed.success) {
      out.invalid.push(
        `${JSON.stringify(e.key)}: ${parsed.error.issues[0]?.message}`,
      );
    }
  }
  return out;
}
