/**
 * An audit entry in words, for the log page and its CSV export alike: the
 * actor and subject by name, the action by its label, and the detail with
 * roles translated and user ids named. Words come from the catalogs through
 * the `t` the caller passes; this module only arranges them.
 */
import type { MessageKey, Translate } from "@/lib/i18n/i18n.ts";
import { isRole } from "@/lib/identity/roles.ts";
import { type AuditNames, nameKey, USER_DETAIL_KEYS } from "./audit_names.ts";
import {
  type AuditEntry,
  SYSTEM_ACTOR,
} from "@/lib/identity/audit/audit_store.ts";

const DETAIL_LABELS: Record<string, MessageKey> = {
  reason: "admin.audit.detail.reason",
  role: "admin.audit.detail.role",
  userId: "audit.detail.user",
  learnerId: "audit.detail.user",
  cohortId: "audit.detail.cohort",
  count: "audit.detail.count",
  version: "audit.detail.version",
  ended: "audit.detail.ended",
  failures: "audit.detail.failures",
  level: "audit.detail.level",
  decision: "audit.detail.decision",
  heldBack: "audit.detail.held_back",
  problems: "audit.detail.problems",
  managers: "audit.detail.managers",
  teamId: "audit.detail.team",
  startDate: "audit.detail.start_date",
  invitationId: "audit.detail.invitation",
  by: "audit.detail.by",
  // Course publishing (lib/authoring/workspace.ts, course_import.ts).
  note: "authoring.audit.note",
  origin: "authoring.audit.origin",
  restores: "authoring.audit.restores",
  conflict: "authoring.audit.conflict",
  browserVersion: "authoring.audit.browser_version",
  fileVersion: "authoring.audit.file_version",
};

/** The actor's name ("the system" for the platform itself), or null if unknown. */
export function actorName(
  t: Translate,
  entry: AuditEntry,
  names: AuditNames,
): string | null {
  if (entry.actorId === SYSTEM_ACTOR) return t("audit.system");
  return names[nameKey("user", entry.actorId)] ?? null;
}

/** The subject's name, or null when it has none (or it was deleted). */
export function targetName(
  entry: AuditEntry,
  names: AuditNames,
): string | null {
  return names[nameKey(entry.targetType, entry.targetId)] ?? null;
}

/** The action's label. */
export function actionLabel(t: Translate, entry: AuditEntry): string {
  return t(`admin.audit.action.${entry.action}`);
}

/** One entry's detail in words: a role change as "from → to", the rest as "label: value". */
export function detailText(
  t: Translate,
  entry: AuditEntry,
  names: AuditNames,
): string {
  const parts: string[] = [];
  const { from, to } = entry.detail;
  const roleChange = isRole(from) && isRole(to);
  if (roleChange) {
    parts.push(t("admin.audit.detail.role_change", {
      from: t(`role.${from}`),
      to: t(`role.${to}`),
    }));
  }
  for (const [key, value] of Object.entries(entry.detail)) {
    if (roleChange && (key === "from" || key === "to")) continue;
    if (value === "" || value === null) continue;
    const label = key in DETAIL_LABELS ? t(DETAIL_LABELS[key]) : key;
    let shown = String(value);
    if (key === "role" && isRole(value)) shown = t(`role.${value}`);
    else if ((USER_DETAIL_KEYS as readonly string[]).includes(key)) {
      shown = names[nameKey("user", shown)] ?? shown;
    } else if (key === "cohortId") {
      shown = names[nameKey("cohort", shown)] ?? shown;
    } else if (key === "teamId") {
      shown = names[nameKey("team", shown)] ?? shown;
    } else if (key === "reason" && value === "role_changed") {
      shown = t("audit.reason.role_changed");
    } else if (key === "by" && (value === "login" || value === "address")) {
      shown = t(`audit.by.${value}`);
    } else if (typeof value === "boolean") {
      shown = t(value ? "audit.yes" : "audit.no");
    }
    parts.push(t("admin.audit.detail.pair", { label, value: shown }));
  }
  return parts.join(t("admin.audit.detail.separator"));
}
