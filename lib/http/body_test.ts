import assert from "node:assert/strict";
import { guardFormReading, UnreadableFormError } from "./body.ts";
import { FormTooLargeError, presentedForm } from "./csrf.ts";

const post = (body: BodyInit, type?: string, headers: HeadersInit = {}) =>
  new Request("http://x/", {
    method: "POST",
    body,
    headers: { ...(type ? { "content-type": type } : {}), ...headers },
  });

Deno.test("guardFormReading(): a form parses as before", async () => {
  const req = post("a=1&b=%E4%BD%A0", "application/x-www-form-urlencoded");
  guardFormReading(req);
  const form = await req.formData();
  assert.equal(form.get("a"), "1");
  assert.equal(form.get("b"), "你");
});

Deno.test("guardFormReading(): a body that is not a form is a 415, a broken one a 400, never a TypeError", async () => {
  for (
    const [body, type, status] of [
      ['{"a":1}', "application/json", 415],
      ["a=1", "text/plain", 415],
      ["a=1", undefined, 415],
      ["x", "multipart/form-data", 400],
      ["x", "multipart/form-data; boundary=", 400],
    ] as const
  ) {
    const req = post(body, type);
    guardFormReading(req);
    await assert.rejects(
      () => req.formData(),
      (e) => e instanceof UnreadableFormError && e.status === status,
      `${type}: ${body}`,
    );
  }
});

Deno.test("presentedForm(): a form is capped even when the token comes as a header", async () => {
  const big = "a=" + "x".repeat(2000);
  await assert.rejects(
    () =>
      presentedForm(
        post(big, "application/x-www-form-urlencoded", {
          "x-csrf-token": "t",
        }),
        1000,
      ),
    FormTooLargeError,
  );
  const small = await presentedForm(
    post("_csrf=body&a=1", "application/x-www-form-urlencoded", {
      "x-csrf-token": "header",
    }),
    1000,
  );
  assert.equal(small.token, "header");
  assert.equal(small.form?.get("a"), "1");
});
