/**
 * The audit log as CSV, for auditors: one row per entry, ids and names side
 * by side (an id stays meaningful after a name is deleted), times in UTC and
 * in Beijing time. Built with papaparse, which quotes what needs quoting
 * (and so survives commas, quotes and line breaks in a reason).
 */
import Papa from "papaparse";
import type { Language, Translate } from "@/lib/i18n/i18n.ts";
import { formatDateTime } from "@/lib/i18n/i18n.ts";
import type { AuditNames } from "./audit_names.ts";
import type { AuditEntry } from "@/lib/identity/audit/audit_store.ts";
import {
  actionLabel,
  actorName,
  detailText,
  targetName,
} from "./audit_text.ts";

/** Column names: stable, English, so scripts can rely on them. */
export const AUDIT_CSV_COLUMNS = [
  "id",
  "at_utc",
  "at_beijing",
  "actor_id",
  "actor_name",
  "action",
  "action_label",
  "target_type",
  "target_id",
  "target_name",
  "detail",
  "detail_json",
] as const;

/**
 * Cells that a spreadsheet would run as a formula start with one of these;
 * they get a leading apostrophe (OWASP's advice for CSV injection).
 */
const FORMULA = /^[=+\-@\t\r]/;
const safe = (v: string) => FORMULA.test(v) ? `'${v}` : v;

/** The entries as a CSV document (with a BOM, so Excel reads UTF-8). */
export function auditCsv(
  entries: readonly AuditEntry[],
  names: AuditNames,
  t: Translate,
  lang: Language,
): string {
  const rows = entries.map((e) =>
    [
      e.id,
      e.at.toISOString(),
      formatDateTime(lang, e.at),
      e.actorId,
      actorName(t, e, names) ?? "",
      e.action,
      actionLabel(t, e),
      e.targetType,
      e.targetId,
      targetName(e, names) ?? "",
      detailText(t, e, names),
      JSON.stringify(e.detail),
    ].map(safe)
  );
  return "\uFEFF" + Papa.unparse({
    fields: [...AUDIT_CSV_COLUMNS],
    data: rows,
  }, { newline: "\r\n" });
}
