import assert from "node:assert/strict";
import { normalizeEmail, normalizePhone, parseLogin } from "./contact.ts";
import {
  constantTimeEqual,
  hashToken,
  randomToken,
  TOKEN_PATTERN,
} from "./token.ts";

Deno.test("normalizeEmail() trims and lower-cases, and rejects non-addresses", () => {
  assert.equal(
    normalizeEmail("  Li.XiaoYu@Example.COM "),
    "li.xiaoyu@example.com",
  );
  assert.equal(normalizeEmail("abc"), null);
  assert.equal(normalizeEmail("a b@c.de"), null);
  assert.equal(normalizeEmail("a@b"), null);
});

Deno.test("normalizePhone() keeps the 11 digits of a China mobile number", () => {
  assert.equal(normalizePhone("138 0013 8000"), "13800138000");
  assert.equal(normalizePhone("+86 138-0013-8000"), "13800138000");
  assert.equal(normalizePhone("0086 13800138000"), "13800138000");
  assert.equal(normalizePhone("8613800138000"), "13800138000");
  assert.equal(normalizePhone("１３８００１３８０００"), "13800138000"); // full-width
  assert.equal(normalizePhone("23800138000"), null);
  assert.equal(normalizePhone("1380013800"), null);
  assert.equal(normalizePhone("010-12345678"), null);
});

Deno.test("parseLogin() tells phones from emails", () => {
  assert.deepEqual(parseLogin("+8613800138000"), {
    kind: "phone",
    value: "13800138000",
  });
  assert.deepEqual(parseLogin("A@B.cn"), { kind: "email", value: "a@b.cn" });
  assert.equal(parseLogin("nobody"), null);
});

Deno.test("randomToken() gives 256-bit base64url tokens; hashToken() hex SHA-256", async () => {
  const a = randomToken();
  assert.match(a, TOKEN_PATTERN);
  assert.notEqual(a, randomToken());
  assert.match(await hashToken(a), /^[0-9a-f]{64}$/);
  assert.equal(constantTimeEqual("abc", "abc"), true);
  assert.equal(constantTimeEqual("abc", "abd"), false);
  assert.equal(constantTimeEqual("abc", "abcd"), false);
});
