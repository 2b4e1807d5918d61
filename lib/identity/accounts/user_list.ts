/**
 * The admin's user list: accounts in creation order, filtered by role and
 * by a search over name, email and phone, paged by cursor, each with when
 * it last signed in. A filtered page reads on (at most MAX_SCAN accounts)
 * until it is full, never past what it shows, so the cursor stays exactly
 * after the last account listed.
 */
import type { FieldErrors, FormResult } from "@/lib/forms/form.ts";
import type { Role } from "@/lib/identity/roles.ts";
import { lastSignIns, listUsers, type User } from "./user_store.ts";

/** Users per page. */
export const USERS_PAGE = 50;
/** Most accounts one filtered page reads before it stops and offers "next". */
const MAX_SCAN = 2000;

/** What the list filters by. */
export interface UserFilter {
  role?: Role;
  /** Part of a name, an email or a phone number. */
  q?: string;
}

/** One listed account with its last sign-in (null: never). */
export interface UserRow {
  user: User;
  lastSignIn: Date | null;
}

/**
 * True when the account matches the search: the text appears in the name
 * or email (any case), or its digits appear in the phone number (so
 * "138 0000" and "+86 13800000001" find 13800000001).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { matchesSearch } from "@/lib/identity/accounts/user_list.ts";
 * const u = { name: "李小雨", email: "learner@demo.academy", phone: "13800000001" };
 * assert.ok(matchesSearch(u, "小雨"));
 * assert.ok(matchesSearch(u, "LEARNER@"));
 * assert.ok(matchesSearch(u, "138 0000 0001"));
 * assert.ok(!matchesSearch(u, "王晨"));
 * ```
 */
export function matchesSearch(
  u: Pick<User, "name" | "email" | "phone">,
  q: string,
): boolean {
  const text = q.trim().toLowerCase();
  if (!text) return true;
  if (u.name.toLowerCase().includes(text)) return true;
  if (u.email?.toLowerCase().includes(text)) return true;
  const digits = text.replace(/^\+?86/, "").replace(/[\s-]/g, "");
  return /^\d{3,}$/.test(digits) && (u.phone?.includes(digits) ?? false);
}

/** One page of the list and the cursor of the next ("" on the last). */
export async function userListPage(
  kv: Deno.Kv,
  filter: UserFilter,
  cursor: string | undefined,
): Promise<{ rows: UserRow[]; next: string }> {
  const users: User[] = [];
  let at = cursor;
  let scanned = 0;
  for (;;) {
    const page = await listUsers(kv, USERS_PAGE - users.length, at);
    scanned += page.users.length;
    users.push(
      ...page.users.filter((u) =>
        (!filter.role || u.role === filter.role) &&
        (!filter.q || matchesSearch(u, filter.q))
      ),
    );
    at = page.cursor;
    if (!at || users.length >= USERS_PAGE || scanned >= MAX_SCAN) break;
  }
  const last = await lastSignIns(kv, users.map((u) => u.id));
  return {
    rows: users.map((user) => ({
      user,
      lastSignIn: last.get(user.id) ?? null,
    })),
    next: at ?? "",
  };
}

/** The fields the list's query can mark. */
export type UserListField = "role" | "q" | "cursor";

/** The list as its page shows it. */
export interface UserListView {
  rows: UserRow[];
  /** Cursor of the next page ("" on the last). */
  next: string;
  role?: Role;
  q?: string;
  /** True when this is not the first page. */
  paged: boolean;
  /** Why the first page of everyone is shown instead of what was asked. */
  errors: FieldErrors<UserListField>;
}

/** Deno KV refuses a cursor it cannot decode with this TypeError. */
const isBadCursor = (error: unknown) =>
  error instanceof TypeError && /invalid cursor/i.test(error.message);

/**
 * The page a checked query asks for. A bad filter or a stale paging link
 * shows the first page of everyone with why, so the admin is never stuck
 * on an error.
 */
export async function userListView(
  kv: Deno.Kv,
  query: FormResult<
    { role?: Role; q?: string; cursor?: string },
    UserListField
  >,
): Promise<UserListView> {
  if (query.ok) {
    const { role, q, cursor } = query.data;
    try {
      const page = await userListPage(kv, { role, q }, cursor);
      return { ...page, role, q, paged: Boolean(cursor), errors: {} };
    } catch (error) {
      if (!isBadCursor(error)) throw error;
    }
  }
  return {
    ...await userListPage(kv, {}, undefined),
    paged: false,
    errors: query.ok ? { cursor: "admin.cursor_invalid" } : query.errors,
  };
}

/** The list's address with a filter (and a cursor for a later page). */
export function userListHref(filter: UserFilter, cursor?: string): string {
  const params = new URLSearchParams();
  if (filter.role) params.set("role", filter.role);
  if (filter.q) params.set("q", filter.q);
  if (cursor) params.set("cursor", cursor);
  const query = params.toString();
  return `/admin/users${query ? `?${query}` : ""}`;
}
