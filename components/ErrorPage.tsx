import { Head } from "$fresh/runtime.ts";
import type { Translate } from "@/lib/i18n/i18n.ts";

/** Status-specific error page; never shows internal error text. */
export function ErrorPage({ t, status }: { t: Translate; status: number }) {
  const key = status === 403 || status === 404 || status === 405 ||
      status === 413
    ? String(status) as "403" | "404" | "405" | "413"
    : status >= 500
    ? "500"
    : "400";
  return (
    <section class="error-page">
      <Head>
        <title>{`${t(`error.${key}.title`)} · ${t("app.name")}`}</title>
      </Head>
      <p class="error-code">{status}</p>
      <h1>{t(`error.${key}.title`)}</h1>
      <p>{t(`error.${key}.body`)}</p>
      <p>
        <a class="button" href="/">{t("error.back")}</a>
      </p>
    </section>
  );
}
