import assert from "node:assert/strict";
import { signal } from "@preact/signals";
import { revive } from "./client/revive.ts";
import { jsonForScript, serialize, SerializeError, TAG } from "./serialize.ts";

const roundTrip = (value: unknown) =>
  revive(JSON.parse(JSON.stringify(serialize(value, 'island "T"'))), signal);

Deno.test("serialize() round-trips JSON plus Date, Map, Set, bigint, undefined and odd numbers", () => {
  const value = {
    s: "文本",
    n: 1.5,
    t: true,
    nil: null,
    u: undefined,
    d: new Date("2026-11-23T00:00:00.000Z"),
    m: new Map<string, unknown>([["a", 1], ["b", { c: [1, 2] }]]),
    set: new Set([1, "x"]),
    big: 12345678901234567890n,
    inf: Infinity,
    nan: NaN,
    negZero: -0,
    bytes: new Uint8Array([0, 1, 255]),
    [TAG]: "a key that looks like a tag",
  };
  const back = roundTrip(value) as typeof value;
  assert.deepEqual(back, value);
  assert.ok("u" in back);
  assert.ok(Object.is(back.negZero, -0));
});

Deno.test("serialize() keeps shared and circular references", () => {
  const shared = { x: 1 };
  const loop: Record<string, unknown> = { name: "loop" };
  loop.self = loop;
  const back = roundTrip({ a: shared, b: [shared], loop }) as {
    a: object;
    b: object[];
    loop: { self: unknown };
  };
  assert.equal(back.a, back.b[0]);
  assert.equal(back.loop.self, back.loop);
});

Deno.test("serialize() revives signals as signals with their value", () => {
  const back = roundTrip({ count: signal(5), list: signal([1, 2]) }) as {
    count: { value: number };
    list: { value: number[] };
  };
  assert.equal(back.count.value, 5);
  assert.deepEqual(back.list.value, [1, 2]);
});

Deno.test("serialize() names the island and the prop it cannot send", () => {
  assert.throws(
    () => serialize({ onClick: () => {} }, 'island "Quiz"'),
    (e: Error) => {
      assert.ok(e instanceof SerializeError);
      assert.equal(
        e.message,
        'Cannot serialize prop "onClick" of island "Quiz": a function cannot be serialized',
      );
      return true;
    },
  );
  assert.throws(
    () => serialize({ a: { b: [new URL("http://x")] } }, 'island "Q"'),
    /prop "a\.b\[0\]" of island "Q": a URL instance/,
  );
  assert.throws(
    () => serialize({ when: new Date("nope") }, 'island "Q"'),
    /invalid Date/,
  );
});

Deno.test("jsonForScript() cannot close its script element", () => {
  const out = jsonForScript({ text: "</script><script>alert(1)</script><!--" });
  assert.ok(!out.includes("<"));
  assert.deepEqual(JSON.parse(out), {
    text: "</script><script>alert(1)</script><!--",
  });
});
