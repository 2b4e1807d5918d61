import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { AdminNav } from "@/components/AdminNav.tsx";
import { CsrfField } from "@/components/CsrfField.tsx";
import { FieldError } from "@/components/FieldError.tsx";
import { type FieldErrors, formValues } from "@/lib/forms/form.ts";
import { seeOther } from "@/lib/http/responses.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import {
  type DeletionTarget,
  deletionTarget,
  eraseAccount,
} from "@/lib/identity/user_admin/user_admin.ts";

interface Data extends DeletionTarget {
  /** What was typed, shown back after a refusal. */
  confirm: string;
  errors: FieldErrors<"confirm" | "form">;
}

export const handler: Handlers<Data, SignedInState> = {
  async GET(_req, ctx) {
    return ctx.render({
      ...await deletionTarget(ctx.state.kv, ctx.params.user, ctx.state.user.id),
      confirm: "",
      errors: {},
    });
  },
  async POST(req, ctx) {
    const { kv, user: admin } = ctx.state;
    const target = await deletionTarget(kv, ctx.params.user, admin.id);
    const form = await req.formData().catch(() => new FormData());
    const values = formValues(form, ["confirm"]);
    const refused = await eraseAccount(
      kv,
      admin.id,
      target,
      values,
      new Date(),
    );
    if (!refused) return seeOther("/admin/users?done=deleted");
    const confirm = typeof values.confirm === "string"
      ? values.confirm.slice(0, 254)
      : "";
    return ctx.render({ ...target, confirm, errors: refused.errors }, {
      status: refused.status,
    });
  },
};

export default function DeletePage(
  { data, state: { t, csrfToken } }: PageProps<Data, SignedInState>,
) {
  const title = data.anonymised
    ? t("admin.user.anonymised_title")
    : t("admin.delete.title", { name: data.name });
  return (
    <section class="narrow">
      <Head>
        <title>{`${title} · ${t("app.name")}`}</title>
      </Head>
      <AdminNav t={t} current="/admin/users" />
      <p>
        <a href={`/admin/users/${data.userId}`}>← {t("admin.delete.back")}</a>
      </p>
      <h1>{title}</h1>
      {data.errors.form && (
        <p class="feedback wrong" role="alert">{t(data.errors.form)}</p>
      )}
      {data.anonymised ? <p class="notice">{t("admin.delete.already")}</p> : (
        <>
          <p class="lead">{t("admin.delete.lead")}</p>
          <h2>{t("admin.delete.removed")}</h2>
          <ul>
            <li>{t("admin.delete.removed_name")}</li>
            <li>{t("admin.delete.removed_contacts")}</li>
            <li>{t("admin.delete.removed_password")}</li>
            <li>{t("admin.delete.removed_sessions")}</li>
          </ul>
          <h2>{t("admin.delete.kept")}</h2>
          <ul>
            <li>{t("admin.delete.kept_scores")}</li>
            <li>{t("admin.delete.kept_account")}</li>
            <li>{t("admin.delete.kept_audit")}</li>
          </ul>
          {data.self
            ? <p class="notice">{t("admin.delete.self")}</p>
            : (
              <form method="post" class="stack" novalidate>
                <CsrfField token={csrfToken} />
                <label for="confirm">
                  {t("admin.delete.confirm_label", { login: data.login })}
                </label>
                <input
                  id="confirm"
                  name="confirm"
                  type="text"
                  autocomplete="off"
                  spellcheck={false}
                  maxLength={254}
                  value={data.confirm}
                  aria-invalid={data.errors.confirm ? "true" : undefined}
                  aria-describedby="confirm-error"
                  required
                />
                <FieldError
                  id="confirm-error"
                  message={data.errors.confirm
                    ? t(data.errors.confirm)
                    : undefined}
                />
                <button type="submit" class="danger">
                  {t("admin.delete.submit")}
                </button>
                <a href={`/admin/users/${data.userId}`}>
                  {t("admin.delete.cancel")}
                </a>
              </form>
            )}
        </>
      )}
    </section>
  );
}
