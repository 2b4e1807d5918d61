import type { Language, Translate } from "@/lib/i18n/i18n.ts";
import { LANGUAGES } from "@/lib/i18n/i18n.ts";

export interface SiteHeaderProps {
  t: Translate;
  lang: Language;
  /** The current path, so the language switch returns here. */
  path: string;
}

/** The site banner: name, main navigation and the language switch (plain links, no JS). */
export function SiteHeader({ t, lang, path }: SiteHeaderProps) {
  return (
    <header class="site-header">
      <div class="wrap header-row">
        <a class="brand" href="/">
          <span class="brand-mark" aria-hidden="true">客</span>
          <span class="brand-name">{t("app.name")}</span>
        </a>
        <nav aria-label={t("nav.main")} class="main-nav">
          <a href="/" aria-current={path === "/" ? "page" : undefined}>
            {t("nav.home")}
          </a>
        </nav>
        <nav aria-label={t("lang.label")} class="lang-switch">
          {LANGUAGES.map((l) => (
            <a
              href={`/lang?to=${encodeURIComponent(l)}&next=${
                encodeURIComponent(path)
              }`}
              lang={l}
              hreflang={l}
              aria-current={l === lang ? "true" : undefined}
            >
              {t(`lang.${l}`)}
            </a>
          ))}
        </nav>
      </div>
    </header>
  );
}
