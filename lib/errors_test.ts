import assert from "node:assert/strict";
import {
  ConflictError,
  DomainError,
  errorKey,
  ERRORS,
  errorStatus,
  errorText,
  ForbiddenError,
  found,
  isCoded,
  NotFoundError,
  parseInput,
  ValidationError,
} from "./errors.ts";
import { translate, translator } from "@/lib/i18n/i18n.ts";
import { z } from "zod";
import { ScoringInputError } from "@/lib/quiz/score.ts";
import { ScenarioInputError } from "@/lib/scenario/engine.ts";
import { DrillInputError } from "@/lib/drill/drill_run_store.ts";
import { AttemptClosedError } from "@/lib/quiz/attempt_store.ts";
import { UnreadableFormError } from "@/lib/http/body.ts";
import { FormTooLargeError } from "@/lib/http/csrf.ts";

Deno.test("every code has a client-error status and a message in both languages", () => {
  for (const [code, { status, key }] of Object.entries(ERRORS)) {
    assert.ok(status >= 400 && status < 500, `${code}: ${status}`);
    for (const lang of ["zh-CN", "en"] as const) {
      const text = translate(lang, key, { max: 200 });
      assert.ok(text && text !== key, `${code}: ${lang} message`);
    }
  }
  // zh-CN sentences end with full-width punctuation.
  for (const { key } of Object.values(ERRORS)) {
    assert.match(translate("zh-CN", key, { max: 1 }), /[。！？]$/, key);
  }
});

Deno.test("domain errors carry their code, field and status; the text is the code's, not the message", () => {
  const t = translator("zh-CN");
  const cases: [Error & { code: keyof typeof ERRORS }, string, number][] = [
    [new NotFoundError("user 01H… missing"), "not-found", 404],
    [new ForbiddenError("not their team"), "forbidden", 403],
    [new ConflictError("login a@b.c taken", "login-taken"), "login-taken", 409],
    [new ConflictError("raced"), "conflict", 409],
    [new ValidationError("name", "too long"), "invalid", 422],
    [
      new ScoringInputError('q.x: "maybe" is not true or false'),
      "answer-invalid",
      422,
    ],
    [
      new ScenarioInputError(
        "text",
        "The reply is 300 characters",
        "reply-too-long",
        {
          max: 200,
        },
      ),
      "reply-too-long",
      422,
    ],
    [
      new DrillInputError(
        "itemId",
        'Item "b" is not current',
        "not-current-step",
      ),
      "not-current-step",
      422,
    ],
    [new AttemptClosedError("01H"), "attempt-closed", 409],
    [new UnreadableFormError(415, "JSON sent"), "body-unsupported", 415],
    [new UnreadableFormError(400, "bad form"), "body-unreadable", 400],
    [new FormTooLargeError(), "body-too-large", 413],
  ];
  for (const [error, code, status] of cases) {
    assert.ok(isCoded(error), error.name);
    assert.equal(error.code, code, error.name);
    assert.equal(errorStatus(error.code), status, error.name);
    const text = errorText(t, error);
    assert.equal(text, t(errorKey(code as keyof typeof ERRORS), { max: 200 }));
    assert.ok(!text.includes(error.message), `${error.name}: message leaked`);
  }
  const tooLong = new ScenarioInputError("text", "x", "reply-too-long", {
    max: 200,
  });
  assert.equal(errorText(t, tooLong), "回复太长：最多 200 个字。");
  assert.equal(
    errorText(translator("en"), tooLong),
    "The reply is too long: at most 200 characters.",
  );
  assert.equal(new ValidationError("name", "too long").field, "name");
  // Not-found errors stay Deno.errors.NotFound: the framework's 404 page.
  assert.ok(new NotFoundError("x") instanceof Deno.errors.NotFound);
  // Plain errors are not coded: the middleware treats them as unexpected.
  assert.equal(isCoded(new Error("boom")), false);
  assert.equal(isCoded(new TypeError("Cannot read")), false);
  assert.equal(isCoded({ code: "invalid" }), false);
  assert.ok(new ValidationError("a", "b") instanceof DomainError);
});

Deno.test("parseInput: the first problem as a ValidationError naming the field", () => {
  const schema = z.object({ name: z.string().min(1, "teams.name_required") });
  assert.deepEqual(parseInput(schema, { name: "甲" }), { name: "甲" });
  assert.throws(() => parseInput(schema, { name: "" }), (e) => {
    assert.ok(e instanceof ValidationError);
    assert.equal(e.field, "name");
    assert.equal(e.code, "invalid");
    return true;
  });
  assert.throws(() => parseInput(z.string(), 3), (e) => {
    assert.ok(e instanceof ValidationError);
    assert.equal(e.field, "value");
    return true;
  });
});

Deno.test("found(): a value passes through (0 and empty text too); null or undefined is a NotFoundError naming it", () => {
  assert.equal(found(0, "count"), 0);
  assert.equal(found("", "text"), "");
  const team = { id: "t1" };
  assert.equal(found(team, 'team "t1"'), team);
  for (const missing of [null, undefined]) {
    assert.throws(
      () => found(missing, 'team "t9"'),
      (e: unknown) =>
        e instanceof NotFoundError && e.code === "not-found" &&
        e.message === 'Cannot find team "t9"',
    );
  }
});
