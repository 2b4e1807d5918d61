import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { AdminNav } from "@/components/AdminNav.tsx";
import { AuditTable } from "@/components/admin/AuditTable.tsx";
import {
  type AuditNames,
  auditNames,
} from "@/lib/identity/audit/report/audit_names.ts";
import { UserStatus } from "@/components/admin/UserStatus.tsx";
import { CsrfField } from "@/components/CsrfField.tsx";
import { EmptyState } from "@/components/EmptyState.tsx";
import { FieldError } from "@/components/FieldError.tsx";
import { seeOther } from "@/lib/http/responses.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import { formatDate, type MessageKey } from "@/lib/i18n/i18n.ts";
import {
  type AuditEntry,
  listAuditAbout,
} from "@/lib/identity/audit/audit_store.ts";
import {
  getCohort,
  listMembershipsOfUser,
} from "@/lib/identity/teams/cohort_store.ts";
import { ConflictError, ForbiddenError } from "@/lib/errors.ts";
import { isRole, ROLES } from "@/lib/identity/roles.ts";
import {
  firstMessages,
  formText,
  type UserAction,
  type UserActionField,
  UserActionForm,
} from "@/lib/identity/accounts/user_admin_form.ts";
import { changeUserRole } from "@/lib/identity/teams/role_change.ts";
import {
  type PublicUser,
  requireUser,
  setDisabled,
  toPublicUser,
} from "@/lib/identity/accounts/user_store.ts";

/** Audit entries shown on the page (the full log is on /admin/audit). */
const AUDIT_SHOWN = 50;

const DONE = ["role", "disable", "enable"] as const;
type Done = typeof DONE[number];

interface Data {
  user: PublicUser;
  memberships: { cohortId: string; name: string; startDate: string | null }[];
  audit: AuditEntry[];
  names: AuditNames;
  moreAudit: boolean;
  /** The page is about the signed-in admin themself. */
  self: boolean;
  done: Done | null;
  failed?: {
    errors: Partial<Record<UserActionField | "form", MessageKey>>;
    /** The role that was asked for, when it is one (to keep it selected). */
    role?: string;
  };
}

/** Everything the page shows about one account; NotFoundError (404) when unknown. */
async function loadPage(
  kv: Deno.Kv,
  userId: string,
  adminId: string,
): Promise<Omit<Data, "done" | "failed">> {
  const user = await requireUser(kv, userId);
  const memberships = await Promise.all(
    (await listMembershipsOfUser(kv, user.id)).map(async (m) => {
      const cohort = await getCohort(kv, m.cohortId);
      return {
        cohortId: m.cohortId,
        name: cohort?.name ?? m.cohortId,
        startDate: cohort?.startDate ?? null,
      };
    }),
  );
  const audit = await listAuditAbout(kv, "user", user.id, AUDIT_SHOWN);
  return {
    user: toPublicUser(user),
    memberships,
    audit: audit.entries,
    names: await auditNames(kv, audit.entries),
    moreAudit: audit.cursor !== "",
    self: user.id === adminId,
  };
}

/** What a refused action is told, by the action tried. */
const SELF_REFUSED: Record<UserAction["action"], MessageKey> = {
  role: "admin.user.self_role",
  disable: "admin.user.self_status",
  enable: "admin.user.self_status",
};

