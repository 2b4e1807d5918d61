import assert from "node:assert/strict";
import { formValues, parseForm } from "@/lib/forms/form.ts";
import { makeUser } from "./testing.ts";
import { UserListQuery } from "./user_admin_form.ts";
import { userListHref, userListView } from "./user_list.ts";

/** The query as the page parses it. */
const query = (search: string) =>
  parseForm(
    UserListQuery,
    formValues(new URLSearchParams(search), ["role", "q", "cursor"]),
    "admin.cursor_invalid",
    { formField: "cursor" },
  );

Deno.test("userListView() filters by role and search", async () => {
  using kv = await Deno.openKv(":memory:");
  await makeUser(kv, "manager", "zhou@example.com", { name: "周主管" });
  await makeUser(kv, "learner", "li@example.com", { name: "李小雨" });
  const managers = await userListView(kv, query("role=manager"));
  assert.deepEqual(managers.rows.map((r) => r.user.name), ["周主管"]);
  assert.deepEqual(managers.errors, {});
  assert.equal(managers.role, "manager");
  const found = await userListView(kv, query("q=小雨"));
  assert.deepEqual(found.rows.map((r) => r.user.name), ["李小雨"]);
});

Deno.test("userListView(): a bad filter or a stale cursor shows everyone's first page with why", async () => {
  using kv = await Deno.openKv(":memory:");
  await makeUser(kv, "manager", "zhou@example.com", { name: "周主管" });
  await makeUser(kv, "learner", "li@example.com", { name: "李小雨" });
  for (
    const [search, errors] of [
      ["role=boss", { role: "admin.users.role_invalid" }],
      ["cursor=<script>", { cursor: "admin.cursor_invalid" }],
      // Well-formed base64, but no cursor Deno KV ever issued.
      ["cursor=abc", { cursor: "admin.cursor_invalid" }],
      [`q=${"x".repeat(101)}`, { q: "staff.users.search_too_long" }],
    ] as const
  ) {
    const view = await userListView(kv, query(search));
    assert.deepEqual(view.errors, errors, search);
    assert.equal(view.rows.length, 2, `${search}: everyone is listed`);
    assert.equal(view.paged, false);
    assert.equal(view.role, undefined);
  }
});

Deno.test("userListHref() keeps the filter on every page link", () => {
  assert.equal(userListHref({}), "/admin/users");
  assert.equal(
    userListHref({ role: "learner", q: "李 小" }, "AnUx+/=="),
    "/admin/users?role=learner&q=%E6%9D%8E+%E5%B0%8F&cursor=AnUx%2B%2F%3D%3D",
  );
});
