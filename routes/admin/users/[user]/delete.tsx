import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { AdminNav } from "@/components/AdminNav.tsx";
import { CsrfField } from "@/components/CsrfField.tsx";
import { FieldError } from "@/components/FieldError.tsx";
import { seeOther } from "@/lib/http/responses.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import type { MessageKey } from "@/lib/i18n/i18n.ts";
import { ForbiddenError } from "@/lib/errors.ts";
import { deletePersonalData } from "@/lib/identity/personal_data/personal_data.ts";
import {
  DeleteConfirmForm,
  firstMessages,
  formText,
  shownLogin,
} from "@/lib/identity/accounts/user_admin_form.ts";
import { requireUser } from "@/lib/identity/accounts/user_store.ts";

interface Data {
  userId: string;
  name: string;
  /** The login the admin must type ("" once anonymised). */
  login: string;
  anonymised: boolean;
  self: boolean;
  /** What was typed, shown back after a refusal. */
  confirm: string;
  errors: Partial<Record<"confirm" | "form", MessageKey>>;
}

/** The page's view of the account; NotFoundError (404) when unknown. */
async function loadPage(kv: Deno.Kv, userId: string, adminId: string) {
  const user = await requireUser(kv, userId);
  return {
    userId: user.id,
    name: user.name,
    login: shownLogin(user),
    anonymised: Boolean(user.anonymisedAt),
    self: user.id === adminId,
  };
}

export const handler: Handlers<Data, SignedInState> = {
  async GET(_req, ctx) {
    return ctx.render({
      ...await loadPage(ctx.state.kv, ctx.params.user, ctx.state.user.id),
      confirm: "",
      errors: {},
    });
  },
  async POST(req, ctx) {
    const { kv, user: admin } = ctx.state;
    const page = await loadPage(kv, ctx.params.user, admin.id);
    const form = await req.formData().catch(() => new FormData());
    const values = formText(form, ["confirm"]);
    const confirm = typeof values.confirm === "string"
      ? values.confirm.slice(0, 254)
      : "";
    const fail = (status: number, errors: Data["errors"]) =>
      ctx.render({ ...page, confirm, errors }, { status });
    if (page.anonymised) {
      return fail(409, { form: "admin.delete.already" });
    }
    const parsed = DeleteConfirmForm(page.login).safeParse(values);
    if (!parsed.success) {
      return fail(
        422,
        firstMessages(parsed.error, "confirm") as Data["errors"],
      );
    }
    try {
      await deletePersonalData(kv, admin.id, page.userId, new Date());
    } catch (error) {
      // The store refuses an admin erasing themself; the page picks the words.
      if (error instanceof ForbiddenError && page.self) {
        return fail(403, { form: "admin.delete.self" });
      }
      throw error;
    }
    return seeOther("/admin/users?done=deleted");
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
