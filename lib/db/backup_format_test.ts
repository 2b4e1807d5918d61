import assert from "node:assert/strict";
import {
  decodeValue,
  encodeValue,
  entryLine,
  parseEntryLine,
} from "./backup_format.ts";

Deno.test("a backup line keeps every kind of key part and value", () => {
  const value = {
    at: new Date("2026-03-10T02:00:00Z"),
    bad: new Date(NaN),
    big: 12345678901234567890n,
    bytes: new Uint8Array([0, 255, 7]),
    nested: [1, "二", null, undefined, { $t: "not a tag", v: 1 }],
    map: new Map<unknown, unknown>([["a", 1], [2n, new Set([-0, NaN])]]),
    inf: -Infinity,
    u64: new Deno.KvU64(42n),
    ["__proto__"]: { own: true },
  };
  const key: Deno.KvKey = ["users", 1.5, 7n, true, new Uint8Array([1, 2])];
  const back = parseEntryLine(
    entryLine({ key, value, expiresAt: 1796645469039 }),
  );
  assert.deepStrictEqual(back.key, key);
  assert.deepStrictEqual(back.value, value);
  assert.equal(back.expiresAt, 1796645469039);
  assert.ok(Object.hasOwn(back.value as object, "__proto__"));
  assert.equal(Object.getPrototypeOf(back.value), Object.prototype);
});

Deno.test('a stored object with a "$t" field is not read as a tag', () => {
  const v = { $t: "date", v: "2026-01-01" };
  assert.deepStrictEqual(decodeValue(encodeValue(v)), v);
});
