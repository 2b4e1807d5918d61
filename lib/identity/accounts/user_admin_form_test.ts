import assert from "node:assert/strict";
import type { z } from "zod";
import { fieldErrors, formValues } from "@/lib/forms/form.ts";
import {
  AuditListQuery,
  DeleteConfirmForm,
  shownLogin,
  UserActionForm,
  UserListQuery,
} from "./user_admin_form.ts";

/**
 * The first message per field, as the pages show them. A message that is
 * not a catalog key would read as "app.name", which no assertion expects.
 */
const messages = (schema: z.ZodType, v: unknown) => {
  const error = schema.safeParse(v).error;
  return error ? fieldErrors(error, "app.name") : undefined;
};

Deno.test("UserActionForm accepts a role change and disable/enable", () => {
  assert.deepEqual(UserActionForm.parse({ action: "role", role: "trainer" }), {
    action: "role",
    role: "trainer",
  });
  assert.deepEqual(UserActionForm.parse({ action: "disable", role: "x" }), {
    action: "disable",
  });
  assert.deepEqual(UserActionForm.parse({ action: "enable" }), {
    action: "enable",
  });
});

Deno.test("UserActionForm names the wrong field with a message key", () => {
  for (const action of [undefined, "", "delete", 0, "<script>"]) {
    assert.deepEqual(messages(UserActionForm, { action }), {
      action: "admin.user.action_invalid",
    });
  }
  for (const role of [undefined, "", "boss", 0, "x".repeat(1000), "<script>"]) {
    assert.deepEqual(messages(UserActionForm, { action: "role", role }), {
      role: "admin.user.role_invalid",
    });
  }
});

Deno.test("UserListQuery treats an empty role as every role and refuses others", () => {
  assert.deepEqual(UserListQuery.parse({ role: "", cursor: null }), {
    role: undefined,
    cursor: undefined,
  });
  assert.equal(UserListQuery.parse({ role: "manager" }).role, "manager");
  assert.deepEqual(messages(UserListQuery, { role: "boss" }), {
    role: "admin.users.role_invalid",
  });
  assert.deepEqual(messages(UserListQuery, { cursor: "<script>" }), {
    cursor: "admin.cursor_invalid",
  });
  assert.deepEqual(messages(AuditListQuery, { cursor: "A".repeat(501) }), {
    cursor: "admin.cursor_invalid",
  });
  assert.equal(AuditListQuery.parse({ cursor: "AnUxAA==" }).cursor, "AnUxAA==");
});

Deno.test("DeleteConfirmForm wants the account's login, spelled any way a login may be", () => {
  const email = DeleteConfirmForm("li@demo.academy");
  assert.equal(email.safeParse({ confirm: " LI@demo.academy " }).success, true);
  const phone = DeleteConfirmForm("13800000001");
  assert.equal(phone.safeParse({ confirm: "+86 138 0000 0001" }).success, true);
  assert.deepEqual(messages(email, { confirm: "wang@demo.academy" }), {
    confirm: "admin.delete.confirm_mismatch",
  });
  assert.deepEqual(messages(email, {}), {
    confirm: "admin.delete.confirm_required",
  });
  assert.deepEqual(messages(email, { confirm: 0 }), {
    confirm: "admin.delete.confirm_required",
  });
  assert.deepEqual(messages(email, { confirm: "   " }), {
    confirm: "admin.delete.confirm_required",
  });
  assert.deepEqual(messages(email, { confirm: "x".repeat(300) }), {
    confirm: "admin.delete.confirm_too_long",
  });
});

Deno.test("DeleteConfirmForm accepts nothing for an account without a login", () => {
  assert.equal(DeleteConfirmForm("").safeParse({ confirm: "" }).success, false);
  assert.equal(
    DeleteConfirmForm("").safeParse({ confirm: "a@b.cn" }).success,
    false,
  );
});

Deno.test("shownLogin() prefers the email, then the phone", () => {
  assert.equal(shownLogin({ email: "a@b.cn", phone: "13800000001" }), "a@b.cn");
  assert.equal(shownLogin({ phone: "13800000001" }), "13800000001");
  assert.equal(shownLogin({}), "");
});

Deno.test("formValues() turns a file into a value no schema accepts", () => {
  const form = new FormData();
  form.set("action", new File(["x"], "x.txt"));
  form.set("role", "admin");
  assert.deepEqual(formValues(form, ["action", "role", "missing"]), {
    action: 0,
    role: "admin",
    missing: undefined,
  });
});
