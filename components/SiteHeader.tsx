import { RenderCache } from "$fresh/server.ts";
import { CsrfField } from "@/components/CsrfField.tsx";
import type { SessionUser } from "@/lib/http/state.ts";
import type { Language, Translate } from "@/lib/i18n/i18n.ts";
import { LANGUAGES, type MessageKey } from "@/lib/i18n/i18n.ts";

/** Main navigation: which sections each role (or an anonymous visitor) is offered. */
const NAV: {
  href: string;
  section: string;
  label: MessageKey;
  roles: readonly string[];
}[] = [
  {
    href: "/",
    section: "",
    label: "nav.home",
    roles: ["anonymous", "learner", "mentor", "trainer", "manager", "admin"],
  },
  {
    href: "/replies",
    section: "replies",
    label: "nav.replies",
    roles: ["learner", "mentor", "trainer", "manager", "admin"],
  },
  {
    href: "/cases",
    section: "cases",
    label: "nav.cases",
    roles: ["trainer", "admin"],
  },
  {
    href: "/mentor",
    section: "mentor",
    label: "staff.nav.mentor",
    roles: ["mentor", "trainer"],
  },
  {
    href: "/author",
    section: "author",
    label: "authoring.nav",
    roles: ["trainer", "admin"],
  },
  {
    href: "/team",
    section: "team",
    label: "nav.team",
    roles: ["manager", "admin"],
  },
  {
    href: "/invitations",
    section: "invitations",
    label: "nav.invitations",
    roles: ["manager", "admin"],
  },
  {
    href: "/admin/users",
    section: "admin",
    label: "nav.admin",
    roles: ["admin"],
  },
];

const SECTIONS = new Set([...NAV.map((l) => l.section), "me"]);

export interface SiteHeaderProps {
  t: Translate;
  lang: Language;
  /** The current path: its first segment marks the active section. */
  path: string;
  user: SessionUser | null;
}

/**
 * The site banner: name, main navigation, the signed-in user's menu and the
 * language switch (plain links and a form, no JavaScript). The parts that
 * depend only on the language and section are rendered once and cached.
 */
export function SiteHeader({ t, lang, path, user }: SiteHeaderProps) {
  // Only sections the header marks matter; anything else is one key, so
  // made-up paths cannot fill the render cache.
  const first = path.split("/")[1] ?? "";
  const section = SECTIONS.has(first) ? first : "-";
  // A visitor's header has nothing personal: one cached fragment, whole.
  if (!user) {
    return (
      <RenderCache id={`header:${lang}:${section}:anonymous`}>
        <HeaderRow t={t} lang={lang} section={section} user={null} />
      </RenderCache>
    );
  }
  return <HeaderRow t={t} lang={lang} section={section} user={user} />;
}

function HeaderRow(
  { t, lang, section, user }: {
    t: Translate;
    lang: Language;
    section: string;
    user: SessionUser | null;
  },
) {
  const role = user?.role ?? "anonymous";
  const links = NAV.filter((l) => l.roles.includes(role));
  return (
    <header class="site-header">
      <div class="wrap header-row">
        <RenderCache id={`header-nav:${lang}:${section}:${role}`}>
          <a class="brand" href="/">
            <span class="brand-mark" aria-hidden="true">客</span>
            <span class="brand-name">{t("app.name")}</span>
          </a>
          <nav aria-label={t("nav.main")} class="main-nav">
            {links.map((l) => (
              <a
                key={l.href}
                href={l.href}
                aria-current={section === l.section ? "page" : undefined}
              >
                {t(l.label)}
              </a>
            ))}
          </nav>
        </RenderCache>
        {user
          ? (
            <div class="user-menu">
              <a
                class="user-name"
                href="/me"
                title={t("nav.me")}
                aria-current={section === "me" ? "page" : undefined}
              >
                {user.name}
              </a>
              <form method="post" action="/logout">
                <CsrfField token={user.csrfToken} />
                <button type="submit" class="link-button">
                  {t("nav.logout")}
                </button>
              </form>
            </div>
          )
          : <a class="button secondary small" href="/login">{t("nav.login")}
          </a>}
        <RenderCache id={`header-lang:${lang}`}>
          <nav aria-label={t("lang.label")} class="lang-switch">
            {LANGUAGES.map((l) => (
              <a
                key={l}
                href={`/lang?to=${encodeURIComponent(l)}`}
                lang={l}
                hreflang={l}
                aria-current={l === lang ? "true" : undefined}
              >
                {t(`lang.${l}`)}
              </a>
            ))}
          </nav>
        </RenderCache>
      </div>
    </header>
  );
}
