import assert from "node:assert/strict";
import {
  FormTooLargeError,
  MAX_FORM_BODY_BYTES,
  newCsrfToken,
  presentedToken,
  tokensMatch,
} from "./csrf.ts";

function post(body: BodyInit, headers: Record<string, string> = {}): Request {
  return new Request("http://localhost/x", { method: "POST", body, headers });
}

/** A body stream with no declared length, as a chunked upload arrives. */
function streamOf(
  bytes: number,
  chunk = 64 * 1024,
): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const n = Math.min(chunk, bytes - sent);
      sent += n;
      controller.enqueue(new Uint8Array(n).fill(97));
    },
  });
}

Deno.test("presentedToken reads the header before the body", async () => {
  const req = post(new URLSearchParams({ _csrf: "from-body" }), {
    "x-csrf-token": "from-header",
  });
  assert.equal(await presentedToken(req), "from-header");
});

Deno.test("presentedToken reads a form field and leaves the body for the route", async () => {
  const form = new FormData();
  form.set("_csrf", "tok");
  form.set("name", "李雷");
  const req = post(form);
  assert.equal(await presentedToken(req), "tok");
  assert.equal((await req.formData()).get("name"), "李雷");
});

Deno.test("presentedToken ignores bodies that are not forms", async () => {
  const req = post(JSON.stringify({ _csrf: "tok" }), {
    "content-type": "application/json",
  });
  assert.equal(await presentedToken(req), null);
});

Deno.test("presentedToken refuses a declared length over the cap", async () => {
  const req = post(new URLSearchParams({ _csrf: "tok" }), {
    "content-length": String(MAX_FORM_BODY_BYTES + 1),
  });
  await assert.rejects(() => presentedToken(req), FormTooLargeError);
});

Deno.test("presentedToken stops reading an undeclared body at the cap", async () => {
  const req = post(streamOf(4 * MAX_FORM_BODY_BYTES), {
    "content-type": "application/x-www-form-urlencoded",
  });
  await assert.rejects(() => presentedToken(req, 100_000), FormTooLargeError);
});

Deno.test("presentedToken accepts an undeclared body under the cap", async () => {
  const req = post(streamOf(1000), {
    "content-type": "application/x-www-form-urlencoded",
  });
  assert.equal(await presentedToken(req), null);
});

Deno.test("tokensMatch compares whole tokens and refuses missing ones", () => {
  const token = newCsrfToken();
  assert.ok(tokensMatch(token, token));
  assert.ok(!tokensMatch(token.slice(1), token));
  assert.ok(!tokensMatch(null, token));
  assert.ok(!tokensMatch(token, null));
  assert.ok(!tokensMatch("", ""));
});
