import { Head } from "$fresh/runtime.ts";
import { publicOrigin } from "@/lib/http/public_origin.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { CsrfField } from "@/components/CsrfField.tsx";
import { EmptyState } from "@/components/EmptyState.tsx";
import { FieldError } from "@/components/FieldError.tsx";
import { seeOther } from "@/lib/http/responses.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import { formatDateTime, type MessageKey } from "@/lib/i18n/i18n.ts";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors.ts";
import {
  type CohortOption,
  formValues,
  invitableCohorts,
  type InviteField,
  parseInviteForm,
  parseRevokeForm,
} from "@/lib/identity/invitations/invitation_form.ts";
import {
  createInvitation,
  createStaffInvitation,
  revokeInvitation,
  STAFF_INVITE_ROLES,
} from "@/lib/identity/invitations/invitation_store.ts";
import {
  parseStaffInviteForm,
  type StaffInviteField,
} from "@/lib/identity/invitations/staff_invite_form.ts";
import CopyLink from "@/islands/CopyLink.tsx";
import {
  cohortLabel,
  inviteeContact,
  pendingInvitations,
  type PendingRow,
} from "@/lib/identity/invitations/invitation_view.ts";

/** The one invitation just issued (its link stays on the list until used or revoked). */
interface Issued {
  link: string;
  name: string;
  contact: string;
  /** The cohort, or for a staff invitation the role it makes. */
  cohortName: string;
  expiresAt: Date;
}

interface Data {
  cohorts: CohortOption[];
  pending: PendingRow[];
  /** The invite form's values and messages after a failed submit. */
  values: Record<string, string>;
  errors: Partial<Record<InviteField, MessageKey>>;
  /** The same for the admin's staff form. */
  staffValues?: Record<string, string>;
  staffErrors?: Partial<Record<StaffInviteField, MessageKey>>;
  /** A page-level message about a revoke (or an unknown action). */
  alert?: MessageKey;
  done?: "revoked";
  issued?: Issued;
  /** Where links point (the public origin). */
  origin?: string;
}

