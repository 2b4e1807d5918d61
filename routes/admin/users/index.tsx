import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { AdminNav } from "@/components/AdminNav.tsx";
import { UserStatus } from "@/components/admin/UserStatus.tsx";
import { EmptyState } from "@/components/EmptyState.tsx";
import { FieldError } from "@/components/FieldError.tsx";
import type { SignedInState } from "@/lib/http/state.ts";
import type { MessageKey } from "@/lib/i18n/i18n.ts";
import { type Role, ROLES } from "@/lib/identity/roles.ts";
import {
  firstMessages,
  shownLogin,
  UserListQuery,
} from "@/lib/identity/user_admin_form.ts";
import { listUsers, type User } from "@/lib/identity/user_store.ts";

/** Users per page. */
const PAGE = 50;
/** Most accounts one filtered page reads before it stops and offers "next". */
const MAX_SCAN = 2000;

interface Data {
  users: User[];
  role?: Role;
  /** Cursor of the next page ("" on the last). */
  next: string;
  /** True when this is not the first page. */
  paged: boolean;
  errors: Partial<Record<"role" | "cursor", MessageKey>>;
  done: "deleted" | null;
}

/**
 * A page of accounts, optionally of one role, in creation order. listUsers
 * pages by cursor but does not filter, so a filtered page reads on, never
 * asking for more than the page still needs, which keeps the cursor exactly
 * after the last account shown.
 */
async function usersPage(
  kv: Deno.Kv,
  role: Role | undefined,
  cursor: string | undefined,
): Promise<{ users: User[]; next: string }> {
  const users: User[] = [];
  let at = cursor;
  let scanned = 0;
  for (;;) {
    const page = await listUsers(kv, PAGE - users.length, at);
    scanned += page.users.length;
    users.push(...page.users.filter((u) => !role || u.role === role));
    at = page.cursor;
    if (!at || users.length >= PAGE || scanned >= MAX_SCAN) break;
  }
  return { users, next: at ?? "" };
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
      cursor: params.get("cursor"),
    });
    if (query.success) {
      const { role, cursor } = query.data;
      try {
        const page = await usersPage(ctx.state.kv, role, cursor);
        return ctx.render({
          ...page,
          role,
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
      ...await usersPage(ctx.state.kv, undefined, undefined),
      paged: false,
      errors,
      done,
    }, { status: 422 });
  },
};

export default function UsersPage(
  { data, state: { t } }: PageProps<Data, SignedInState>,
) {
  const roleQuery = data.role ? `role=${data.role}&` : "";
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
      {data.users.length === 0
        ? (
          <EmptyState title={t("admin.users.empty.title")}>
            {t("admin.users.empty.body")}
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
                </tr>
              </thead>
              <tbody>
                {data.users.map((u) => (
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
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      {(data.paged || data.next) && (
        <nav class="pager" aria-label={t("admin.pager")}>
          {data.paged && (
            <a href={`/admin/users${data.role ? `?role=${data.role}` : ""}`}>
              {t("admin.users.first")}
            </a>
          )}
          {data.next && (
            <a
              href={`/admin/users?${roleQuery}cursor=${
                encodeURIComponent(data.next)
              }`}
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
