import { Head } from "$fresh/runtime.ts";
import { isSecureOrigin } from "@/lib/http/public_origin.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { CsrfField } from "@/components/CsrfField.tsx";
import { FieldError } from "@/components/FieldError.tsx";
import { seeOther } from "@/lib/http/responses.ts";
import { sessionCookie } from "@/lib/http/session_cookie.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import type { MessageKey } from "@/lib/i18n/i18n.ts";
import { type FieldErrors, formValues, parseForm } from "@/lib/forms/form.ts";
import {
  changeOwnPassword,
  PasswordChangeForm,
} from "@/lib/identity/accounts/own_password.ts";

type Field = "current" | "next" | "repeat";
interface Data {
  errors: FieldErrors<Field>;
}

export const handler: Handlers<Data, SignedInState> = {
  GET(_req, ctx) {
    return ctx.render({ errors: {} });
  },
  async POST(req, ctx) {
    const input = parseForm(
      PasswordChangeForm,
      formValues(await req.formData(), ["current", "next", "repeat"]),
      // A non-string value (a file) has only zod's own wording.
      "password.too_long",
    );
    if (!input.ok) return ctx.render({ errors: input.errors }, { status: 422 });
    const result = await changeOwnPassword(
      ctx.state.kv,
      ctx.state.user.id,
      input.data,
      new Date(),
      "hostname" in ctx.remoteAddr
        ? String(ctx.remoteAddr.hostname)
        : "unknown",
    );
    if (!result.ok) {
      return ctx.render({ errors: { [result.field]: result.reason } }, {
        status: 422,
      });
    }
    const res = seeOther("/me?done=password");
    res.headers.set(
      "set-cookie",
      sessionCookie(result.sessionId, isSecureOrigin(ctx.url)),
    );
    return res;
  },
};

export default function PasswordPage(
  { data, state: { t, csrfToken } }: PageProps<Data, SignedInState>,
) {
  const field = (name: Field, label: MessageKey, autocomplete: string) => (
    <>
      <label for={name}>{t(label)}</label>
      <input
        id={name}
        name={name}
        type="password"
        autocomplete={autocomplete}
        maxLength={128}
        required
        aria-invalid={data.errors[name] ? "true" : undefined}
        aria-describedby={`${name}-error${name === "next" ? " next-hint" : ""}`}
      />
      {name === "next" && (
        <p id="next-hint" class="meta">{t("password.hint")}</p>
      )}
      <FieldError
        id={`${name}-error`}
        message={data.errors[name] && t(data.errors[name]!)}
      />
    </>
  );
  return (
    <section class="narrow">
      <Head>
        <title>{`${t("password.title")} · ${t("app.name")}`}</title>
      </Head>
      <h1>{t("password.title")}</h1>
      <p class="lead">{t("password.lead")}</p>
      <form method="post" class="stack" novalidate>
        <CsrfField token={csrfToken} />
        {field("current", "password.current", "current-password")}
        {field("next", "password.next", "new-password")}
        {field("repeat", "password.repeat", "new-password")}
        <button type="submit">{t("password.submit")}</button>
      </form>
    </section>
  );
}
