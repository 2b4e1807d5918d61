import assert from "node:assert/strict";
import { originFrom } from "./public_origin.ts";

const behindProxy = new URL("http://10.0.0.5:8000/invitations");

Deno.test("originFrom() uses the request's origin when nothing is set", () => {
  assert.equal(originFrom(undefined, behindProxy), "http://10.0.0.5:8000");
  assert.equal(originFrom("", behindProxy), "http://10.0.0.5:8000");
});

Deno.test("originFrom() uses the configured public origin, without path", () => {
  assert.equal(
    originFrom("https://academy.example.com/some/path", behindProxy),
    "https://academy.example.com",
  );
});

Deno.test("originFrom() refuses a setting that is not an http(s) URL", () => {
  assert.throws(() => originFrom("academy.example.com", behindProxy));
  assert.throws(() => originFrom("ftp://academy.example.com", behindProxy));
});
