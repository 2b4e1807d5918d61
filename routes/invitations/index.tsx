import { Head } from "$fresh/runtime.ts";
import { publicOrigin } from "@/lib/http/public_origin.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { CsrfField } from "@/components/CsrfField.tsx";
import { EmptyState } from "@/components/EmptyState.tsx";
import { FieldError } from "@/components/FieldError.tsx";
import { seeOther } from "@/lib/http/responses.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import { formatDateTime, type MessageKey } from "@/lib/i18n/i18n.ts";
import {
  ConflictError,
  NotFoundError,
  ValidationError,
} from "@/lib/identity/errors.ts";
import {
  type CohortOption,
  formValues,
  invitableCohorts,
  type InviteField,
  parseInviteForm,
  parseRevokeForm,
} from "@/lib/identity/invitation_form.ts";
import {
  createInvitation,
  revokeInvitation,
} from "@/lib/identity/invitation_store.ts";
import {
  cohortLabel,
  inviteeContact,
  pendingInvitations,
  type PendingRow,
} from "@/lib/identity/invitation_view.ts";

/** The one invitation just issued: its link is shown on this answer only. */
interface Issued {
  link: string;
  name: string;
  contact: string;
  cohortName: string;
  expiresAt: Date;
}

interface Data {
  cohorts: CohortOption[];
  pending: PendingRow[];
  /** The invite form's values and messages after a failed submit. */
  values: Record<string, string>;
  errors: Partial<Record<InviteField, MessageKey>>;
  /** A page-level message about a revoke (or an unknown action). */
  alert?: MessageKey;
  done?: "revoked";
  issued?: Issued;
}

const INVITE_FIELDS = ["cohortId", "name", "email", "phone", "role"] as const;

/** Submitted text to show again in the form (never a file, never huge). */
function keep(values: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) {
    if (typeof v === "string") out[k] = v.slice(0, 300);
  }
  return out;
}

/** A store's refusal as a field message, or null for errors that escape. */
function inviteError(
  error: unknown,
): { status: number; errors: Partial<Record<InviteField, MessageKey>> } | null {
  if (error instanceof NotFoundError) {
    return { status: 422, errors: { cohortId: "invitations.cohort_unknown" } };
  }
  if (error instanceof ConflictError) {
    return {
      status: 409,
      errors: {
        contact: error.code === "already-invited"
          ? "invitations.already_invited"
          : "invitations.login_taken",
      },
    };
  }
  if (error instanceof ValidationError) {
    const field = error.field === "name" || error.field === "email" ||
        error.field === "phone"
      ? error.field
      : "contact";
    return {
      status: 422,
      errors: {
        [field]: field === "name"
          ? "invitations.name_invalid"
          : field === "email"
          ? "invitations.email_invalid"
          : field === "phone"
          ? "invitations.phone_invalid"
          : "invitations.contact_required",
      },
    };
  }
  return null;
}

