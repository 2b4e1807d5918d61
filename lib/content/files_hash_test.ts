import assert from "node:assert/strict";
import { filesHash } from "./files_hash.ts";

const enc = new TextEncoder();

Deno.test("filesHash() is SHA-256 over name\\0size\\0bytes in name order", async () => {
  const framed = enc.encode("a\x001\x00xb\x001\x00y");
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", framed));
  const hex = Array.from(digest, (b) => b.toString(16).padStart(2, "0"))
    .join("");
  assert.equal(
    await filesHash([["b", enc.encode("y")], ["a", enc.encode("x")]]),
    hex,
  );
});

Deno.test("filesHash() changes with a renamed file or moved bytes", async () => {
  const one = await filesHash([["a", enc.encode("x")], ["b", enc.encode("y")]]);
  assert.notEqual(
    await filesHash([["a", enc.encode("x")], ["c", enc.encode("y")]]),
    one,
  );
  assert.notEqual(
    await filesHash([["a", enc.encode("xb")], ["", enc.encode("y")]]),
    one,
  );
});
