import assert from "node:assert/strict";
import { isSameOriginRequest } from "./origin_check.ts";

const post = (headers: Record<string, string>) =>
  new Request("http://academy.test/x", {
    method: "POST",
    headers: { host: "academy.test", ...headers },
  });

Deno.test("isSameOriginRequest() lets safe methods through", () => {
  assert.equal(isSameOriginRequest(new Request("http://academy.test/")), true);
});

Deno.test("isSameOriginRequest() accepts same-origin Origin or Referer", () => {
  assert.equal(
    isSameOriginRequest(post({ origin: "http://academy.test" })),
    true,
  );
  assert.equal(
    isSameOriginRequest(post({ referer: "http://academy.test/courses/x" })),
    true,
  );
});

Deno.test("isSameOriginRequest() refuses cross-site, null and missing sources", () => {
  assert.equal(
    isSameOriginRequest(post({ origin: "https://evil.example" })),
    false,
  );
  assert.equal(isSameOriginRequest(post({ origin: "null" })), false);
  assert.equal(isSameOriginRequest(post({})), false);
  assert.equal(isSameOriginRequest(post({ referer: "not a url" })), false);
});
