import assert from "node:assert/strict";
import {
  dummyHash,
  hashPassword,
  needsRehash,
  PasswordSchema,
  PBKDF2_ITERATIONS,
  verifyPassword,
} from "./password.ts";
import { FAST } from "./testing.ts";

Deno.test("hashPassword() at the default 600,000 iterations verifies and is self-describing", async () => {
  const stored = await hashPassword("客服学院 password 1");
  const [scheme, iterations, salt, hash] = stored.split("$");
  assert.equal(scheme, "pbkdf2-sha256");
  assert.equal(Number(iterations), PBKDF2_ITERATIONS);
  assert.equal(atob(salt).length, 16);
  assert.equal(atob(hash).length, 32);
  assert.equal(await verifyPassword("客服学院 password 1", stored), true);
  assert.equal(await verifyPassword("客服学院 password 2", stored), false);
  assert.equal(needsRehash(stored), false);
});

Deno.test("hashPassword() salts: the same password gives different hashes", async () => {
  assert.notEqual(
    await hashPassword("same password", FAST),
    await hashPassword("same password", FAST),
  );
});

Deno.test("needsRehash() is true for fewer iterations or another scheme", async () => {
  const weak = await hashPassword("some password", FAST);
  assert.equal(needsRehash(weak), true);
  assert.equal(needsRehash(weak, FAST), false);
  assert.equal(needsRehash("bcrypt$2b$10$whatever"), true);
});

Deno.test("verifyPassword() never matches malformed hashes or the dummy hash", async () => {
  for (
    const stored of [
      "",
      "pbkdf2-sha256$x$y$z",
      "pbkdf2-sha256$0$AAAA$AAAA",
      "pbkdf2-sha256$99999999999$AA$AA",
      "a$b",
    ]
  ) {
    assert.equal(
      await verifyPassword("anything at all", stored),
      false,
      stored,
    );
  }
  assert.equal(await verifyPassword("", dummyHash(FAST)), false);
  assert.equal(dummyHash(FAST).split("$")[1], String(FAST));
});

Deno.test("verifyPassword() normalises Unicode (full-width digits typed by an IME)", async () => {
  const stored = await hashPassword("password１２３", FAST);
  assert.equal(await verifyPassword("password123", stored), true);
});

Deno.test("PasswordSchema allows 10 to 128 characters", () => {
  assert.equal(PasswordSchema.safeParse("123456789").success, false);
  assert.equal(PasswordSchema.safeParse("1234567890").success, true);
  assert.equal(PasswordSchema.safeParse("x".repeat(128)).success, true);
  assert.equal(PasswordSchema.safeParse("x".repeat(129)).success, false);
});