export const handler: Handlers<Data, SignedInState> = {
  async GET(_req, ctx) {
    const done = ctx.url.searchParams.get("done");
    return ctx.render({
      ...await loadPage(ctx.state.kv, ctx.params.user, ctx.state.user.id),
      done: DONE.find((d) => d === done) ?? null,
    });
  },
  async POST(req, ctx) {
    const { kv, user: admin } = ctx.state;
    // Unknown account: 404 before looking at the form.
    const target = await requireUser(kv, ctx.params.user);
    // A body that is not a form reads as an empty one, so it gets the
    // same field messages instead of an error page.
    const form = await req.formData().catch(() => new FormData());
    const values = formText(form, ["action", "role", "endMemberships"]);
    const fail = async (
      status: number,
      errors: NonNullable<Data["failed"]>["errors"],
    ) =>
      ctx.render({
        ...await loadPage(kv, target.id, admin.id),
        done: null,
        failed: { errors, role: isRole(values.role) ? values.role : undefined },
      }, { status });
    const parsed = UserActionForm.safeParse(values);
    if (!parsed.success) {
      return await fail(
        422,
        firstMessages(parsed.error, "action") as Partial<
          Record<UserActionField, MessageKey>
        >,
      );
    }
    const action = parsed.data;
    try {
      if (action.action === "role") {
        await changeUserRole(kv, admin.id, target.id, action.role, new Date(), {
          endMemberships: action.endMemberships,
        });
      } else {
        await setDisabled(
          kv,
          admin.id,
          target.id,
          action.action === "disable",
          new Date(),
        );
      }
    } catch (error) {
      // The stores refuse; the page only picks the words. Any other refusal
      // (the actor is no longer an admin) stays a plain 403.
      if (error instanceof ForbiddenError && target.id === admin.id) {
        return await fail(403, { form: SELF_REFUSED[action.action] });
      }
      if (
        error instanceof ConflictError && error.code === "memberships-active"
      ) {
        return await fail(409, { endMemberships: "staff.role.confirm_needed" });
      }
      if (error instanceof ConflictError && error.code === "anonymised") {
        return await fail(409, { form: "admin.user.anonymised_refused" });
      }
      throw error;
    }
    return seeOther(`/admin/users/${target.id}?done=${action.action}`);
  },
};