/** What the issued page needs of an invitation. */
type PendingRowSource = {
  name: string;
  email?: string;
  phone?: string;
  expiresAt: Date;
};

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
    const res = await ctx.render({
      cohorts,
      origin: publicOrigin(ctx.url),
      pending: await pendingInvitations(ctx.state.kv, cohorts, new Date(), {
        staff: ctx.state.user.role === "admin",
      }),
      values: {},
      errors: {},
      done: ctx.url.searchParams.get("done") === "revoked"
        ? "revoked"
        : undefined,
    });
    // Pending links are passwords in all but name: keep them out of caches.
    res.headers.set("cache-control", "no-store");
    return res;
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
        origin: publicOrigin(ctx.url),
        pending: await pendingInvitations(kv, cohorts, now, {
          staff: user.role === "admin",
        }),
        values: {},
        errors: {},
        ...more,
      }, { status });

    const issuedPage = async (
      issued: { token: string; invitation: PendingRowSource },
      where: string,
    ) => {
      const inv = issued.invitation;
      const res = await ctx.render({
        cohorts,
        pending: [],
        values: {},
        errors: {},
        issued: {
          link: `${publicOrigin(ctx.url)}/invite/${issued.token}`,
          name: inv.name,
          contact: inviteeContact(inv),
          cohortName: where,
          expiresAt: inv.expiresAt,
        },
      }, { status: 201 });
      // The link is a password in all but name: keep it out of caches.
      res.headers.set("cache-control", "no-store");
      return res;
    };

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
          input.cohortId || null,
          input.invitationId,
          new Date(),
        );
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
        return await page(404, { alert: "invitations.revoke_gone" });
      }
      return seeOther("/invitations?done=revoked");
    }
    /**
     * Both invite forms: check the form, issue the invitation, and show the
     * link; or show the form again (in its own slot of the page) with why.
     */
    const invite = async <D,>(
      values: Record<string, unknown>,
      input: { ok: true; data: D } | {
        ok: false;
        errors: Partial<Record<string, MessageKey>>;
      },
      slot: "staff" | "cohort",
      issue: (data: D) => Promise<Awaited<ReturnType<typeof createInvitation>>>,
      where: (data: D) => string,
    ) => {
      const again = (errors: Partial<Record<string, MessageKey>>) =>
        slot === "staff"
          ? { staffValues: keep(values), staffErrors: errors }
          : { values: keep(values), errors };
      if (!input.ok) return await page(422, again(input.errors));
      let issued;
      try {
        issued = await issue(input.data);
      } catch (error) {
        const refused = inviteError(error);
        if (!refused) throw error;
        return await page(refused.status, again(refused.errors));
      }
      return issuedPage(issued, where(input.data));
    };

    if (action === "invite-staff") {
      const values = formValues(form, ["role", "name", "email", "phone"]);
      return await invite(
        values,
        parseStaffInviteForm(values),
        "staff",
        ({ role, name, email, phone }) =>
          createStaffInvitation(kv, user.id, role, { name, email, phone }, now),
        ({ role }) => ctx.state.t(`role.${role}`),
      );
    }
    if (action !== "invite") {
      return await page(422, { alert: "invitations.action_invalid" });
    }
    const values = formValues(form, INVITE_FIELDS);
    return await invite(
      values,
      parseInviteForm(values),
      "cohort",
      ({ cohortId, name, email, phone }) =>
        createInvitation(kv, user.id, cohortId, { name, email, phone }, now),
      ({ cohortId }) => {
        const cohort = cohorts.find((c) => c.id === cohortId);
        return cohort ? cohortLabel(cohort) : cohortId;
      },
    );
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
      <CopyLink
        text={issued.link}
        labels={{
          copy: t("staff.invite.copy"),
          copied: t("staff.invite.copied"),
          failed: t("staff.invite.copy_failed"),
        }}
      />
      <p id="invite-link-hint" class="meta">
        {t("staff.invite.issued_kept", {
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
  const origin = data.origin;
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
                  <th scope="col">{t("staff.invite.col.link")}</th>
                  <th scope="col">{t("invitations.col.action")}</th>
                </tr>
              </thead>
              <tbody>
                {data.pending.map((p) => (
                  <tr key={p.id} id={`invitation-${p.id}`}>
                    <th scope="row">{p.name}</th>
                    <td>{p.contact}</td>
                    <td>
                      {p.cohortId ? p.cohortName : t("staff.invite.staff_row", {
                        role: t(`role.${p.role}`),
                      })}
                    </td>
                    <td>{formatDateTime(lang, p.expiresAt)}</td>
                    <td>
                      {p.token
                        ? (
                          <>
                            <input
                              class="invite-link"
                              readOnly
                              value={`${origin}/invite/${p.token}`}
                              aria-label={t("staff.invite.link_of", {
                                name: p.name,
                              })}
                            />
                            <CopyLink
                              text={`${origin}/invite/${p.token}`}
                              labels={{
                                copy: t("staff.invite.copy"),
                                copied: t("staff.invite.copied"),
                                failed: t("staff.invite.copy_failed"),
                              }}
                            />
                          </>
                        )
                        : <span class="meta">{t("staff.invite.no_link")}</span>}
                    </td>
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
            <p>
              <a
                class="button secondary small"
                href="/invitations/links"
                download
              >
                {t("staff.invite.download")}
              </a>
            </p>
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
              {t(
                user.role === "admin"
                  ? "staff.invite.learner_hint_admin"
                  : "staff.invite.learner_hint_manager",
              )}
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
      {user.role === "admin" && (
        <StaffInviteFormView
          t={t}
          csrfToken={csrfToken}
          values={data.staffValues ?? {}}
          errors={data.staffErrors ?? {}}
        />
      )}
    </section>
  );
}

/** The admin's form for staff accounts: every role an invitation can make besides learner. */
function StaffInviteFormView(
  { t, csrfToken, values, errors }: {
    t: SignedInState["t"];
    csrfToken: string;
    values: Record<string, string>;
    errors: Partial<Record<StaffInviteField, MessageKey>>;
  },
) {
  const err = (f: StaffInviteField) => errors[f] ? t(errors[f]!) : undefined;
  const field = (
    name: "name" | "email" | "phone",
    label: MessageKey,
    attrs: Record<string, unknown>,
  ) => (
    <>
      <label for={`staff-${name}`}>{t(label)}</label>
      <input
        id={`staff-${name}`}
        name={name}
        value={values[name] ?? ""}
        aria-invalid={err(name) ? "true" : undefined}
        aria-describedby={`staff-${name}-error staff-contact-error`}
        autocomplete="off"
        {...attrs}
      />
      <FieldError id={`staff-${name}-error`} message={err(name)} />
    </>
  );
  return (
    <form
      method="post"
      class="stack staff-invite"
      novalidate
      aria-labelledby="staff-heading"
    >
      <h2 id="staff-heading">{t("staff.invite.title")}</h2>
      <p class="meta">{t("staff.invite.lead")}</p>
      <CsrfField token={csrfToken} />
      <input type="hidden" name="action" value="invite-staff" />
      <label for="staff-role">{t("invitations.role")}</label>
      <select
        id="staff-role"
        name="role"
        aria-invalid={err("role") ? "true" : undefined}
        aria-describedby="staff-role-error"
      >
        {STAFF_INVITE_ROLES.map((r) => (
          <option key={r} value={r} selected={values.role === r}>
            {t(`role.${r}`)}
          </option>
        ))}
      </select>
      <FieldError id="staff-role-error" message={err("role")} />
      {field("name", "invitations.name", { maxLength: 50, required: true })}
      {field("email", "invitations.email", { type: "email", maxLength: 254 })}
      {field("phone", "invitations.phone", { type: "tel", maxLength: 20 })}
      <FieldError id="staff-contact-error" message={err("contact")} />
      <button type="submit">{t("staff.invite.submit")}</button>
    </form>
  );
}
