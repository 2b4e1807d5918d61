import { Head } from "$fresh/runtime.ts";
import { isSecureOrigin } from "@/lib/http/public_origin.ts";
import type { FreshContext, Handlers, PageProps } from "$fresh/server.ts";
import { CsrfField } from "@/components/CsrfField.tsx";
import { FieldError } from "@/components/FieldError.tsx";
import { sessionCookie } from "@/lib/http/session_cookie.ts";
import type { AppState } from "@/lib/http/state.ts";
import {
  formatDate,
  formatDateTime,
  type MessageKey,
} from "@/lib/i18n/i18n.ts";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors.ts";
import { formValues } from "@/lib/forms/form.ts";
import {
  type AcceptField,
  parseAcceptForm,
  PASSWORD_LIMITS,
} from "@/lib/identity/invitations/invitation_form.ts";
import { acceptInvitation } from "@/lib/identity/invitations/invitation_store.ts";
import {
  type LinkInvitation,
  openInvitation,
  type UnusableLink,
} from "@/lib/identity/invitations/invitation_view.ts";
import { createSession } from "@/lib/identity/sessions/session_store.ts";
import { TOKEN_PATTERN } from "@/lib/identity/token.ts";

type Data =
  | { kind: "unavailable"; reason: UnusableLink }
  | { kind: "signed-in"; userName: string; invite: LinkInvitation }
  | {
    kind: "form";
    invite: LinkInvitation;
    name: string;
    errors: Partial<Record<AcceptField | "form", MessageKey>>;
  };

/** A gone link says so (410); one never issued or revoked is unknown (404). */
const STATUS: Record<UnusableLink, number> = {
  unknown: 404,
  used: 410,
  expired: 410,
};

/**
 * The invitation behind the link, or the page that answers instead: not
 * found, used or expired, or "you are signed in" (with `signedInStatus`).
 */
async function open(
  ctx: FreshContext<AppState, Data>,
  now: Date,
  signedInStatus: number,
): Promise<LinkInvitation | Response> {
  const token = ctx.params.token;
  if (!TOKEN_PATTERN.test(token)) return await ctx.renderNotFound();
  const invite = await openInvitation(ctx.state.kv, token, now);
  if (typeof invite === "string") {
    return await render(
      ctx,
      { kind: "unavailable", reason: invite },
      STATUS[invite],
    );
  }
  if (ctx.state.user) {
    return await render(ctx, {
      kind: "signed-in",
      userName: ctx.state.user.name,
      invite,
    }, signedInStatus);
  }
  return invite;
}

/** Renders without caching: the page answers a secret link. */
async function render(
  ctx: FreshContext<AppState, Data>,
  data: Data,
  status: number,
): Promise<Response> {
  const res = await ctx.render(data, { status });
  res.headers.set("cache-control", "no-store");
  return res;
}

export const handler: Handlers<Data, AppState> = {
  async GET(_req, ctx) {
    const opened = await open(ctx, new Date(), 200);
    if (opened instanceof Response) return opened;
    return await render(ctx, {
      kind: "form",
      invite: opened,
      name: opened.name,
      errors: {},
    }, 200);
  },
  async POST(req, ctx) {
    const { kv } = ctx.state;
    const now = new Date();
    // Accepting while signed in would sign this browser into a second account.
    const invite = await open(ctx, now, 409);
    if (invite instanceof Response) return invite;
    const values = formValues(await req.formData(), [
      "name",
      "password",
      "repeat",
    ]);
    const name = typeof values.name === "string"
      ? values.name.slice(0, 100)
      : invite.name;
    const fail = (
      errors: Partial<Record<AcceptField | "form", MessageKey>>,
      status: number,
    ) => render(ctx, { kind: "form", invite, name, errors }, status);
    const input = parseAcceptForm(values);
    if (!input.ok) return await fail(input.errors, 422);

    let user;
    try {
      user = await acceptInvitation(kv, ctx.params.token, input.data, now);
    } catch (error) {
      if (error instanceof NotFoundError) {
        return await render(
          ctx,
          { kind: "unavailable", reason: "unknown" },
          404,
        );
      }
      if (error instanceof ConflictError) {
        if (
          error.code === "invitation-used" ||
          error.code === "invitation-expired"
        ) {
          const reason = error.code === "invitation-used" ? "used" : "expired";
          return await render(ctx, { kind: "unavailable", reason }, 410);
        }
        return await fail({
          form: error.code === "login-taken"
            ? "invitations.accept.login_taken"
            : "invitations.accept.retry",
        }, 409);
      }
      if (error instanceof ValidationError) {
        return await fail(
          error.field === "name"
            ? { name: "invitations.name_invalid" }
            : { password: "invitations.accept.password_invalid" },
          422,
        );
      }
      throw error;
    }
    const session = await createSession(kv, user.id, now);
    return new Response(null, {
      status: 303,
      headers: {
        location: "/",
        "set-cookie": sessionCookie(session.id, isSecureOrigin(ctx.url)),
        "cache-control": "no-store",
      },
    });
  },
};

