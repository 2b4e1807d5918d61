import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { AdminNav } from "@/components/AdminNav.tsx";
import { UserStatus } from "@/components/admin/UserStatus.tsx";
import { EmptyState } from "@/components/EmptyState.tsx";
import { FieldError } from "@/components/FieldError.tsx";
import type { SignedInState } from "@/lib/http/state.ts";
import { formatDateTime, type MessageKey } from "@/lib/i18n/i18n.ts";
import { type Role, ROLES } from "@/lib/identity/roles.ts";
import {
  firstMessages,
  shownLogin,
  UserListQuery,
} from "@/lib/identity/accounts/user_admin_form.ts";
import {
  userListPage,
  type UserRow,
} from "@/lib/identity/accounts/user_list.ts";

interface Data {
  rows: UserRow[];
  role?: Role;
  q?: string;
  /** Cursor of the next page ("" on the last). */
  next: string;
  /** True when this is not the first page. */
  paged: boolean;
  errors: Partial<Record<"role" | "q" | "cursor", MessageKey>>;
  done: "deleted" | null;
}

/** Deno KV refuses a cursor it cannot decode with this TypeError. */
const isBadCursor = (error: unknown) =>
  error instanceof TypeError && /invalid cursor/i.test(error.message);

export const handler: Handlers<Data, SignedInState> = {
  async GET(_req, ctx) {
    const params = ctx.url.searchParams;
    const done = params.get("done") === "deleted" ? "deleted" : null;
    const query = UserListQuery.safeParse({
      role: params.get("role"),
      q: params.get("q"),
      cursor: params.get("cursor"),
    });
    if (query.success) {
      const { role, q, cursor } = query.data;
      try {
        const page = await userListPage(ctx.state.kv, { role, q }, cursor);
        return ctx.render({
          ...page,
          role,
          q,
          paged: Boolean(cursor),
          errors: {},
          done,
        });
      } catch (error) {
        if (!isBadCursor(error)) throw error;
      }
    }
    // A bad filter or a stale paging link: say so and show the first page
    // of everyone, so the admin is never stuck on an error.
    const errors = query.success
      ? { cursor: "admin.cursor_invalid" as const }
      : firstMessages(query.error, "cursor") as Data["errors"];
    return ctx.render({
      ...await userListPage(ctx.state.kv, {}, undefined),
      paged: false,
      errors,
      done,
    }, { status: 422 });
  },
};

export default function UsersPage(
  { data, state: { t, lang } }: PageProps<Data, SignedInState>,
) {
  const filter = new URLSearchParams();
  if (data.role) filter.set("role", data.role);
  if (data.q) filter.set("q", data.q);
  const filterQuery = filter.toString();
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
      {data.errors.cursor && (
        <p class="feedback wrong" role="alert">{t(data.errors.cursor)}</p>
      )}
      <form method="get" class="user-filter" novalidate>
        <label for="q">{t("staff.users.search")}</label>
        <input
          id="q"
          name="q"
          type="search"
          value={data.q ?? ""}
          maxLength={100}
          aria-invalid={data.errors.q ? "true" : undefined}
          aria-describedby="q-error q-hint"
        />
        <p id="q-hint" class="meta">{t("staff.users.search_hint")}</p>
        <FieldError
          id="q-error"
          message={data.errors.q ? t(data.errors.q) : undefined}
        />
        <label for="role">{t("admin.users.filter")}</label>
        <select
          id="role"
          name="role"
          aria-invalid={data.errors.role ? "true" : undefined}
          aria-describedby="role-error"
        >
          <option value="">{t("admin.users.filter_all")}</option>
          {ROLES.map((r) => (
            <option key={r} value={r} selected={data.role === r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
        <button type="submit" class="secondary">
          {t("admin.users.filter_submit")}
        </button>
        <FieldError
          id="role-error"
          message={data.errors.role ? t(data.errors.role) : undefined}
        />
      </form>
      {data.rows.length === 0
        ? (
          <EmptyState
            title={data.q
              ? t("staff.users.no_match.title")
              : t("admin.users.empty.title")}
          >
            {data.q
              ? t("staff.users.no_match.body")
              : t("admin.users.empty.body")}
          </EmptyState>
        )
        : (
          <div class="table-wrap">
            <table class="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("admin.users.col.name")}</th>
                  <th scope="col">{t("admin.users.col.login")}</th>
                  <th scope="col">{t("admin.users.col.role")}</th>
                  <th scope="col">{t("admin.users.col.status")}</th>
                  <th scope="col">{t("staff.users.col.last")}</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map(({ user: u, lastSignIn }) => (
                  <tr key={u.id}>
                    <th scope="row">
                      <a href={`/admin/users/${u.id}`}>
                        {u.anonymisedAt
                          ? t("admin.users.anonymised_name")
                          : u.name}
                      </a>
                    </th>
                    <td class="user-login">{shownLogin(u) || "—"}</td>
                    <td>{t(`role.${u.role}`)}</td>
                    <td>
                      <UserStatus user={u} t={t} />
                    </td>
                    <td>
                      {lastSignIn
                        ? (
                          <time dateTime={lastSignIn.toISOString()}>
                            {formatDateTime(lang, lastSignIn)}
                          </time>
                        )
                        : <span class="meta">{t("staff.users.never")}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      {(data.paged || data.next) && (
        <nav class="pager" aria-label={t("admin.pager")}>
          {data.paged && (
            <a href={`/admin/users${filterQuery ? `?${filterQuery}` : ""}`}>
              {t("admin.users.first")}
            </a>
          )}
          {data.next && (
            <a
              href={`/admin/users?${
                filterQuery ? `${filterQuery}&` : ""
              }cursor=${encodeURIComponent(data.next)}`}
              rel="next"
            >
              {t("admin.users.next")}
            </a>
          )}
        </nav>
      )}
    </section>
  );
}
