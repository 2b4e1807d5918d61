import { RenderCache } from "$fresh/server.ts";
import { CsrfField } from "@/components/CsrfField.tsx";
import type { SessionUser } from "@/lib/http/state.ts";
import type { Language, Translate } from "@/lib/i18n/i18n.ts";
import { LANGUAGES } from "@/lib/i18n/i18n.ts";

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
  const section = path.split("/")[1] ?? "";
  return (
    <header class="site-header">
      <div class="wrap header-row">
        <RenderCache id={`header-nav:${lang}:${section}`}>
          <a class="brand" href="/">
            <span class="brand-mark" aria-hidden="true">客</span>
            <span class="brand-name">{t("app.name")}</span>
          </a>
          <nav aria-label={t("nav.main")} class="main-nav">
            <a href="/" aria-current={section === "" ? "page" : undefined}>
              {t("nav.home")}
            </a>
          </nav>
        </RenderCache>
        {user
          ? (
            <div class="user-menu">
              <span class="user-name">{user.name}</span>
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
