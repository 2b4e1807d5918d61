import { Head } from "$fresh/runtime.ts";
import { CsrfField } from "@/components/CsrfField.tsx";
import { type Refusal, signInLocation } from "@/lib/auth/refusal.ts";
import type { Language, Translate } from "@/lib/i18n/i18n.ts";

/** Everything an error page may say: the status, and why when it was a refusal. */
export interface ErrorPageProps {
  t: Translate;
  lang: Language;
  status: number;
  refusal?: Refusal;
  /** What went wrong, in the page's language (a domain error's code message). */
  detail?: string;
  /** The id an unexpected error was logged under. */
  requestId?: string;
  /** A fresh token, for showing a refused form again. */
  csrfToken?: () => string;
}

/** "trainers and admins" in the page's language. */
function whoMay(t: Translate, lang: Language, refusal: Refusal): string {
  if (refusal.reason !== "role") return "";
  const names = refusal.allowed.map((r) => t(`refusal.roles.${r}`));
  return new Intl.ListFormat(lang, { type: "conjunction" }).format(names);
}

/** Status-specific error page; never shows internal error text. */
export function ErrorPage(
  { t, lang, status, refusal, detail, requestId, csrfToken }: ErrorPageProps,
) {
  if (refusal) {
    return (
      <RefusalPage
        t={t}
        lang={lang}
        refusal={refusal}
        csrfToken={csrfToken}
      />
    );
  }
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
      <p>{detail ?? t(`error.${key}.body`)}</p>
      {requestId && (
        <p class="request-id">{t("error.request_id", { id: requestId })}</p>
      )}
      <p>
        <a class="button" href="/">{t("error.back")}</a>
      </p>
    </section>
  );
}

/** A 403 that says why, and what to do instead. */
function RefusalPage(
  { t, lang, refusal, csrfToken }: {
    t: Translate;
    lang: Language;
    refusal: Refusal;
    csrfToken?: () => string;
  },
) {
  const title = t(`refusal.${refusal.reason}.title`);
  return (
    <section class="error-page" data-refusal={refusal.reason}>
      <Head>
        <title>{`${title} · ${t("app.name")}`}</title>
      </Head>
      <p class="error-code">{refusal.reason === "sign-in" ? 401 : 403}</p>
      <h1>{title}</h1>
      {refusal.reason === "role"
        ? (
          <p>
            {refusal.allowed.length
              ? t("refusal.role.body", { roles: whoMay(t, lang, refusal) })
              : t("refusal.role.nobody")}
          </p>
        )
        : <p>{t(`refusal.${refusal.reason}.body`)}</p>}
      {refusal.reason === "expired" && csrfToken && (
        <KeptForm t={t} refusal={refusal} token={csrfToken()} />
      )}
      <p>
        {refusal.reason === "sign-in"
          ? (
            <a class="button" href={signInLocation(refusal.next)}>
              {t("nav.login")}
            </a>
          )
          : <a class="button secondary" href="/">{t("refusal.home")}</a>}
      </p>
    </section>
  );
}

/** The refused form again, with what was typed, under a fresh token. */
function KeptForm(
  { t, refusal, token }: {
    t: Translate;
    refusal: Extract<Refusal, { reason: "expired" }>;
    token: string;
  },
) {
  if (refusal.fields.length === 0) return null;
  return (
    <form
      method="post"
      action={refusal.action}
      class="stack kept-form"
      aria-labelledby="kept-heading"
    >
      <h2 id="kept-heading">{t("refusal.expired.kept")}</h2>
      <CsrfField token={token} />
      {refusal.fields.map((f, i) => {
        const id = `kept-${i}`;
        return (
          <div key={id} class="stack">
            <label for={id}>{f.name}</label>
            {f.secret
              ? (
                <input
                  id={id}
                  name={f.name}
                  type="password"
                  autocomplete="current-password"
                />
              )
              : f.value.includes("\n") || f.value.length > 120
              ? <textarea id={id} name={f.name} rows={4}>{f.value}</textarea>
              : <input id={id} name={f.name} value={f.value} />}
          </div>
        );
      })}
      <button type="submit">{t("refusal.expired.resend")}</button>
    </form>
  );
}