export const handler: Handlers<Data, SignedInState> = {
  async GET(_req, ctx) {
    const cohorts = await invitableCohorts(ctx.state.kv, ctx.state.user);
    return ctx.render({
      cohorts,
      pending: await pendingInvitations(ctx.state.kv, cohorts, new Date()),
      values: {},
      errors: {},
      done: ctx.url.searchParams.get("done") === "revoked"
        ? "revoked"
        : undefined,
    });
  },
  async POST(req, ctx) {
    const { kv, user } = ctx.state;
    const now = new Date();
    const form = await req.formData();
    const action = form.get("action");
    const cohorts = await invitableCohorts(kv, user);
    const page = async (
      status: number,
      more: Partial<Data>,
    ) =>
      ctx.render({
        cohorts,
        pending: await pendingInvitations(kv, cohorts, now),
        values: {},
        errors: {},
        ...more,
      }, { status });

    if (action === "revoke") {
      const input = parseRevokeForm(
        formValues(form, ["invitationId", "cohortId"]),
      );
      if (!input) {
        return await page(422, { alert: "invitations.revoke_invalid" });
      }
      try {
        await revokeInvitation(
          kv,
          user.id,
          input.cohortId,
          input.invitationId,
          new Date(),
        );
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
        return await page(404, { alert: "invitations.revoke_gone" });
      }
      return seeOther("/invitations?done=revoked");
    }
    if (action !== "invite") {
      return await page(422, { alert: "invitations.action_invalid" });
    }

    const values = formValues(form, INVITE_FIELDS);
    const input = parseInviteForm(values);
    if (!input.ok) {
      return await page(422, { values: keep(values), errors: input.errors });
    }
    const { cohortId, name, email, phone } = input.data;
    let issued;
    try {
      issued = await createInvitation(
        kv,
        user.id,
        cohortId,
        { name, email, phone },
        now,
      );
    } catch (error) {
      const refused = inviteError(error);
      if (!refused) throw error;
      return await page(refused.status, {
        values: keep(values),
        errors: refused.errors,
      });
    }
    const inv = issued.invitation;
    const cohort = cohorts.find((c) => c.id === inv.cohortId);
    const res = await ctx.render({
      cohorts,
      pending: [],
      values: {},
      errors: {},
      issued: {
        link: `${publicOrigin(ctx.url)}/invite/${issued.token}`,
        name: inv.name,
        contact: inviteeContact(inv),
        cohortName: cohort ? cohortLabel(cohort) : cohortId,
        expiresAt: inv.expiresAt,
      },
    }, { status: 201 });
    // The link is a password in all but name: keep it out of caches.
    res.headers.set("cache-control", "no-store");
    return res;
  },
};

/** The answer to a successful invite: the link, once. */
function IssuedView(
  { issued, t, lang }: {
    issued: Issued;
    t: SignedInState["t"];
    lang: SignedInState["lang"];
  },
) {
  return (
    <section class="narrow invitation-issued">
      <Head>
        <title>{`${t("invitations.issued.title")} · ${t("app.name")}`}</title>
      </Head>
      <h1>{t("invitations.issued.title")}</h1>
      <p class="lead">
        {t("invitations.issued.lead", {
          name: issued.name,
          cohort: issued.cohortName,
        })}
      </p>
      <p class="notice" role="status">{t("invitations.no_email")}</p>
      <label for="invite-link">{t("invitations.issued.link")}</label>
      <textarea
        id="invite-link"
        class="invite-link"
        rows={3}
        readOnly
        aria-describedby="invite-link-hint"
      >
        {issued.link}
      </textarea>
      <p id="invite-link-hint" class="meta">
        {t("invitations.issued.once", {
          date: formatDateTime(lang, issued.expiresAt),
          contact: issued.contact,
        })}
      </p>
      <p>
        <a class="button" href="/invitations">
          {t("invitations.issued.back")}
        </a>
      </p>
    </section>
  );
}

