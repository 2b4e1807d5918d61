import assert from "node:assert/strict";
import { HttpError } from "$fresh/server.ts";
import { RefusedError } from "@/lib/auth/refusal.ts";
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from "@/lib/errors.ts";
import { ScoringInputError } from "@/lib/quiz/score.ts";
import {
  CodedHttpError,
  toHttpError,
  UnexpectedError,
} from "./domain_errors.ts";

const request = { method: "POST", path: "/admin/teams" };

Deno.test("toHttpError: coded errors get their code's status, and nothing is logged", () => {
  const logged: unknown[] = [];
  const log = (line: string, e: unknown) => logged.push(line, e);
  const cases: [Error, number, string][] = [
    [new ConflictError("taken", "login-taken"), 409, "login-taken"],
    [new ConflictError("used", "invitation-used"), 410, "invitation-used"],
    [new ValidationError("name", "bad"), 422, "invalid"],
    [new ScoringInputError("q.a: nope"), 422, "answer-invalid"],
  ];
  for (const [error, status, code] of cases) {
    const out = toHttpError(error, request, log);
    assert.ok(out instanceof CodedHttpError, error.name);
    assert.equal(out.status, status);
    assert.equal(out.code, code);
  }
  // Refusals, other HttpErrors and not-found pass through as they are.
  const refused = new RefusedError({ reason: "forged" });
  assert.equal(toHttpError(refused, request, log), refused);
  const tooBig = new HttpError(413);
  assert.equal(toHttpError(tooBig, request, log), tooBig);
  const missing = new NotFoundError("no such team");
  assert.equal(toHttpError(missing, request, log), missing);
  // A ForbiddenError is the refusal page ("you may not do this").
  const forbidden = toHttpError(new ForbiddenError("not theirs"), request, log);
  assert.ok(forbidden instanceof RefusedError);
  assert.equal(forbidden.refusal.reason, "action");
  assert.deepEqual(logged, []);
});

Deno.test("toHttpError: an unexpected error is logged once under a new request id, which the 500 carries", () => {
  const logged: [string, unknown][] = [];
  const boom = new TypeError(
    'Cannot read ["teams","x"]: name: expected string',
  );
  const out = toHttpError(boom, request, (line, e) => logged.push([line, e]));
  assert.ok(out instanceof UnexpectedError);
  assert.equal(out.status, 500);
  assert.match(out.requestId, /^[0-9a-f]{12}$/);
  assert.equal(new Headers(out.headers).get("x-request-id"), out.requestId);
  assert.equal(logged.length, 1);
  assert.equal(
    logged[0][0],
    `[request ${out.requestId}] POST /admin/teams failed:`,
  );
  assert.equal(logged[0][1], boom);
  // Each failure gets its own id.
  const again = toHttpError(new Error("x"), request, () => {});
  assert.ok(again instanceof UnexpectedError);
  assert.notEqual(again.requestId, out.requestId);
});
