import assert from "node:assert/strict";
import { z } from "zod";
import { getStored } from "./decode.ts";

const Item = z.object({ name: z.string(), at: z.coerce.date() });

Deno.test("getStored(): null for an empty key, the decoded value when stored, a TypeError naming the key when it does not fit", async () => {
  const kv = await Deno.openKv(":memory:");
  try {
    assert.equal(await getStored(kv, ["items", "none"], Item), null);
    await kv.set(["items", "a"], { name: "甲", at: "2026-12-07T00:00:00Z" });
    const a = await getStored(kv, ["items", "a"], Item);
    assert.equal(a?.name, "甲");
    assert.ok(a?.at instanceof Date);
    await kv.set(["items", "bad"], { name: 3 });
    await assert.rejects(
      () => getStored(kv, ["items", "bad"], Item),
      (e: unknown) =>
        e instanceof TypeError && /\["items","bad"\]/.test(e.message),
    );
  } finally {
    kv.close();
  }
});