function InviteSummary(
  { invite, t, lang }: {
    invite: LinkInvitation;
    t: AppState["t"];
    lang: AppState["lang"];
  },
) {
  const cohort = invite.cohort;
  if (!cohort) {
    // A staff invitation: the account and its role, no cohort.
    return (
      <p class="lead">
        {t("staff.invite.accept_lead", {
          name: invite.name,
          role: t(`role.${invite.role}`),
        })}
      </p>
    );
  }
  return (
    <p class="lead">
      {t("invitations.accept.lead", {
        name: invite.name,
        cohort: cohort.name,
        team: cohort.teamName,
        date: formatDate(lang, new Date(`${cohort.startDate}T00:00:00+08:00`)),
      })}
    </p>
  );
}

export default function InvitePage(
  { data, state: { t, lang, csrfToken, user } }: PageProps<Data, AppState>,
) {
  if (data.kind === "unavailable") {
    // Someone whose link was used is sent to sign in, unless already in.
    const toLogin = data.reason === "used" && !user;
    return (
      <section class="narrow">
        <Head>
          <title>
            {`${t(`invitations.accept.${data.reason}.title`)} · ${
              t("app.name")
            }`}
          </title>
        </Head>
        <h1>{t(`invitations.accept.${data.reason}.title`)}</h1>
        <p class="lead">{t(`invitations.accept.${data.reason}.body`)}</p>
        <p>
          <a class="button" href={toLogin ? "/login" : "/"}>
            {t(toLogin ? "nav.login" : "error.back")}
          </a>
        </p>
      </section>
    );
  }
  if (data.kind === "signed-in") {
    return (
      <section class="narrow">
        <Head>
          <title>{`${t("invitations.accept.title")} · ${t("app.name")}`}</title>
        </Head>
        <h1>{t("invitations.accept.title")}</h1>
        <InviteSummary invite={data.invite} t={t} lang={lang} />
        <p class="feedback wrong" role="alert">
          {t("invitations.accept.signed_in", { user: data.userName })}
        </p>
        <form method="post" action="/logout">
          <CsrfField token={csrfToken} />
          <button type="submit" class="secondary">
            {t("invitations.accept.sign_out")}
          </button>
        </form>
      </section>
    );
  }
  const error = (f: AcceptField | "form") =>
    data.errors[f] ? t(data.errors[f]!) : undefined;
  return (
    <section class="narrow">
      <Head>
        <title>{`${t("invitations.accept.title")} · ${t("app.name")}`}</title>
      </Head>
      <h1>{t("invitations.accept.title")}</h1>
      <InviteSummary invite={data.invite} t={t} lang={lang} />
      {error("form") && (
        <p class="feedback wrong" role="alert">{error("form")}</p>
      )}
      <form method="post" class="stack" novalidate>
        <CsrfField token={csrfToken} />
        <label for="accept-name">{t("invitations.accept.name")}</label>
        <input
          id="accept-name"
          name="name"
          type="text"
          autocomplete="name"
          maxLength={50}
          value={data.name}
          aria-invalid={error("name") ? "true" : undefined}
          aria-describedby="accept-name-error accept-name-hint"
        />
        <FieldError id="accept-name-error" message={error("name")} />
        <p id="accept-name-hint" class="meta">
          {t("invitations.accept.name_hint")}
        </p>
        <label for="accept-password">{t("invitations.accept.password")}</label>
        <input
          id="accept-password"
          name="password"
          type="password"
          autocomplete="new-password"
          minLength={PASSWORD_LIMITS.min}
          maxLength={PASSWORD_LIMITS.max}
          required
          aria-invalid={error("password") ? "true" : undefined}
          aria-describedby="accept-password-error accept-password-hint"
        />
        <FieldError id="accept-password-error" message={error("password")} />
        <p id="accept-password-hint" class="meta">
          {t("invitations.accept.password_hint", PASSWORD_LIMITS)}
        </p>
        <label for="accept-repeat">{t("invitations.accept.repeat")}</label>
        <input
          id="accept-repeat"
          name="repeat"
          type="password"
          autocomplete="new-password"
          maxLength={PASSWORD_LIMITS.max}
          required
          aria-invalid={error("repeat") ? "true" : undefined}
          aria-describedby="accept-repeat-error"
        />
        <FieldError id="accept-repeat-error" message={error("repeat")} />
        <button type="submit">{t("invitations.accept.submit")}</button>
        <p class="meta">
          {t("invitations.accept.expires", {
            date: formatDateTime(lang, data.invite.expiresAt),
          })}
        </p>
      </form>
    </section>
  );
}
