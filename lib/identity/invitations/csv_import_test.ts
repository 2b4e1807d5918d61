import assert from "node:assert/strict";
import { listMembershipsOfUser } from "@/lib/identity/teams/cohort_store.ts";
import {
  type CsvError,
  decodeCsv,
  formatCsvError,
  importNewHires,
  MAX_CSV_ROWS,
  parseNewHiresCsv,
} from "./csv_import.ts";
import { ForbiddenError } from "@/lib/errors.ts";
import {
  acceptInvitation,
  createInvitation,
  listPendingInvitations,
} from "./invitation_store.ts";
import { teamWithCohort } from "@/lib/identity/teams/testing.ts";
import { FAST, makeUser, NOW } from "@/lib/identity/accounts/testing.ts";

async function setup(kv: Deno.Kv) {
  const admin = await makeUser(kv, "admin", "admin@example.com");
  const manager = await makeUser(kv, "manager", "m@example.com");
  const { team, cohort } = await teamWithCohort(kv, [manager.id]);
  return { admin, manager, team, cohort };
}

const BAD = [
  "姓名,邮箱,手机号,团队,入职日期", // 1
  "李小雨,li@example.com,,售前一组,2026-03-01", // 2 fine
  "王晨,abc,,售前一组,2026-03-01", // 3
  ",wang@example.com,,售前一组,2026/3/1", // 4 (this date spelling is fine)
  "张一鸣,,12345,售后二组,2026-03-01", // 5
  "陈思思,LI@example.com,,售前一组,2026-03-02", // 6
  "", // 7
  "刘洋,,,售前一组,2026-02-30", // 8
  "赵敏,taken@example.com,,售前一组,2026-03-01", // 9
  '"孙', // 10: a quoted field over two lines
  '浩然",sun@example.com,,售前一组,2026-03-01', // 11
  "周静怡,zhou@example.com,13800000009,售前一组,", // 12
  "黄子涵,invited@example.com,,售前一组,2026-03-01", // 13
  ",,,,", // 14: empty row, skipped
  "杨帆,yang@example.com,+86 138 0000 0010,售前一组,2026-03-01", // 15 fine
].join("\r\n");

Deno.test("importNewHires() reports every bad row with its line and imports nothing", async () => {
  using kv = await Deno.openKv(":memory:");
  const { admin, manager, cohort } = await setup(kv);
  await makeUser(kv, "learner", "taken@example.com");
  await createInvitation(kv, admin.id, cohort.id, {
    name: "黄子涵",
    email: "invited@example.com",
  }, NOW);
  const result = await importNewHires(
    kv,
    manager.id,
    cohort.id,
    "\uFEFF" + BAD,
    NOW,
  );
  assert.equal(result.ok, false);
  const errors = (result as { errors: CsvError[] }).errors.map(formatCsvError);
  assert.deepEqual(errors, [
    'line 3: email: email_invalid {"value":"abc"}',
    "line 4: name: required",
    'line 5: phone: phone_invalid {"value":"12345"}',
    'line 5: team: team_wrong {"value":"售后二组","team":"售前一组"}',
    'line 6: email: duplicate {"value":"li@example.com","other":2}',
    'line 6: start date: date_wrong {"value":"2026-03-02","date":"2026-03-01"}',
    "line 8: email or phone: contact_required",
    'line 8: start date: date_invalid {"value":"2026-02-30"}',
    'line 9: email: taken {"value":"taken@example.com"}',
    "line 10: name: name_invalid",
    "line 12: start date: required",
    'line 13: email: pending {"value":"invited@example.com"}',
  ]);
  assert.equal(
    (await listPendingInvitations(kv, cohort.id, NOW)).length,
    1,
    "only the earlier invitation",
  );
});

