import { EmptyState } from "@/components/EmptyState.tsx";
import type { Translate } from "@/lib/i18n/i18n.ts";
import type { Role } from "@/lib/identity/roles.ts";

/** No cohort to invite into: where to make one (admin) or whom to ask (manager). */
export function NoCohorts({ t, role }: { t: Translate; role: Role }) {
  return (
    <EmptyState title={t("invitations.no_cohorts.title")}>
      {t(
        role === "admin"
          ? "invitations.no_cohorts.admin"
          : "invitations.no_cohorts.manager",
      )}
    </EmptyState>
  );
}
