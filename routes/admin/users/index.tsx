import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { AdminNav } from "@/components/AdminNav.tsx";
import { UserTable } from "@/components/admin/UserTable.tsx";
import { ListOrEmpty } from "@/components/EmptyState.tsx";
import { UserFilterForm } from "@/components/admin/UserFilterForm.tsx";
import { formValues, parseForm } from "@/lib/forms/form.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import { UserListQuery } from "@/lib/identity/accounts/user_admin_form.ts";
import {
  userListHref,
  type UserListView,
  userListView,
} from "@/lib/identity/accounts/user_list.ts";

interface Data extends UserListView {
  done: "deleted" | null;
}

export const handler: Handlers<Data, SignedInState> = {
  async GET(_req, ctx) {
    const params = ctx.url.searchParams;
    const query = parseForm(
      UserListQuery,
      formValues(params, ["role", "q", "cursor"]),
      "admin.cursor_invalid",
      { formField: "cursor" },
    );
    const list = await userListView(ctx.state.kv, query);
    return ctx.render({
      ...list,
      done: params.get("done") === "deleted" ? "deleted" : null,
    }, { status: Object.keys(list.errors).length ? 422 : 200 });
  },
};

export default function UsersPage(
  { data, state: { t, lang } }: PageProps<Data, SignedInState>,
) {
  const { errors } = data;
  const filter = { role: data.role, q: data.q };
  return (
    <section>
      <Head>
        <title>{`${t("admin.users.title")} · ${t("app.name")}`}</title>
      </Head>
      <AdminNav t={t} current="/admin/users" />
      <h1>{t("admin.users.title")}</h1>
      <p class="lead">{t("admin.users.lead")}</p>
      {data.done && (
        <p class="notice" role="status">{t("admin.users.done_deleted")}</p>
      )}
      {errors.cursor && (
        <p class="feedback wrong" role="alert">{t(errors.cursor)}</p>
      )}
      <UserFilterForm q={data.q} role={data.role} errors={errors} t={t} />
      <ListOrEmpty
        count={data.rows.length}
        title={t(
          data.q ? "staff.users.no_match.title" : "admin.users.empty.title",
        )}
        body={t(
          data.q ? "staff.users.no_match.body" : "admin.users.empty.body",
        )}
      >
        <UserTable rows={data.rows} t={t} lang={lang} />
      </ListOrEmpty>
      {(data.paged || data.next) && (
        <nav class="pager" aria-label={t("admin.pager")}>
          {data.paged && (
            <a href={userListHref(filter)}>{t("admin.users.first")}</a>
          )}
          {data.next && (
            <a href={userListHref(filter, data.next)} rel="next">
              {t("admin.users.next")}
            </a>
          )}
        </nav>
      )}
    </section>
  );
}
