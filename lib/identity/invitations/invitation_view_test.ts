import assert from "node:assert/strict";
import { createCohort } from "@/lib/identity/teams/cohort_store.ts";
import {
  type CsvError,
  type CsvErrorCode,
  importNewHires,
  parseNewHiresCsv,
} from "./csv_import.ts";
import { csvErrorText, invitableCohorts } from "./invitation_view.ts";
import type { Role } from "@/lib/identity/roles.ts";
import { createTeam } from "@/lib/identity/teams/team_store.ts";
import { makeUser, NOW } from "@/lib/identity/accounts/testing.ts";
import { en } from "@/lib/i18n/en.ts";
import { zhCN } from "@/lib/i18n/zh_cn.ts";

/** The placeholders a message uses, sorted. */
const placeholders = (text: string) =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

Deno.test("csvErrorText() has a message in both catalogs for every error csv_import.ts writes, filling exactly its placeholders", async () => {
  const cohort = { name: "第 11 期", startDate: "2026-03-01" };
  const team = { id: "t1", name: "售前一组" };
  const errors: CsvError[] = [
    ...parseNewHiresCsv("", cohort, team).errors,
    ...parseNewHiresCsv("x,y\n1,2", cohort, team).errors,
    ...parseNewHiresCsv("name,team,start date\na,b,c", cohort, team).errors,
    ...parseNewHiresCsv('name,email,team,start date\n"a,b', cohort, team)
      .errors,
    ...parseNewHiresCsv('name,email,team,start date\n"a"b,c', cohort, team)
      .errors,
    ...parseNewHiresCsv(
      [
        "name,email,phone,team,start date",
        "a,a@b.cn,,售前一组,2026-03-01,extra",
        ",abc,123,售后,2026-02-30",
        `${"长".repeat(51)},,,t1,2026-03-02`,
        "b,a@b.cn,,售前一组,",
        "c\u0007,c@b.cn,,,2026-03-01",
      ].join("\n"),
      cohort,
      team,
    ).errors,
    ...parseNewHiresCsv(
      "name,email,team,start date\n" +
        "a,a@b.cn,售前一组,2026-03-01\n".repeat(2001),
      cohort,
      team,
    ).errors,
  ];
  using kv = await Deno.openKv(":memory:");
  const admin = await makeUser(kv, "admin", "admin@example.com");
  const t = await createTeam(kv, { name: "售前一组" }, NOW);
  const c = await createCohort(kv, {
    name: "第 11 期",
    teamId: t.id,
    startDate: "2026-03-01",
  }, NOW);
  for (
    const file of [
      new Uint8Array(1024 * 1024 + 1),
      "name,email,team,start date\n,,,",
      "name,email,team,start date\nx,admin@example.com,售前一组,2026-03-01",
    ]
  ) {
    const r = await importNewHires(kv, admin.id, c.id, file, NOW);
    assert.equal(r.ok, false);
    if (!r.ok) errors.push(...r.errors);
  }
  errors.push(
    { line: 3, field: "email", code: "pending", params: { value: "x@y.cn" } },
    // What papaparse may say that no file above provokes.
    { line: 2, field: "file", code: "unreadable" },
  );
  const codes = new Set<CsvErrorCode>(errors.map((e) => e.code));
  assert.equal(codes.size, 22, [...codes].join(", "));
  for (const e of errors) {
    const text = csvErrorText(e);
    for (const catalog of [zhCN, en]) {
      const message = catalog[text.message];
      assert.ok(message, `${e.code} has no message`);
      assert.ok(catalog[text.field], `${e.field} has no name`);
      // Every placeholder is filled, and nothing is passed that is not shown.
      assert.deepEqual(
        placeholders(message),
        Object.keys(text.params).sort(),
        `${e.code}: ${message}`,
      );
    }
  }
});

Deno.test("csvErrorText() keeps the values it quotes, clipped, never a sentence of its own", () => {
  assert.deepEqual(
    csvErrorText({
      line: 4,
      field: "team",
      code: "team_wrong",
      params: { value: "售后二组", team: "售前一组" },
    }),
    {
      line: 4,
      field: "invitations.csv.field.team",
      message: "invitations.csv.team_wrong",
      params: { value: "售后二组", team: "售前一组" },
    },
  );
  const long = csvErrorText({
    line: 2,
    field: "email",
    code: "email_invalid",
    params: { value: "a".repeat(100) },
  });
  assert.equal(long.params.value, "a".repeat(60) + "…");
  assert.deepEqual(
    csvErrorText({
      line: 0,
      field: "file",
      code: "too_large",
      params: { bytes: 2_000_000 },
    }),
    {
      line: 0,
      field: "invitations.csv.field.file",
      message: "invitations.csv.too_large",
      params: { bytes: 2_000_000 },
    },
  );
});

Deno.test("invitableCohorts() offers admins every cohort and managers their teams' only", async () => {
  using kv = await Deno.openKv(":memory:");
  const admin = await makeUser(kv, "admin", "admin@example.com");
  const m1 = await makeUser(kv, "manager", "m1@example.com");
  const m2 = await makeUser(kv, "manager", "m2@example.com");
  const trainer = await makeUser(kv, "trainer", "t@example.com");
  const t1 = await createTeam(kv, { name: "一组", managerIds: [m1.id] }, NOW);
  const t2 = await createTeam(kv, { name: "二组", managerIds: [m2.id] }, NOW);
  await createCohort(kv, {
    id: "a",
    name: "A",
    teamId: t1.id,
    startDate: "2026-03-01",
  }, NOW);
  await createCohort(kv, {
    id: "b",
    name: "B",
    teamId: t2.id,
    startDate: "2026-04-01",
  }, NOW);
  const ids = async (
    u: { id: string; role: Role },
  ) => (await invitableCohorts(kv, u)).map((c) => c.id);
  assert.deepEqual(await ids(admin), ["b", "a"]);
  assert.deepEqual(await ids(m1), ["a"]);
  assert.deepEqual(await ids(m2), ["b"]);
  assert.deepEqual(await ids(trainer), []);
  assert.equal((await invitableCohorts(kv, m1))[0].teamName, "一组");
});
