import assert from "node:assert/strict";
import {
  addAuditEntry,
  appendAuditEntry,
  listAudit,
  listAuditAbout,
} from "@/lib/identity/audit/audit_store.ts";
import { minutesLater, NOW } from "@/lib/identity/accounts/testing.ts";

Deno.test("addAuditEntry() joins the caller's commit: no commit, no entry", async () => {
  using kv = await Deno.openKv(":memory:");
  const op = kv.atomic().check({
    key: ["thing"],
    versionstamp: "00000000000000010000",
  }).set(["thing"], 1);
  addAuditEntry(op, {
    actorId: "a",
    action: "content.published",
    targetType: "course",
    targetId: "onboarding",
  }, NOW);
  assert.equal((await op.commit()).ok, false);
  assert.deepEqual((await listAudit(kv)).entries, []);
  const op2 = kv.atomic().set(["thing"], 1);
  const entry = addAuditEntry(op2, {
    actorId: "a",
    action: "content.published",
    targetType: "course",
    targetId: "onboarding",
    detail: { version: 3 },
  }, NOW);
  const res = await op2.commit();
  assert.ok(res.ok);
  assert.equal(
    (await kv.get(["audit", entry.id])).versionstamp,
    res.versionstamp,
  );
});

Deno.test("listAudit() lists newest first, with a limit and a cursor", async () => {
  using kv = await Deno.openKv(":memory:");
  for (let i = 0; i < 5; i++) {
    await appendAuditEntry(kv, {
      actorId: "admin",
      action: "certificate.revoked",
      targetType: "certificate",
      targetId: `c${i}`,
      detail: { reason: "r" },
    }, minutesLater(i));
  }
  const first = await listAudit(kv, 3);
  assert.deepEqual(first.entries.map((e) => e.targetId), ["c4", "c3", "c2"]);
  const second = await listAudit(kv, 3, first.cursor);
  assert.deepEqual(second.entries.map((e) => e.targetId), ["c1", "c0"]);
  assert.equal(second.cursor, "");
  assert.deepEqual(
    (await listAuditAbout(kv, "certificate", "c2")).entries.map((e) => e.at),
    [minutesLater(2)],
  );
});

Deno.test("addAuditEntry() rejects unknown actions", () => {
  assert.throws(() =>
    addAuditEntry(
      {} as Deno.AtomicOperation,
      {
        actorId: "a",
        action: "user.deleted" as "user.disabled",
        targetType: "user",
        targetId: "u",
      },
      NOW,
    )
  );
});
