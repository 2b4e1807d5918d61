/**
 * Static asset URLs as in Fresh 1.7 (the layer's contract): `src` and
 * `srcset` of `<img>` and `<source>` that point at a file in static/ get the
 * same cache-busting query as `asset()`, so the file is served as immutable
 * for a year; URLs of other sites, missing files and elements with
 * `data-fresh-disable-lock` are left alone. (The stale-hash redirect is in
 * fresh_http_test.ts.)
 */
import assert from "node:assert/strict";
import { fixtureGet } from "./fresh_fixture.ts";

Deno.test("assets: img and source src/srcset point at versioned static URLs", async () => {
  const { body } = await fixtureGet("/assets");
  const v = /\/img\/logo\.svg\?__frsh_c=([0-9a-f]{12})/.exec(body)![1];
  const v2 = /\/img\/logo-2x\.svg\?__frsh_c=([0-9a-f]{12})/.exec(body)![1];
  assert.notEqual(v, v2);
  assert.match(
    body,
    new RegExp(
      `srcset="/img/logo.svg\\?__frsh_c=${v} 1x, /img/logo-2x.svg\\?__frsh_c=${v2} 2x"`,
    ),
  );
  assert.match(
    body,
    new RegExp(`<source srcset="/img/logo-2x.svg\\?__frsh_c=${v2}"`),
  );
  assert.match(body, /<img src="\/img\/missing.svg" alt="missing"/);
  assert.match(body, /<img src="https:\/\/cdn.example\/x.svg"/);
  assert.match(body, /<img src="\/img\/logo.svg" alt="locked"/);
  const file = await fixtureGet(`/img/logo.svg?__frsh_c=${v}`);
  assert.equal(file.res.status, 200);
  assert.equal(
    file.res.headers.get("cache-control"),
    "public, max-age=31536000, immutable",
  );
});