Deno.test("importNewHires() imports a valid file: one working invitation per row", async () => {
  using kv = await Deno.openKv(":memory:");
  const { manager, cohort } = await setup(kv);
  const csv = [
    "name,email,phone,team,start date",
    "李小雨,li@example.com,,售前一组,2026-03-01",
    "王晨,,13800000002,售前一组,2026/3/1",
    "",
    '"张, 一鸣",zhang@example.com,13800000003,售前一组,2026-03-01',
  ].join("\n");
  const result = await importNewHires(
    kv,
    manager.id,
    cohort.id,
    new TextEncoder().encode(csv),
    NOW,
  );
  assert.ok(result.ok, JSON.stringify(result));
  assert.deepEqual(
    result.invitations.map((
      i,
    ) => [i.line, i.invitation.name, i.invitation.email, i.invitation.phone]),
    [
      [2, "李小雨", "li@example.com", undefined],
      [3, "王晨", undefined, "13800000002"],
      [5, "张, 一鸣", "zhang@example.com", "13800000003"],
    ],
  );
  assert.equal((await listPendingInvitations(kv, cohort.id, NOW)).length, 3);
  const user = await acceptInvitation(
    kv,
    result.invitations[1].token,
    { name: "王晨", password: "long enough!" },
    NOW,
    FAST,
  );
  assert.deepEqual(
    (await listMembershipsOfUser(kv, user.id)).map((m) => m.cohortId),
    [cohort.id],
  );
  // Importing the same file again: every login is now taken or invited.
  const again = await importNewHires(kv, manager.id, cohort.id, csv, NOW);
  assert.equal(again.ok, false);
  assert.equal((again as { errors: CsvError[] }).errors.length, 4);
});

Deno.test("importNewHires() issues more rows than one commit holds as a unit", async () => {
  using kv = await Deno.openKv(":memory:");
  const { admin, cohort } = await setup(kv);
  const rows = Array.from(
    { length: 650 },
    (_, i) => `学员${i},l${i}@example.com,售前一组,2026-03-01`,
  );
  const csv = ["name,email,team,start date", ...rows].join("\n");
  const result = await importNewHires(kv, admin.id, cohort.id, csv, NOW);
  assert.ok(result.ok);
  assert.equal(result.invitations.length, 650);
  assert.equal(result.invitations.at(-1)!.line, 651);
  assert.equal(
    (await listPendingInvitations(kv, cohort.id, NOW, 1000)).length,
    650,
  );
});

Deno.test("importNewHires() rolls back when a later commit fails, leaving no usable invitation", async () => {
  using real = await Deno.openKv(":memory:");
  const { admin, cohort } = await setup(real);
  let commits = 0;
  // A store whose 3rd commit fails (batch start, chunk 1 succeed; chunk 2 fails).
  const kv = new Proxy(real, {
    get(target, prop) {
      if (prop === "atomic") {
        return () => {
          const op = target.atomic();
          const commit = op.commit.bind(op);
          op.commit = () =>
            ++commits === 3
              ? Promise.resolve({ ok: false } as Deno.KvCommitError)
              : commit();
          return op;
        };
      }
      const v = Reflect.get(target, prop);
      return typeof v === "function" ? v.bind(target) : v;
    },
  });
  const rows = Array.from(
    { length: 650 },
    (_, i) => `学员${i},l${i}@example.com,售前一组,2026-03-01`,
  );
  const csv = ["name,email,team,start date", ...rows].join("\n");
  await assert.rejects(
    importNewHires(kv, admin.id, cohort.id, csv, NOW),
    /commit failed/,
  );
  assert.deepEqual(
    await listPendingInvitations(real, cohort.id, NOW, 1000),
    [],
  );
  assert.deepEqual(
    await Array.fromAsync(real.list({ prefix: ["invitations"] })),
    [],
  );
  assert.deepEqual(
    await Array.fromAsync(real.list({ prefix: ["invitations_by_login"] })),
    [],
  );
  assert.deepEqual(
    await Array.fromAsync(real.list({ prefix: ["invitation_batches"] })),
    [],
  );
  // And the same file then imports cleanly.
  assert.ok((await importNewHires(real, admin.id, cohort.id, csv, NOW)).ok);
});

