/**
 * `ctx.route` is the route's pattern in Fresh's form (the layer's contract):
 * `[id]` -> `/:id`, `post-[id]` -> `/post-:id`, `[[lang]]` -> `{/:lang}?`,
 * `[...path]` -> `/:path*`, literal paths as they are. lib/auth/policy.ts
 * keys follow this form, so moving to upstream Fresh keeps every policy.
 */
import assert from "node:assert/strict";
import { createHandler } from "$fresh/server.ts";
import manifest from "./fixtures/fresh_app/fresh.gen.ts";

const handler = await createHandler(manifest, { dev: true });

async function echo(path: string) {
  const res = await handler(new Request("http://localhost" + path));
  assert.equal(res.status, 200, path);
  return await res.json() as {
    route: string;
    params: Record<string, string>;
  };
}

Deno.test("ctx.route: [param] is /:name", async () => {
  assert.deepEqual(await echo("/r/42"), {
    route: "/r/:id",
    params: { id: "42" },
  });
});

Deno.test("ctx.route: a literal file beats [param] and reports its path", async () => {
  assert.deepEqual(await echo("/r/literal"), {
    route: "/r/literal",
    params: {},
  });
});

Deno.test("ctx.route: [[optional]] is {/:name}? and matches with and without", async () => {
  assert.deepEqual(await echo("/r/opt"), {
    route: "/r/opt{/:lang}?",
    params: { lang: "" },
  });
  assert.deepEqual(await echo("/r/opt/zh"), {
    route: "/r/opt{/:lang}?",
    params: { lang: "zh" },
  });
});

Deno.test("ctx.route: [...rest] is /:name* and matches the bare prefix", async () => {
  assert.deepEqual(await echo("/r/rest"), {
    route: "/r/rest/:path*",
    params: { path: "" },
  });
  assert.deepEqual(await echo("/r/rest/a/b"), {
    route: "/r/rest/:path*",
    params: { path: "a/b" },
  });
});

Deno.test("ctx.route: a mixed segment post-[id] is /post-:id", async () => {
  assert.deepEqual(await echo("/r/post/post-7"), {
    route: "/r/post/post-:id",
    params: { id: "7" },
  });
  const miss = await handler(new Request("http://localhost/r/post/7"));
  assert.equal(miss.status, 404);
});

Deno.test("ctx.route: the app's policy keys use the same form", async () => {
  const { ROUTE_POLICY } = await import("@/lib/auth/policy.ts");
  const keys = Object.keys(ROUTE_POLICY);
  assert.ok(keys.includes("/courses/:course/:module/:lesson"));
  assert.deepEqual(keys.filter((k) => k.includes("(")), []);
});
