import assert from "node:assert/strict";
import { formValues } from "@/lib/forms/form.ts";
import {
  parseAcceptForm,
  parseImportForm,
  parseInviteForm,
  parseRevokeForm,
} from "./invitation_form.ts";

const good = { cohortId: "cohort-a", name: " 李小雨 ", role: "learner" };

Deno.test("parseInviteForm() normalises logins and needs an email or a phone", () => {
  const ok = parseInviteForm({ ...good, email: " LI@Example.com ", phone: "" });
  assert.deepEqual(ok, {
    ok: true,
    data: {
      cohortId: "cohort-a",
      name: "李小雨",
      email: "li@example.com",
      phone: undefined,
      role: "learner",
    },
  });
  assert.deepEqual(parseInviteForm({ ...good, email: "", phone: " " }), {
    ok: false,
    errors: { contact: "invitations.contact_required" },
  });
  const phone = parseInviteForm({ ...good, phone: "+86 138 0000 0001" });
  assert.equal(phone.ok && phone.data.phone, "13800000001");
});

Deno.test("parseInviteForm() names every bad field with a message key", () => {
  assert.deepEqual(
    parseInviteForm({
      cohortId: "",
      name: "",
      email: "abc",
      phone: "12345",
      role: "admin",
    }),
    {
      ok: false,
      errors: {
        cohortId: "invitations.cohort_required",
        name: "invitations.name_required",
        email: "invitations.email_invalid",
        phone: "invitations.phone_invalid",
        role: "invitations.role_invalid",
      },
    },
  );
  assert.deepEqual(
    parseInviteForm({
      cohortId: "<script>",
      name: "x".repeat(51),
      email: `${"a".repeat(300)}@example.com`,
    }),
    {
      ok: false,
      errors: {
        cohortId: "invitations.cohort_unknown",
        name: "invitations.name_too_long",
        email: "invitations.email_invalid",
      },
    },
  );
  assert.deepEqual(
    parseInviteForm({ ...good, name: "a\nb", email: "a@b.cn" }),
    { ok: false, errors: { name: "invitations.name_invalid" } },
  );
  // A script payload is a valid name: it is stored and shown escaped.
  assert.equal(
    parseInviteForm({
      ...good,
      name: "<script>alert(1)</script>",
      phone: "13800000001",
    })
      .ok,
    true,
  );
});

Deno.test("formValues() turns a file where text belongs into a refused value", () => {
  const form = new FormData();
  form.set("name", new File(["x"], "x.txt"));
  form.set("cohortId", "cohort-a");
  form.set("email", "a@b.cn");
  const result = parseInviteForm(
    formValues(form, ["cohortId", "name", "email", "phone", "role"]),
  );
  assert.deepEqual(result, {
    ok: false,
    errors: { name: "invitations.name_required" },
  });
});

Deno.test("parseRevokeForm() accepts an invitation id and a cohort id only", () => {
  const id = "01JQ0000000000000000000000";
  assert.deepEqual(parseRevokeForm({ invitationId: id, cohortId: "c-1" }), {
    invitationId: id,
    cohortId: "c-1",
  });
  assert.equal(parseRevokeForm({ invitationId: "x", cohortId: "c-1" }), null);
  assert.equal(parseRevokeForm({ invitationId: id }), null);
});

Deno.test("parseImportForm() needs a cohort and a non-empty file of at most 1 MB", () => {
  const form = (file?: File | string, cohortId = "cohort-a") => {
    const f = new FormData();
    f.set("cohortId", cohortId);
    if (file !== undefined) f.set("file", file);
    return f;
  };
  assert.deepEqual(parseImportForm(form()), {
    ok: false,
    errors: { file: "invitations.import.file_required" },
    tooLarge: false,
  });
  assert.deepEqual(parseImportForm(form("name,email")).ok, false);
  assert.deepEqual(
    parseImportForm(form(new File([], ""))),
    {
      ok: false,
      errors: { file: "invitations.import.file_required" },
      tooLarge: false,
    },
  );
  assert.deepEqual(parseImportForm(form(new File([], "a.csv"))), {
    ok: false,
    errors: { file: "invitations.import.file_empty" },
    tooLarge: false,
  });
  const big = new File([new Uint8Array(1024 * 1024 + 1)], "big.csv");
  assert.deepEqual(parseImportForm(form(big)), {
    ok: false,
    errors: { file: "invitations.import.file_too_large" },
    tooLarge: true,
  });
  assert.deepEqual(
    parseImportForm(form(new File(["x"], "a.csv"), "")).ok,
    false,
  );
  const ok = parseImportForm(form(new File(["x"], "a.csv")));
  assert.equal(ok.ok && ok.data.cohortId, "cohort-a");
});

Deno.test("parseAcceptForm() follows the password rules and keeps an empty name", () => {
  const pw = "correct horse battery";
  assert.deepEqual(parseAcceptForm({ name: "", password: pw, repeat: pw }), {
    ok: true,
    data: { name: "", password: pw },
  });
  assert.deepEqual(parseAcceptForm({ password: "", repeat: "" }), {
    ok: false,
    errors: { password: "invitations.accept.password_required" },
  });
  assert.deepEqual(
    parseAcceptForm({
      name: "x".repeat(51),
      password: "short",
      repeat: "short",
    }),
    {
      ok: false,
      errors: {
        name: "invitations.name_too_long",
        password: "invitations.accept.password_too_short",
      },
    },
  );
  assert.deepEqual(
    parseAcceptForm({ password: "x".repeat(129), repeat: "x".repeat(129) }),
    { ok: false, errors: { password: "invitations.accept.password_too_long" } },
  );
  assert.deepEqual(parseAcceptForm({ password: pw, repeat: pw + "!" }), {
    ok: false,
    errors: { repeat: "invitations.accept.repeat_mismatch" },
  });
  assert.deepEqual(parseAcceptForm({ password: 7, repeat: 7 }), {
    ok: false,
    errors: { password: "invitations.accept.password_required" },
  });
});
