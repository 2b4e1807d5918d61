import { Head } from "$fresh/runtime.ts";
import { isSecureOrigin } from "@/lib/http/public_origin.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { CsrfField } from "@/components/CsrfField.tsx";
import { FieldError } from "@/components/FieldError.tsx";
import type { MessageKey } from "@/lib/i18n/i18n.ts";
import { LoginForm } from "@/lib/auth/login_form.ts";
import { signIn } from "@/lib/identity/accounts/sign_in.ts";
import {
  DEMO_PASSWORD,
  shouldSeedDemo,
} from "@/lib/identity/demo/demo_seed.ts";
import { sessionCookie } from "@/lib/http/session_cookie.ts";
import type { AppState } from "@/lib/http/state.ts";
import { type FieldErrors, formValues, parseForm } from "@/lib/forms/form.ts";

interface Data {
  login: string;
  next?: string;
  errors: FieldErrors<"login" | "password" | "form">;
  demo: boolean;
}

export const handler: Handlers<Data, AppState> = {
  GET(_req, ctx) {
    const next = ctx.url.searchParams.get("next") ?? undefined;
    return ctx.render({
      login: "",
      next: next && /^\/(?![\\/])/.test(next) ? next : undefined,
      errors: {},
      demo: shouldSeedDemo(),
    });
  },
  async POST(req, ctx) {
    const values = formValues(await req.formData(), [
      "login",
      "password",
      "next",
    ]);
    const input = parseForm(LoginForm, values, "login.login_invalid", {
      fallbacks: { password: "login.password_required" },
    });
    const login = typeof values.login === "string"
      ? values.login.slice(0, 100)
      : "";
    if (!input.ok) {
      return ctx.render(
        { login, errors: input.errors, demo: shouldSeedDemo() },
        { status: 422 },
      );
    }
    const address = "hostname" in ctx.remoteAddr
      ? String(ctx.remoteAddr.hostname)
      : "unknown";
    const result = await signIn(
      ctx.state.kv,
      { login: input.data.login, password: input.data.password, address },
      new Date(),
    );
    if (!result.ok) {
      const message = result.reason === "locked"
        ? "login.locked"
        : "login.invalid";
      return ctx.render({
        login,
        next: input.data.next,
        errors: { form: message },
        demo: shouldSeedDemo(),
      }, {
        status: result.reason === "locked" ? 429 : 401,
      });
    }
    return new Response(null, {
      status: 303,
      headers: {
        location: input.data.next ?? "/",
        "set-cookie": sessionCookie(
          result.sessionId,
          isSecureOrigin(ctx.url),
        ),
      },
    });
  },
};

export default function Login({ data, state }: PageProps<Data, AppState>) {
  const { t } = state;
  const msg = (key?: MessageKey) => key && t(key);
  return (
    <section class="narrow">
      <Head>
        <title>{`${t("login.title")} · ${t("app.name")}`}</title>
      </Head>
      <h1>{t("login.title")}</h1>
      <p class="lead">{t("login.lead")}</p>
      {data.errors.form && (
        <p class="feedback wrong" role="alert">{msg(data.errors.form)}</p>
      )}
      <form method="post" class="stack" novalidate>
        <CsrfField token={state.csrfToken} />
        {data.next && <input type="hidden" name="next" value={data.next} />}
        <label for="login">{t("login.login")}</label>
        <input
          id="login"
          name="login"
          type="text"
          autocomplete="username"
          value={data.login}
          aria-invalid={data.errors.login ? "true" : undefined}
          aria-describedby="login-error"
          required
        />
        <FieldError id="login-error" message={msg(data.errors.login)} />
        <label for="password">{t("login.password")}</label>
        <input
          id="password"
          name="password"
          type="password"
          autocomplete="current-password"
          aria-invalid={data.errors.password ? "true" : undefined}
          aria-describedby="password-error"
          required
        />
        <FieldError id="password-error" message={msg(data.errors.password)} />
        <button type="submit">{t("login.submit")}</button>
      </form>
      {data.demo && (
        <aside class="notice demo-logins">
          <p>{t("login.demo", { password: DEMO_PASSWORD })}</p>
          <ul>
            <li>learner@demo.academy</li>
            <li>manager@demo.academy</li>
            <li>trainer@demo.academy</li>
            <li>admin@demo.academy</li>
          </ul>
        </aside>
      )}
    </section>
  );
}