Deno.test("importNewHires() checks the header, size, rows and the actor", async () => {
  using kv = await Deno.openKv(":memory:");
  const { cohort } = await setup(kv);
  const admin = (await Array.fromAsync(
    kv.list<{ id: string; role: string }>({ prefix: ["users"] }),
  )).find((e) => e.value.role === "admin")!.value;
  const outsider = await makeUser(kv, "manager", "other@example.com");
  await assert.rejects(
    importNewHires(kv, outsider.id, cohort.id, "name\n", NOW),
    ForbiddenError,
  );
  const errs = async (file: string) => {
    const r = await importNewHires(kv, admin.id, cohort.id, file, NOW);
    return r.ok ? [] : r.errors.map(formatCsvError);
  };
  assert.deepEqual(await errs("name,phone\nx,13800000001"), [
    'line 1: header: missing_column {"column":"team"}',
    'line 1: header: missing_column {"column":"start date"}',
  ]);
  assert.deepEqual(await errs("name,email,team,start date\n"), [
    "line 0: file: no_rows",
  ]);
  assert.deepEqual(await errs(""), ["line 0: file: empty"]);
  assert.deepEqual(
    await errs("name,email,team,start date\n王晨,w@x.cn,,售前一组,2026-03-01,"),
    [
      'line 2: row: field_count {"fields":6,"header":4}',
      "line 2: team: required",
      'line 2: start date: date_invalid {"value":"售前一组"}',
    ],
  );
  assert.deepEqual(await errs("x".repeat(1024 * 1024 + 1)), [
    'line 0: file: too_large {"bytes":1048577}',
  ]);
  const many = [
    "name,email,team,start date",
    ...Array.from(
      { length: MAX_CSV_ROWS + 1 },
      (_, i) => `n,e${i}@x.cn,售前一组,2026-03-01`,
    ),
  ];
  assert.deepEqual(await errs(many.join("\n")), [
    'line 0: file: too_many_rows {"rows":2001,"max":2000}',
  ]);
  assert.deepEqual(
    await errs('name,email,team,start date\n"open,a@b.cn,售前一组,2026-03-01'),
    [
      "line 2: file: unclosed_quote",
      "line 2: email or phone: contact_required",
      "line 2: team: required",
      "line 2: start date: required",
    ],
  );
});

Deno.test("parseNewHiresCsv() is pure; decodeCsv() reads GB18030 files from older Excel", () => {
  const gbk = new Uint8Array([0xd0, 0xd5, 0xc3, 0xfb]); // "姓名" in GBK
  assert.equal(decodeCsv(gbk), "姓名");
  const { rows, errors } = parseNewHiresCsv(
    "姓名\t手机\t团队\t开始日期\n李\t13800000001\tteam-a\t2026年3月1日",
    { name: "c", startDate: "2026-03-01" },
    { id: "team-a", name: "A" },
  );
  assert.deepEqual(errors, []);
  assert.deepEqual(rows, [{
    line: 2,
    name: "李",
    email: undefined,
    phone: "13800000001",
  }]);
});

Deno.test("parseNewHiresCsv() refuses a duplicate login however it is spelled, a long name and a stray quote, as codes", () => {
  const { rows, errors } = parseNewHiresCsv(
    [
      "name,email,phone,team,start date",
      "甲,a@x.cn,13800000001,售前一组,2026-03-01",
      "乙,A@X.CN,+86 138 0000 0001,售前一组,2026-03-01",
      `${"长".repeat(51)},c@x.cn,,售前一组,2026-03-01`,
      '"丙"x,d@x.cn,,售前一组,2026-03-01',
    ].join("\n"),
    { name: "第 11 期", startDate: "2026-03-01" },
    { id: "t1", name: "售前一组" },
  );
  assert.deepEqual(rows.map((r) => r.line), [2]);
  assert.deepEqual(errors.map(formatCsvError), [
    'line 3: email: duplicate {"value":"a@x.cn","other":2}',
    'line 3: phone: duplicate {"value":"13800000001","other":2}',
    "line 4: name: name_too_long",
    // papaparse then reads the rest of the file as one open quoted field.
    "line 5: file: bad_quote",
    "line 5: file: unclosed_quote",
    "line 5: email or phone: contact_required",
    "line 5: team: required",
    "line 5: start date: required",
  ]);
  // No English sentence travels in an error: only codes and quoted cells.
  for (const e of errors) {
    assert.ok(!("message" in e), JSON.stringify(e));
    assert.match(e.code, /^[a-z_]+$/);
  }
});
