import { Head } from "$fresh/runtime.ts";
import type { ComponentChildren } from "preact";
import { isSecureOrigin } from "@/lib/http/public_origin.ts";
import type { FreshContext, Handlers, PageProps } from "$fresh/server.ts";
import { CsrfField } from "@/components/CsrfField.tsx";
import { TextField } from "@/components/TextField.tsx";
import { sessionCookie } from "@/lib/http/session_cookie.ts";
import type { AppState } from "@/lib/http/state.ts";
import { formatDate, formatDateTime } from "@/lib/i18n/i18n.ts";
import { type FieldErrors, formValues, keptValues } from "@/lib/forms/form.ts";
import {
  type AcceptField,
  PASSWORD_LIMITS,
} from "@/lib/identity/invitations/invitation_form.ts";
import {
  ACCEPT_FORM_FIELDS,
  LINK_STATUS,
  submitAcceptance,
} from "@/lib/identity/invitations/accept_submit.ts";
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
    errors: FieldErrors<AcceptField | "form">;
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
      LINK_STATUS[invite],
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
    const values = formValues(await req.formData(), ACCEPT_FORM_FIELDS);
    const outcome = await submitAcceptance(kv, ctx.params.token, values, now);
    if (outcome.kind === "unavailable") {
      return await render(ctx, outcome, LINK_STATUS[outcome.reason]);
    }
    if (outcome.kind === "invalid") {
      const name = keptValues(values, ["name"], 100).name ?? invite.name;
      return await render(
        ctx,
        { kind: "form", invite, name, errors: outcome.errors },
        outcome.status,
      );
    }
    const session = await createSession(kv, outcome.user.id, now);
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
      <AcceptFrame t={t} lang={lang} invite={data.invite}>
        <p class="feedback wrong" role="alert">
          {t("invitations.accept.signed_in", { user: data.userName })}
        </p>
        <form method="post" action="/logout">
          <CsrfField token={csrfToken} />
          <button type="submit" class="secondary">
            {t("invitations.accept.sign_out")}
          </button>
        </form>
      </AcceptFrame>
    );
  }
  const error = (f: AcceptField | "form") =>
    data.errors[f] ? t(data.errors[f]!) : undefined;
  return (
    <AcceptFrame t={t} lang={lang} invite={data.invite}>
      {error("form") && (
        <p class="feedback wrong" role="alert">{error("form")}</p>
      )}
      <form method="post" class="stack" novalidate>
        <CsrfField token={csrfToken} />
        <TextField
          id="accept-name"
          name="name"
          type="text"
          autocomplete="name"
          maxLength={50}
          label={t("invitations.accept.name")}
          hint={t("invitations.accept.name_hint")}
          value={data.name}
          error={error("name")}
        />
        <TextField
          id="accept-password"
          name="password"
          type="password"
          autocomplete="new-password"
          minLength={PASSWORD_LIMITS.min}
          maxLength={PASSWORD_LIMITS.max}
          required
          label={t("invitations.accept.password")}
          hint={t("invitations.accept.password_hint", PASSWORD_LIMITS)}
          error={error("password")}
        />
        <TextField
          id="accept-repeat"
          name="repeat"
          type="password"
          autocomplete="new-password"
          maxLength={PASSWORD_LIMITS.max}
          required
          label={t("invitations.accept.repeat")}
          error={error("repeat")}
        />
        <button type="submit">{t("invitations.accept.submit")}</button>
        <p class="meta">
          {t("invitations.accept.expires", {
            date: formatDateTime(lang, data.invite.expiresAt),
          })}
        </p>
      </form>
    </AcceptFrame>
  );
}

/** The accept page around its body: title, heading and what the link is for. */
function AcceptFrame(
  { t, lang, invite, children }: {
    t: AppState["t"];
    lang: AppState["lang"];
    invite: LinkInvitation;
    children: ComponentChildren;
  },
) {
  return (
    <section class="narrow">
      <Head>
        <title>{`${t("invitations.accept.title")} · ${t("app.name")}`}</title>
      </Head>
      <h1>{t("invitations.accept.title")}</h1>
      <InviteSummary invite={invite} t={t} lang={lang} />
      {children}
    </section>
  );
}
