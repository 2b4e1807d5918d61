import assert from "node:assert/strict";
import { sha256Hex, toHex } from "./digest.ts";

Deno.test("toHex pads every byte to two digits", () => {
  assert.equal(toHex(new Uint8Array([0, 1, 15, 16, 255])), "00010f10ff");
  assert.equal(toHex(new Uint8Array()), "");
});

Deno.test("sha256Hex matches the published vectors, for text and for bytes", async () => {
  // FIPS 180-2 examples: "abc" and the empty string.
  const abc =
    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  assert.equal(await sha256Hex("abc"), abc);
  assert.equal(await sha256Hex(new TextEncoder().encode("abc")), abc);
  assert.equal(
    await sha256Hex(""),
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  );
  // UTF-8, not UTF-16: a Chinese character is three bytes.
  assert.notEqual(await sha256Hex("退"), await sha256Hex("\u9000\0"));
});