export default function InvitationsPage(
  { data, state: { t, lang, csrfToken, user } }: PageProps<
    Data,
    SignedInState
  >,
) {
  if (data.issued) return <IssuedView issued={data.issued} t={t} lang={lang} />;
  const error = (f: InviteField) =>
    data.errors[f] ? t(data.errors[f]!) : undefined;
  const input = (
    name: "name" | "email" | "phone",
    label: MessageKey,
    attrs: Record<string, unknown>,
    describedBy = `invite-${name}-error`,
  ) => (
    <>
      <label for={`invite-${name}`}>{t(label)}</label>
      <input
        id={`invite-${name}`}
        name={name}
        value={data.values[name] ?? ""}
        aria-invalid={error(name) ? "true" : undefined}
        aria-describedby={describedBy}
        {...attrs}
      />
      <FieldError id={`invite-${name}-error`} message={error(name)} />
    </>
  );
  return (
    <section>
      <Head>
        <title>{`${t("invitations.title")} · ${t("app.name")}`}</title>
      </Head>
      <h1>{t("invitations.title")}</h1>
      <p class="lead">{t("invitations.lead")}</p>
      {data.done && (
        <p class="notice" role="status">{t("invitations.revoked")}</p>
      )}
      {data.alert && <p class="feedback wrong" role="alert">{t(data.alert)}</p>}

      <h2>{t("invitations.pending.title")}</h2>
      {data.cohorts.length === 0
        ? (
          <EmptyState title={t("invitations.no_cohorts.title")}>
            {t(
              user.role === "admin"
                ? "invitations.no_cohorts.admin"
                : "invitations.no_cohorts.manager",
            )}
          </EmptyState>
        )
        : data.pending.length === 0
        ? (
          <EmptyState title={t("invitations.pending.empty.title")}>
            {t("invitations.pending.empty.body")}
          </EmptyState>
        )
        : (
          <div class="table-wrap">
            <table class="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("invitations.col.name")}</th>
                  <th scope="col">{t("invitations.col.contact")}</th>
                  <th scope="col">{t("invitations.col.cohort")}</th>
                  <th scope="col">{t("invitations.col.expires")}</th>
                  <th scope="col">{t("invitations.col.action")}</th>
                </tr>
              </thead>
              <tbody>
                {data.pending.map((p) => (
                  <tr key={p.id} id={`invitation-${p.id}`}>
                    <th scope="row">{p.name}</th>
                    <td>{p.contact}</td>
                    <td>{p.cohortName}</td>
                    <td>{formatDateTime(lang, p.expiresAt)}</td>
                    <td>
                      <details class="confirm">
                        <summary>{t("invitations.revoke")}</summary>
                        <form method="post" class="stack">
                          <CsrfField token={csrfToken} />
                          <input type="hidden" name="action" value="revoke" />
                          <input
                            type="hidden"
                            name="invitationId"
                            value={p.id}
                          />
                          <input
                            type="hidden"
                            name="cohortId"
                            value={p.cohortId}
                          />
                          <p>
                            {t("invitations.revoke_confirm", { name: p.name })}
                          </p>
                          <button type="submit" class="danger">
                            {t("invitations.revoke_submit")}
                          </button>
                        </form>
                      </details>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}

      {data.cohorts.length > 0 && (
        <div class="admin-forms invitation-forms">
          <form
            method="post"
            class="stack"
            novalidate
            aria-labelledby="invite-heading"
          >
            <h2 id="invite-heading">{t("invitations.invite.title")}</h2>
            <CsrfField token={csrfToken} />
            <input type="hidden" name="action" value="invite" />
            <label for="invite-cohortId">{t("invitations.cohort")}</label>
            <select
              id="invite-cohortId"
              name="cohortId"
              aria-invalid={error("cohortId") ? "true" : undefined}
              aria-describedby="invite-cohortId-error"
            >
              {data.cohorts.map((c) => (
                <option
                  key={c.id}
                  value={c.id}
                  selected={data.values.cohortId === c.id}
                >
                  {t("invitations.cohort_option", {
                    cohort: c.name,
                    team: c.teamName,
                    date: c.startDate,
                  })}
                </option>
              ))}
            </select>
            <FieldError
              id="invite-cohortId-error"
              message={error("cohortId")}
            />
            {input("name", "invitations.name", {
              maxLength: 50,
              required: true,
              autocomplete: "off",
            })}
            <p class="meta">{t("invitations.name_hint")}</p>
            {input("email", "invitations.email", {
              type: "email",
              maxLength: 254,
              autocomplete: "off",
            }, "invite-email-error invite-contact-error")}
            {input("phone", "invitations.phone", {
              type: "tel",
              maxLength: 20,
              autocomplete: "off",
            }, "invite-phone-error invite-contact-error")}
            <FieldError id="invite-contact-error" message={error("contact")} />
            <p class="meta">{t("invitations.contact_hint")}</p>
            <label for="invite-role">{t("invitations.role")}</label>
            <select
              id="invite-role"
              name="role"
              aria-invalid={error("role") ? "true" : undefined}
              aria-describedby="invite-role-error invite-role-hint"
            >
              <option value="learner">{t("role.learner")}</option>
            </select>
            <FieldError id="invite-role-error" message={error("role")} />
            <p id="invite-role-hint" class="meta">
              {t("invitations.role_hint")}
            </p>
            <button type="submit">{t("invitations.invite.submit")}</button>
          </form>
          <aside class="notice">
            <h2>{t("invitations.import.cta_title")}</h2>
            <p>{t("invitations.import.cta_body")}</p>
            <p>
              <a class="button secondary" href="/invitations/import">
                {t("invitations.import.cta")}
              </a>
            </p>
            <p class="meta">{t("invitations.no_email")}</p>
          </aside>
        </div>
      )}
    </section>
  );
}
