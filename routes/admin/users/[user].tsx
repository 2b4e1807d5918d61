import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { AdminNav } from "@/components/AdminNav.tsx";
import { AuditTable } from "@/components/admin/AuditTable.tsx";
import { UserActions } from "@/components/admin/UserActions.tsx";
import { UserRecord } from "@/components/admin/UserRecord.tsx";
import { ListOrEmpty } from "@/components/EmptyState.tsx";
import { type FieldErrors, formValues, parseForm } from "@/lib/forms/form.ts";
import { seeOther } from "@/lib/http/responses.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import { formatDate } from "@/lib/i18n/i18n.ts";
import {
  applyUserAction,
  type UserDone,
  userDone,
  userRecord,
  type UserRecordView,
} from "@/lib/identity/user_admin/user_admin.ts";
import {
  type UserActionField,
  UserActionForm,
} from "@/lib/identity/accounts/user_admin_form.ts";
import { requireUser } from "@/lib/identity/accounts/user_store.ts";
import { isRole, type Role } from "@/lib/identity/roles.ts";

interface Data extends UserRecordView {
  done: UserDone | null;
  failed?: {
    errors: FieldErrors<UserActionField | "form">;
    /** The role that was asked for, when it is one (to keep it selected). */
    role?: Role;
  };
}

export const handler: Handlers<Data, SignedInState> = {
  async GET(_req, ctx) {
    return ctx.render({
      ...await userRecord(ctx.state.kv, ctx.params.user, ctx.state.user.id),
      done: userDone(ctx.url.searchParams.get("done")),
    });
  },
  async POST(req, ctx) {
    const { kv, user: admin } = ctx.state;
    // Unknown account: 404 before looking at the form.
    const target = await requireUser(kv, ctx.params.user);
    // A body that is not a form reads as an empty one, so it gets the
    // same field messages instead of an error page.
    const form = await req.formData().catch(() => new FormData());
    const values = formValues(form, ["action", "role", "endMemberships"]);
    const input = parseForm(
      UserActionForm,
      values,
      "admin.user.action_invalid",
      { formField: "action" },
    );
    const refused = input.ok
      ? await applyUserAction(kv, admin.id, target.id, input.data, new Date())
      : { status: 422, errors: input.errors };
    if (!refused) {
      return seeOther(`/admin/users/${target.id}?done=${values.action}`);
    }
    return ctx.render({
      ...await userRecord(kv, target.id, admin.id),
      done: null,
      failed: {
        errors: refused.errors,
        role: isRole(values.role) ? values.role : undefined,
      },
    }, { status: refused.status });
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
      <UserRecord user={u} memberships={data.memberships} t={t} lang={lang} />
      {!data.self && !u.anonymisedAt && (
        <UserActions
          user={u}
          memberships={data.memberships}
          selectedRole={data.failed?.role ?? u.role}
          errors={errors}
          t={t}
          csrfToken={csrfToken}
        />
      )}

      <h2>{t("admin.user.audit")}</h2>
      <ListOrEmpty
        count={data.audit.length}
        title={t("admin.user.audit_empty.title")}
        body={t("admin.user.audit_empty.body")}
      >
        <AuditTable
          entries={data.audit}
          names={data.names}
          t={t}
          lang={lang}
          showTarget={false}
        />
      </ListOrEmpty>
      {data.moreAudit && (
        <p>
          <a href="/admin/audit">{t("admin.user.audit_more")}</a>
        </p>
      )}
    </section>
  );
}
