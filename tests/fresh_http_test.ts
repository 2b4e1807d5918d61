/**
 * The Fresh layer's HTTP details, as Fresh 1.7 behaves (the layer's
 * contract; see README, "The Fresh layer"):
 * - a trailing slash redirects with 307 to the path without it, query kept;
 * - repeated slashes collapse into one, in the same 307, and the target is
 *   always a path on this site (`//evil.example/` -> `/evil.example`);
 * - a static file answers 304 when `If-None-Match` matches its ETag by weak
 *   comparison (`W/"x"` matches `"x"`), 200 when it does not;
 * - `asset()` URLs carry the file's hash and are immutable for a year; a URL
 *   with a stale hash (a page from an older build) redirects (307) to the
 *   current one;
 * - route params are percent-decoded (`/r/%E5%9F%BA` gives `基`).
 */
import assert from "node:assert/strict";
import { createHandler } from "$fresh/server.ts";
import manifest from "./fixtures/fresh_app/fresh.gen.ts";

const handler = await createHandler(manifest, { dev: true });

async function get(path: string, init?: RequestInit) {
  const res = await handler(new Request("http://localhost" + path, init));
  return { res, body: await res.text() };
}

Deno.test("http: a trailing slash is a 307 to the path without it, query kept", async () => {
  const { res } = await get("/r/42/?x=1&y=2");
  assert.equal(res.status, 307);
  assert.equal(res.headers.get("location"), "/r/42?x=1&y=2");
  // The root keeps its slash.
  assert.notEqual((await get("/")).res.status, 307);
});

Deno.test("http: repeated slashes collapse in one 307, never off-site", async () => {
  for (
    const [path, location] of [
      ["//r/42", "/r/42"],
      ["/r//42", "/r/42"],
      ["/r///42//?q=1", "/r/42?q=1"],
      ["//evil.example/", "/evil.example"],
      ["///evil.example", "/evil.example"],
    ]
  ) {
    const { res } = await get(path);
    assert.equal(res.status, 307, path);
    assert.equal(res.headers.get("location"), location, path);
  }
});

Deno.test("http: If-None-Match gets a 304 on a matching ETag, weak or strong; 200 otherwise", async () => {
  const first = await get("/site.css");
  assert.equal(first.res.status, 200);
  const tag = first.res.headers.get("etag")!;
  assert.match(tag, /^(W\/)?"[^"]+"$/);
  const bare = tag.replace(/^W\//, "");
  for (const inm of [tag, `W/${bare}`, bare, `"other", W/${bare}`, "*"]) {
    const again = await get("/site.css", { headers: { "if-none-match": inm } });
    assert.equal(again.res.status, 304, inm);
    assert.equal(again.body, "");
    assert.equal(again.res.headers.get("etag"), tag);
  }
  for (const inm of ['"other"', 'W/"other"', bare.slice(0, -2) + '"']) {
    const miss = await get("/site.css", { headers: { "if-none-match": inm } });
    assert.equal(miss.res.status, 200, inm);
    assert.equal(miss.body, first.body);
    assert.match(miss.body, /margin: 0/);
  }
});

Deno.test("http: an asset URL with a stale build hash redirects (307) to the current one", async () => {
  const page = await get("/assets");
  const current = /src="(\/img\/logo\.svg\?__frsh_c=[0-9a-f]+)"/.exec(
    page.body,
  )![1];
  const ok = await get(current);
  assert.equal(ok.res.status, 200);
  assert.equal(
    ok.res.headers.get("cache-control"),
    "public, max-age=31536000, immutable",
  );
  const stale = await get("/img/logo.svg?__frsh_c=0123456789ab&v=2");
  assert.equal(stale.res.status, 307);
  const location = stale.res.headers.get("location")!;
  assert.equal(new URL(location, "http://x").pathname, "/img/logo.svg");
  const params = new URL(location, "http://x").searchParams;
  assert.equal(params.get("v"), "2");
  assert.equal(
    `/img/logo.svg?__frsh_c=${params.get("__frsh_c")}`,
    current,
  );
  // Without the query the file is served, revalidated each time.
  const plain = await get("/img/logo.svg");
  assert.equal(plain.res.status, 200);
  assert.equal(
    plain.res.headers.get("cache-control"),
    "public, max-age=0, must-revalidate",
  );
});

Deno.test("http: route params are percent-decoded", async () => {
  const { body } = await get("/r/%E5%9F%BA%20x");
  assert.deepEqual(JSON.parse(body).params, { id: "基 x" });
  const rest = await get("/r/rest/%E5%9F%BA/a%2Fb");
  assert.deepEqual(JSON.parse(rest.body).params, { path: "基/a/b" });
  const bad = await get("/r/%E0%A4%A");
  assert.equal(bad.res.status, 400);
});
