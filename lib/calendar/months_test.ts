import assert from "node:assert/strict";
import { addMonths, monthIndex, monthOfIndex } from "./months.ts";

Deno.test("months: a month number and back, across a year's end", () => {
  assert.equal(monthIndex("2026-01"), 2026 * 12);
  assert.equal(monthIndex("2026-12-31"), 2026 * 12 + 11);
  assert.equal(monthOfIndex(2026 * 12 + 11), "2026-12");
  assert.equal(monthOfIndex(2027 * 12), "2027-01");
});

Deno.test("addMonths moves a date's month, backwards over January too", () => {
  assert.equal(addMonths("2026-01-15", -1), "2025-12");
  assert.equal(addMonths("2026-11-30", 2), "2027-01");
  assert.equal(addMonths("2026-03-01", 0), "2026-03");
});
