/**
 * POST /invitations/import: the form checked, the file imported, and what
 * the page shows: the new links once, or the form again with every
 * problem (a field's, or each bad line of the file). The store decides who
 * may import into which cohort: a manager importing into another team's
 * cohort gets a ForbiddenError, which escapes as the 403 page.
 */
import type { FieldErrors } from "@/lib/forms/form.ts";
import { NotFoundError } from "@/lib/errors.ts";
import { importNewHires, MAX_CSV_BYTES } from "./csv_import.ts";
import { type ImportField, parseImportForm } from "./invitation_form.ts";
import {
  cohortLabel,
  type CohortOption,
  type CsvErrorText,
  csvErrorText,
  inviteeContact,
} from "./invitation_view.ts";

/** Room for the other fields and the multipart framing around the file. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

/**
 * True when a body's declared length cannot hold an acceptable file, so it
 * is refused before it is read.
 */
export function importBodyTooLarge(contentLength: string | null): boolean {
  return Number(contentLength ?? 0) > MAX_CSV_BYTES + FORM_OVERHEAD_BYTES;
}

/** What a successful import shows, once: one link per new hire. */
export interface ImportedView {
  cohortName: string;
  expiresAt: Date;
  invitations: { line: number; name: string; contact: string; token: string }[];
}

/** The form again: the cohort chosen, and every problem found. */
export interface ImportRefused {
  ok: false;
  status: number;
  cohortId: string;
  errors: FieldErrors<ImportField>;
  /** Every problem of a refused file, by line. */
  csvErrors?: CsvErrorText[];
  fileName?: string;
}

/** Imports the submitted file into the submitted cohort, all or nothing. */
export async function submitImport(
  kv: Deno.Kv,
  actorId: string,
  cohorts: readonly CohortOption[],
  form: FormData,
  now: Date,
): Promise<{ ok: true; imported: ImportedView } | ImportRefused> {
  const cohortField = form.get("cohortId");
  const cohortId = typeof cohortField === "string"
    ? cohortField.slice(0, 40)
    : "";
  const input = parseImportForm(form);
  if (!input.ok) {
    const status = input.tooLarge ? 413 : 422;
    return { ok: false, status, cohortId, errors: input.errors };
  }
  const { file } = input.data;
  let result;
  try {
    result = await importNewHires(
      kv,
      actorId,
      input.data.cohortId,
      new Uint8Array(await file.arrayBuffer()),
      now,
    );
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    return {
      ok: false,
      status: 422,
      cohortId,
      errors: { cohortId: "invitations.cohort_unknown" },
    };
  }
  if (!result.ok) {
    return {
      ok: false,
      status: 422,
      cohortId,
      errors: {},
      fileName: file.name.slice(0, 100),
      csvErrors: result.errors.map(csvErrorText),
    };
  }
  const cohort = cohorts.find((c) => c.id === input.data.cohortId);
  return {
    ok: true,
    imported: {
      cohortName: cohort ? cohortLabel(cohort) : cohortId,
      expiresAt: result.invitations[0].invitation.expiresAt,
      invitations: result.invitations.map((i) => ({
        line: i.line,
        name: i.invitation.name,
        contact: inviteeContact(i.invitation),
        token: i.token,
      })),
    },
  };
}
