import { asset } from "$fresh/runtime.ts";
import { type PageProps, RenderCache } from "$fresh/server.ts";
import { SiteFooter } from "@/components/SiteFooter.tsx";
import { SiteHeader } from "@/components/SiteHeader.tsx";
import type { AppState } from "@/lib/http/state.ts";

export default function App(
  { Component, state, url }: PageProps<unknown, AppState>,
) {
  const { t, lang } = state;
  const Page = () => (
    <>
      <SiteHeader
        t={t}
        lang={lang}
        path={url.pathname}
        user={state.user ?? null}
      />
      <main id="main" class="wrap" tabindex={-1}>
        <Component />
      </main>
      <RenderCache id={`footer:${lang}`}>
        <SiteFooter t={t} />
      </RenderCache>
    </>
  );
  return (
    <html lang={lang}>
      <head>
        <RenderCache id={`app-head:${lang}`}>
          <meta charset="utf-8" />
          <meta
            name="viewport"
            content="width=device-width, initial-scale=1"
          />
          <meta name="description" content={t("app.tagline")} />
          <link rel="stylesheet" href={asset("/styles.css")} />
          <link rel="icon" href={asset("/favicon.svg")} type="image/svg+xml" />
        </RenderCache>
        {
          /* For islands that post JSON; only signed-in pages have them, and
             reading the token would otherwise issue one to every visitor. */
        }
        {state.user && <meta name="csrf-token" content={state.csrfToken} />}
      </head>
      <body>
        <a class="skip-link" href="#main">{t("nav.skip")}</a>
        {!state.user && state.visitorPageKey
          ? (
            <RenderCache
              id={`visitor:${lang}:${url.pathname}:${state.visitorPageKey}`}
            >
              <Page />
            </RenderCache>
          )
          : <Page />}
      </body>
    </html>
  );
}
