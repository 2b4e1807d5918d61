import assert from "node:assert/strict";
import { ForbiddenError } from "@/lib/errors.ts";
import { createCohort } from "@/lib/identity/teams/cohort_store.ts";
import { createTeam } from "@/lib/identity/teams/team_store.ts";
import { makeUser, NOW } from "@/lib/identity/accounts/testing.ts";
import type { User } from "@/lib/identity/accounts/user_store.ts";
import { MAX_CSV_BYTES } from "./csv_import.ts";
import { listPendingInvitations } from "./invitation_store.ts";
import { importBodyTooLarge, submitImport } from "./import_submit.ts";
import { invitableCohorts } from "./invitation_view.ts";

async function setup(kv: Deno.Kv) {
  const m1 = await makeUser(kv, "manager", "m1@example.com");
  const m2 = await makeUser(kv, "manager", "m2@example.com");
  const t1 = await createTeam(kv, { name: "一组", managerIds: [m1.id] }, NOW);
  const t2 = await createTeam(kv, { name: "二组", managerIds: [m2.id] }, NOW);
  for (const [id, teamId] of [["c1", t1.id], ["c2", t2.id]]) {
    await createCohort(kv, {
      id,
      name: `批次 ${id}`,
      teamId,
      startDate: "2026-03-01",
    }, NOW);
  }
  return { m1, m2 };
}

/** The form a browser sends. */
function upload(cohortId: string, lines: string[], name = "hires.csv") {
  const form = new FormData();
  form.set("cohortId", cohortId);
  form.set(
    "file",
    new File([["name,email,team,start date", ...lines].join("\n")], name),
  );
  return form;
}

/** `actor` submits `form` on their import page (the cohorts they may invite into) at NOW. */
async function importAs(kv: Deno.Kv, actor: User, form: FormData) {
  return await submitImport(
    kv,
    actor.id,
    await invitableCohorts(kv, actor),
    form,
    NOW,
  );
}

Deno.test("submitImport() turns a good file into one link per row, with the cohort's label", async () => {
  using kv = await Deno.openKv(":memory:");
  const { m1 } = await setup(kv);
  const out = await importAs(
    kv,
    m1,
    upload("c1", ["甲,a@x.cn,一组,2026-03-01", "乙,b@x.cn,一组,2026/3/1"]),
  );
  assert.ok(out.ok, JSON.stringify(out));
  assert.equal(out.imported.cohortName, "批次 c1 · 一组");
  assert.deepEqual(
    out.imported.invitations.map((i) => [i.line, i.name, i.contact]),
    [[2, "甲", "a@x.cn"], [3, "乙", "b@x.cn"]],
  );
  assert.equal(new Set(out.imported.invitations.map((i) => i.token)).size, 2);
  assert.equal((await listPendingInvitations(kv, "c1", NOW)).length, 2);
});

Deno.test("submitImport() refuses bad rows and duplicate emails line by line, as message keys, and imports nothing", async () => {
  using kv = await Deno.openKv(":memory:");
  const { m1 } = await setup(kv);
  const out = await importAs(
    kv,
    m1,
    upload("c1", [
      "甲,a@x.cn,一组,2026-03-01",
      "乙,A@X.CN,一组,2026-03-01",
      "丙,not-an-email,二组,2026-03-01",
    ], "x".repeat(300) + ".csv"),
  );
  assert.equal(out.ok, false);
  if (out.ok) return;
  assert.equal(out.status, 422);
  assert.equal(out.cohortId, "c1");
  assert.equal(out.fileName?.length, 100);
  assert.deepEqual(out.csvErrors, [
    {
      line: 3,
      field: "invitations.csv.field.email",
      message: "invitations.csv.duplicate",
      params: { value: "a@x.cn", other: 2 },
    },
    {
      line: 4,
      field: "invitations.csv.field.email",
      message: "invitations.csv.email_invalid",
      params: { value: "not-an-email" },
    },
    {
      line: 4,
      field: "invitations.csv.field.team",
      message: "invitations.csv.team_wrong",
      params: { value: "二组", team: "一组" },
    },
  ]);
  assert.deepEqual(await listPendingInvitations(kv, "c1", NOW), []);
});

Deno.test("submitImport(): a manager importing into another team's cohort is refused (403); an unknown cohort is the cohort field's problem", async () => {
  using kv = await Deno.openKv(":memory:");
  const { m1 } = await setup(kv);
  await assert.rejects(
    importAs(kv, m1, upload("c2", ["甲,a@x.cn,二组,2026-03-01"])),
    ForbiddenError,
  );
  assert.deepEqual(await listPendingInvitations(kv, "c2", NOW), []);
  assert.deepEqual(
    await importAs(kv, m1, upload("no-such", ["甲,a@x.cn,一组,2026-03-01"])),
    {
      ok: false,
      status: 422,
      cohortId: "no-such",
      errors: { cohortId: "invitations.cohort_unknown" },
    },
  );
});

Deno.test("submitImport() checks the form before the file: no file, an empty or oversized one, a bad cohort id", async () => {
  using kv = await Deno.openKv(":memory:");
  const { m1 } = await setup(kv);
  const form = (cohortId: string, file?: File) => {
    const f = new FormData();
    f.set("cohortId", cohortId);
    if (file) f.set("file", file);
    return f;
  };
  const submit = (f: FormData) => importAs(kv, m1, f);
  assert.deepEqual(await submit(form("c1")), {
    ok: false,
    status: 422,
    cohortId: "c1",
    errors: { file: "invitations.import.file_required" },
  });
  const big = await submit(
    form("c1", new File([new Uint8Array(MAX_CSV_BYTES + 1)], "big.csv")),
  );
  assert.deepEqual(big, {
    ok: false,
    status: 413,
    cohortId: "c1",
    errors: { file: "invitations.import.file_too_large" },
  });
  const empty = await submit(
    form("<b>" + "x".repeat(60), new File([], "empty.csv")),
  );
  assert.deepEqual(empty, {
    ok: false,
    status: 422,
    cohortId: "<b>" + "x".repeat(37),
    errors: {
      cohortId: "invitations.cohort_unknown",
      file: "invitations.import.file_empty",
    },
  });
  assert.equal(importBodyTooLarge(null), false);
  assert.equal(importBodyTooLarge(String(MAX_CSV_BYTES)), false);
  assert.equal(importBodyTooLarge(String(MAX_CSV_BYTES * 2)), true);
});
