import assert from "node:assert/strict";
import { parseStaffInviteForm } from "./staff_invite_form.ts";

Deno.test("parseStaffInviteForm() takes the four staff roles, no cohort", () => {
  for (const role of ["mentor", "trainer", "manager", "admin"]) {
    const r = parseStaffInviteForm({ role, name: "林培训", email: "t@x.cn" });
    assert.ok(r.ok && r.data.role === role, role);
  }
});

Deno.test("parseStaffInviteForm() reports every problem at once; a learner is not staff", () => {
  assert.deepEqual(
    parseStaffInviteForm({ role: "learner", name: "", email: "", phone: "" }),
    {
      ok: false,
      errors: {
        role: "staff.invite.role_invalid",
        name: "invitations.name_required",
        contact: "invitations.contact_required",
      },
    },
  );
  assert.deepEqual(
    parseStaffInviteForm({ role: "boss", name: "x", email: "not-mail" }),
    {
      ok: false,
      errors: {
        role: "staff.invite.role_invalid",
        email: "invitations.email_invalid",
      },
    },
  );
});