export default function UserPage(
  { data, state: { t, lang, csrfToken } }: PageProps<Data, SignedInState>,
) {
  const u = data.user;
  const errors = data.failed?.errors ?? {};
  const title = u.anonymisedAt
    ? t("admin.user.anonymised_title")
    : t("admin.user.title", { name: u.name });
  const selectedRole = data.failed?.role ?? u.role;
  const manageable = !data.self && !u.anonymisedAt;
  return (
    <section>
      <Head>
        <title>{`${title} · ${t("app.name")}`}</title>
      </Head>
      <AdminNav t={t} current="/admin/users" />
      <p>
        <a href="/admin/users">← {t("admin.user.back")}</a>
      </p>
      <h1>{title}</h1>
      {data.done && (
        <p class="notice" role="status">{t(`admin.user.done_${data.done}`)}</p>
      )}
      {errors.form && (
        <p class="feedback wrong" role="alert">{t(errors.form)}</p>
      )}
      {u.anonymisedAt && (
        <p class="notice">
          {t("admin.user.anonymised", {
            date: formatDate(lang, u.anonymisedAt),
          })}
        </p>
      )}
      {data.self && <p class="notice">{t("admin.user.self")}</p>}

      <dl class="record">
        {!u.anonymisedAt && (
          <>
            <dt>{t("admin.user.name")}</dt>
            <dd>{u.name}</dd>
          </>
        )}
        {u.email && (
          <>
            <dt>{t("admin.user.email")}</dt>
            <dd class="user-login">{u.email}</dd>
          </>
        )}
        {u.phone && (
          <>
            <dt>{t("admin.user.phone")}</dt>
            <dd class="user-login">{u.phone}</dd>
          </>
        )}
        <dt>{t("admin.user.role")}</dt>
        <dd>{t(`role.${u.role}`)}</dd>
        <dt>{t("admin.user.status")}</dt>
        <dd>
          <UserStatus user={u} t={t} />
        </dd>
        <dt>{t("admin.user.since")}</dt>
        <dd>{formatDate(lang, u.createdAt)}</dd>
        <dt>{t("admin.user.id")}</dt>
        <dd>
          <code class="audit-id">{u.id}</code>
        </dd>
        <dt>{t("admin.user.cohorts")}</dt>
        <dd>
          {data.memberships.length === 0 ? t("admin.user.no_cohort") : (
            <ul>
              {data.memberships.map((m) => (
                <li key={m.cohortId}>
                  {m.startDate
                    ? t("admin.user.cohort_line", {
                      name: m.name,
                      date: m.startDate,
                    })
                    : m.name}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>

      {manageable && (
        <div class="admin-forms user-actions">
          <form
            method="post"
            class="stack"
            novalidate
            aria-labelledby="role-form"
          >
            <h2 id="role-form">{t("admin.user.role_form")}</h2>
            <CsrfField token={csrfToken} />
            <input type="hidden" name="action" value="role" />
            <label for="role">{t("admin.user.role_label")}</label>
            <select
              id="role"
              name="role"
              aria-invalid={errors.role ? "true" : undefined}
              aria-describedby="role-error role-hint"
            >
              {ROLES.map((r) => (
                <option key={r} value={r} selected={selectedRole === r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
            <FieldError
              id="role-error"
              message={errors.role ? t(errors.role) : undefined}
            />
            <p id="role-hint" class="meta">{t("admin.user.role_hint")}</p>
            {u.role === "learner" && data.memberships.length > 0 && (
              <>
                <label class="check-option">
                  <input
                    type="checkbox"
                    name="endMemberships"
                    value="yes"
                    aria-invalid={errors.endMemberships ? "true" : undefined}
                    aria-describedby="endMemberships-error"
                  />{" "}
                  {t("staff.role.end_memberships", {
                    cohorts: data.memberships.map((m) => m.name).join("、"),
                  })}
                </label>
                <FieldError
                  id="endMemberships-error"
                  message={errors.endMemberships
                    ? t(errors.endMemberships)
                    : undefined}
                />
              </>
            )}
            <button type="submit">{t("admin.user.role_submit")}</button>
          </form>

          <div class="stack">
            <h2>
              {u.disabled
                ? t("admin.user.enable_form")
                : t("admin.user.disable_form")}
            </h2>
            <FieldError
              id="action-error"
              message={errors.action ? t(errors.action) : undefined}
            />
            {u.disabled
              ? (
                <form method="post" class="stack">
                  <CsrfField token={csrfToken} />
                  <input type="hidden" name="action" value="enable" />
                  <p class="meta">{t("admin.user.enable_hint")}</p>
                  <button type="submit">{t("admin.user.enable_submit")}</button>
                </form>
              )
              : (
                <>
                  <p class="meta">{t("admin.user.disable_hint")}</p>
                  <details class="confirm">
                    <summary>{t("admin.user.disable_form")}</summary>
                    <form method="post" class="stack">
                      <CsrfField token={csrfToken} />
                      <input type="hidden" name="action" value="disable" />
                      <p>{t("admin.user.disable_confirm", { name: u.name })}</p>
                      <button type="submit" class="danger">
                        {t("admin.user.disable_submit")}
                      </button>
                    </form>
                  </details>
                </>
              )}
            <h2>{t("admin.user.delete_form")}</h2>
            <p class="meta">{t("admin.user.delete_hint")}</p>
            <p>
              <a class="button secondary" href={`/admin/users/${u.id}/delete`}>
                {t("admin.user.delete_link")}
              </a>
            </p>
          </div>
        </div>
      )}

      <h2>{t("admin.user.audit")}</h2>
      {data.audit.length === 0
        ? (
          <EmptyState title={t("admin.user.audit_empty.title")}>
            {t("admin.user.audit_empty.body")}
          </EmptyState>
        )
        : (
          <AuditTable
            entries={data.audit}
            names={data.names}
            t={t}
            lang={lang}
            showTarget={false}
          />
        )}
      {data.moreAudit && (
        <p>
          <a href="/admin/audit">{t("admin.user.audit_more")}</a>
        </p>
      )}
    </section>
  );
}
