import type { Translate } from "@/lib/i18n/i18n.ts";

const LINKS = [
  { href: "/admin/users", label: "admin_nav.users" },
  { href: "/admin/teams", label: "admin_nav.teams" },
  { href: "/admin/certificates", label: "onboarding.admin_nav.certificates" },
  { href: "/admin/audit", label: "admin_nav.audit" },
] as const;

/** The admin area's own navigation, on every admin page. */
export function AdminNav({ t, current }: { t: Translate; current: string }) {
  return (
    <nav class="admin-nav" aria-label={t("nav.admin")}>
      {LINKS.map((l) => (
        <a
          key={l.href}
          href={l.href}
          aria-current={current.startsWith(l.href) ? "page" : undefined}
        >
          {t(l.label)}
        </a>
      ))}
    </nav>
  );
}
