import assert from "node:assert/strict";
import {
  isoWeek,
  isWeek,
  logCopy,
  logSearch,
  previousWeek,
  weekUsage,
} from "./usage_store.ts";

Deno.test("isoWeek() follows ISO 8601 at year ends", () => {
  assert.equal(isoWeek(new Date("2026-12-07T10:00:00Z")), "2026-W50");
  assert.equal(isoWeek(new Date("2027-01-01T10:00:00Z")), "2026-W53");
  assert.equal(isoWeek(new Date("2025-12-29T10:00:00Z")), "2026-W01");
  assert.equal(previousWeek("2026-W50"), "2026-W49");
  assert.equal(previousWeek("2026-W01"), "2025-W52");
  assert.ok(isWeek("2026-W09"));
  assert.ok(!isWeek("2026-W60"));
  assert.ok(!isWeek("2026-12-07"));
});

Deno.test("weekUsage() counts searches, zero-result searches and copies per week, most first", async () => {
  const kv = await Deno.openKv(":memory:");
  try {
    const mon = new Date("2026-12-07T09:00:00Z");
    const nextWeek = new Date("2026-12-14T09:00:00Z");
    await logSearch(kv, "退款多久到账", 4, mon);
    await logSearch(kv, " 退款多久到账 ", 4, mon);
    await logSearch(kv, "量子计算机", 0, mon);
    await logSearch(kv, "", 0, mon); // an empty search is a listing, not counted
    await logCopy(kv, "aftersale-refund-time", mon);
    await logCopy(kv, "aftersale-refund-time", mon);
    await logCopy(kv, "logistics-lost", mon);
    await logSearch(kv, "快递丢了", 2, nextWeek);
    const w = await weekUsage(kv, isoWeek(mon));
    assert.deepEqual(w.searches, [
      { what: "退款多久到账", count: 2 },
      { what: "量子计算机", count: 1 },
    ]);
    assert.deepEqual(w.zero, [{ what: "量子计算机", count: 1 }]);
    assert.deepEqual(w.copies[0], { what: "aftersale-refund-time", count: 2 });
    assert.equal(w.totalSearches, 3);
    assert.equal(w.totalCopies, 3);
    const empty = await weekUsage(kv, "2026-W40");
    assert.deepEqual(empty.searches, []);
    assert.equal(empty.totalCopies, 0);
  } finally {
    kv.close();
  }
});
