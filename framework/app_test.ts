import assert from "node:assert/strict";
import { createHandler } from "./server.ts";
import manifest from "./testdata/app/fresh.gen.ts";
import { MAX_CACHED_FRAGMENTS } from "./src/render.ts";

const handler = await createHandler(manifest, { dev: true });
const base = "http://localhost";

async function get(path: string, init?: RequestInit) {
  const res = await handler(new Request(base + path, init));
  return { res, body: await res.text() };
}

Deno.test("routing: index, literal, dotted file and group folders", async () => {
  assert.match((await get("/")).body, /<h1>home<\/h1>/);
  assert.match((await get("/foo.bar")).body, /dotted/);
  const pricing = await get("/pricing");
  assert.equal(pricing.res.status, 200);
  assert.match(
    pricing.body,
    /<div class="marketing"><p class="pricing">pricing<\/p><\/div>/,
  );
});

Deno.test("routing: a literal segment beats [param], params are decoded", async () => {
  assert.match((await get("/users/new")).body, /new user form/);
  assert.match((await get("/users/42")).body, /user 42/);
  assert.match((await get("/users/%E5%BC%A0%E4%B8%89")).body, /user 张三/);
});

Deno.test("routing: [[optional]] matches with and without the segment", async () => {
  assert.match((await get("/docs")).body, /docs \[\]/);
  assert.match((await get("/docs/zh")).body, /docs \[zh\]/);
  assert.equal((await get("/docs/zh/extra")).res.status, 404);
});

Deno.test("routing: [...rest] matches the bare prefix and deep paths", async () => {
  assert.match((await get("/files")).body, /files \[\]/);
  assert.match((await get("/files/a/b/c.txt")).body, /files \[a\/b\/c.txt\]/);
});

Deno.test("routing: routeOverride replaces the file path", async () => {
  assert.match((await get("/custom/hello")).body, /override hello/);
  assert.equal((await get("/override")).res.status, 404);
});

Deno.test("routing: private folders and test files are not routes", async () => {
  assert.equal((await get("/helper")).res.status, 404);
  assert.equal((await get("/helper_test")).res.status, 404);
  assert.ok(
    !Object.keys(manifest.routes).some((k) =>
      k.includes("(_private)") || k.includes("_test")
    ),
  );
});

Deno.test("routing: a trailing slash redirects without it, never off-site", async () => {
  const { res } = await get("/users/42/?x=1");
  assert.equal(res.status, 307);
  assert.equal(res.headers.get("location"), "/users/42?x=1");
  const evil = await get("//evil.example/");
  assert.equal(evil.res.headers.get("location"), "/evil.example");
});

Deno.test("middleware: outer runs before inner, arrays in order, state reaches the app", async () => {
  const { res, body } = await get("/users/7");
  assert.match(body, /via root,users-a,users-b/);
  assert.match(
    body,
    /data-trail="root&gt;users-a&gt;users-b"|data-trail="root>users-a>users-b"/,
  );
  assert.equal(res.headers.get("x-mw"), "root:route");
});

Deno.test("middleware: runs for static files and 404s with the right destination", async () => {
  assert.equal(
    (await get("/hello.txt")).res.headers.get("x-mw"),
    "root:static",
  );
  assert.equal(
    (await get("/nowhere")).res.headers.get("x-mw"),
    "root:notFound",
  );
});

Deno.test("layouts: nested layout wraps, skipInheritedLayouts drops it, skipAppWrapper drops the app", async () => {
  assert.match(
    (await get("/users/1")).body,
    /<section class="users-layout"><p class="user">/,
  );
  const solo = await get("/users/solo");
  assert.doesNotMatch(solo.body, /users-layout/);
  assert.match(solo.body, /data-app="yes"/);
  const bare = await get("/bare");
  assert.doesNotMatch(bare.body, /data-app/);
  assert.match(bare.body, /<body class="bare">bare<\/body>/);
});

Deno.test("handlers: ctx.render with data, status and headers; repeated Set-Cookie kept", async () => {
  const { res, body } = await get("/form");
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("x-extra"), "1");
  assert.deepEqual(res.headers.getSetCookie(), ["a=1", "b=2"]);
  assert.match(body, /name=get/);
  const post = await get("/form", {
    method: "POST",
    body: new URLSearchParams({ name: "<b>x</b>" }),
  });
  assert.equal(post.res.status, 422);
  assert.match(post.body, /name=&lt;b>x&lt;\/b>/);
});

Deno.test("handlers: HEAD comes from GET with no body", async () => {
  const { res, body } = await get("/form", { method: "HEAD" });
  assert.equal(res.status, 200);
  assert.equal(body, "");
  assert.equal(res.headers.get("x-extra"), "1");
});

Deno.test("handlers: other methods get 405 with Allow", async () => {
  const put = await get("/form", { method: "PUT" });
  assert.equal(put.res.status, 405);
  assert.equal(put.res.headers.get("allow"), "GET, HEAD, POST");
  assert.match(put.body, /status 405/);
  const onlyPost = await get("/only-post");
  assert.equal(onlyPost.res.status, 405);
  assert.equal(onlyPost.res.headers.get("allow"), "POST");
  assert.equal((await get("/only-post", { method: "POST" })).body, "posted");
});

Deno.test("handlers: a function handler answers every method and sees ctx.route", async () => {
  const { res, body } = await get("/api/echo", { method: "DELETE" });
  assert.equal(res.status, 200);
  assert.deepEqual(JSON.parse(body), { method: "DELETE", route: "/api/echo" });
});

Deno.test("async routes: may return JSX or a Response", async () => {
  assert.match((await get("/async?q=hi")).body, /async hi/);
  const redirect = await get("/async?redirect");
  assert.equal(redirect.res.status, 303);
});

Deno.test("404: unknown route, renderNotFound with data, thrown Deno.errors.NotFound", async () => {
  const unknown = await get("/no/such/page");
  assert.equal(unknown.res.status, 404);
  assert.match(unknown.body, /missing \/no\/such\/page/);
  assert.match(unknown.body, /data-app="yes"/);
  const missing = await get("/missing");
  assert.equal(missing.res.status, 404);
  assert.match(missing.body, /gone/);
  assert.equal((await get("/throws-not-found")).res.status, 404);
});

Deno.test("500: a thrown error renders _500 without its message", async () => {
  const original = console.error;
  console.error = () => {};
  try {
    const { res, body } = await get("/throws");
    assert.equal(res.status, 500);
    assert.match(body, /status 500/);
    assert.doesNotMatch(body, /secret internal detail/);
  } finally {
    console.error = original;
  }
});

Deno.test("500: a route's error reaches the middleware around it, which may map it; outer middleware still decorates", async () => {
  const { res, body } = await get("/users/teapot");
  assert.equal(res.status, 418);
  assert.match(body, /status 418/);
  assert.doesNotMatch(body, /no coffee here/);
  assert.equal(res.headers.get("x-mw"), "root:route");
});

Deno.test("bad requests: malformed percent-encoding is a 400 page, not a 500", async () => {
  const { res, body } = await get("/users/%E0%A4%A");
  assert.equal(res.status, 400);
  assert.match(body, /status 400/);
  assert.equal((await get("/%00")).res.status, 400);
});

Deno.test("Head: children move into <head>, one title, last keyed element wins", async () => {
  const { body } = await get("/head");
  const head = body.slice(body.indexOf("<head>"), body.indexOf("</head>"));
  assert.equal(head.match(/<title>/g)?.length, 1);
  assert.match(head, /<title>second<\/title>/);
  assert.match(head, /content="two"/);
  assert.doesNotMatch(head, /content="one"/);
  assert.match(head, /href="\/css\/site.css\?__frsh_c=[0-9a-f]{12}"/);
  assert.ok(body.startsWith("<!DOCTYPE html>"));
});

Deno.test("islands: a page without islands ships no JavaScript", async () => {
  const { body } = await get("/no-islands");
  assert.doesNotMatch(body, /<script/);
  assert.doesNotMatch(body, /modulepreload/);
});

Deno.test("islands: boundaries marked, props serialized, children rendered on the server", async () => {
  const { res, body } = await get("/islands");
  assert.equal(res.status, 200);
  assert.match(
    body,
    /<frsh-island data-island="0"><div class="counter" data-browser="false" data-props-ok="true">/,
  );
  assert.match(
    body,
    /<frsh-slot data-slot="0"><p class="slotted">server child<\/p><\/frsh-slot>/,
  );
  assert.match(
    body,
    /<frsh-island data-island="1"><button type="button" class="lazy"/,
  );
  assert.match(
    body,
    /<script type="module" src="\/_frsh\/js\/main-[A-Z0-9]+\.js"><\/script>/,
  );
  const json =
    /<script type="application\/json" id="__frsh_state" data-signals="true">(.*?)<\/script>/
      .exec(body);
  assert.ok(json, "state script present");
  assert.doesNotMatch(json[1], /<\/script>/i, "no script breakout from props");
  const state = JSON.parse(json[1]);
  assert.equal(state.islands.length, 2);
  assert.equal(state.islands[0].export, "default");
  assert.equal(state.islands[0].slot, true);
  assert.equal(state.islands[1].export, "Lazy");
  assert.equal(state.islands[1].load, "visible");
  assert.equal(
    state.islands[0].props.text,
    "</script><script>alert(1)</script>",
  );
});

Deno.test("islands: an unserializable prop is an error naming the island and the prop", async () => {
  const logged: unknown[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => logged.push(...args);
  try {
    const { res } = await get("/bad-island");
    assert.equal(res.status, 500);
    assert.ok(
      logged.some((e) =>
        e instanceof Error && /prop "onPick" of island "Lazy"/.test(e.message)
      ),
    );
  } finally {
    console.error = original;
  }
});

Deno.test("bundle: island chunks are content-hashed, minified and cached as immutable", async () => {
  const { body } = await get("/islands");
  const main = /src="(\/_frsh\/js\/main-[A-Z0-9]+\.js)"/.exec(body)![1];
  const js = await get(main);
  assert.equal(js.res.status, 200);
  assert.equal(
    js.res.headers.get("content-type"),
    "text/javascript; charset=utf-8",
  );
  assert.equal(
    js.res.headers.get("cache-control"),
    "public, max-age=31536000, immutable",
  );
  assert.ok(!js.body.includes("\n  "), "minified");
  const preloads = [...body.matchAll(/rel="modulepreload" href="([^"]+)"/g)]
    .map((m) => m[1]);
  assert.ok(preloads.length >= 2);
  for (const url of preloads) assert.equal((await get(url)).res.status, 200);
});

Deno.test("static: content type, ETag and 304, asset() query makes it immutable", async () => {
  const { res, body } = await get("/hello.txt");
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("content-type"), "text/plain; charset=utf-8");
  assert.equal(body, "hello static\n");
  const tag = res.headers.get("etag")!;
  assert.ok(tag);
  const again = await get("/hello.txt", { headers: { "if-none-match": tag } });
  assert.equal(again.res.status, 304);
  assert.equal(again.body, "");
  const css = await get("/css/site.css");
  assert.equal(css.res.headers.get("content-type"), "text/css; charset=utf-8");
  assert.equal(
    css.res.headers.get("cache-control"),
    "public, max-age=0, must-revalidate",
  );
  const head = (await get("/head")).body;
  const versioned =
    /href="(\/css\/site.css\?__frsh_c=[0-9a-f]+)"/.exec(head)![1];
  assert.equal(
    (await get(versioned)).res.headers.get("cache-control"),
    "public, max-age=31536000, immutable",
  );
});

Deno.test("static: traversal is impossible, encoded or not", async () => {
  for (
    const path of [
      "/../deno.json",
      "/%2e%2e/deno.json",
      "/css/..%2f..%2fdeno.json",
      "/..%5c..%5cdeno.json",
      "/%2e%2e%2f%2e%2e%2fmain.ts",
      "/css/%2e%2e/%2e%2e/fresh.gen.ts",
    ]
  ) {
    const { res, body } = await get(path);
    assert.ok(
      res.status === 404 || res.status === 400,
      `${path} -> ${res.status}`,
    );
    assert.doesNotMatch(body, /import \* as|"imports"/);
  }
});

Deno.test("RenderCache: stays bounded, keeps what is used, and sends cached text and head intact", async () => {
  const hot = (await get("/cached-many?id=hot")).body;
  assert.match(hot, /<title>缓存 hot<\/title>/);
  assert.match(hot, /<p class="live">请求 hot<\/p>/);
  assert.match(hot, /<p class="counted">片段 hot 渲染 1 次<\/p>/);
  for (let i = 0; i < MAX_CACHED_FRAGMENTS + 100; i++) {
    await get(`/cached-many?id=cold-${i}`);
    if (i % 50 === 0) {
      assert.match(
        (await get("/cached-many?id=hot")).body,
        /片段 hot 渲染 1 次/,
        "a fragment in use is kept",
      );
    }
  }
  assert.match(
    (await get("/cached-many?id=cold-0")).body,
    /片段 cold-0 渲染 2 次/,
    "the least recently used fragment was dropped",
  );
  const last = (await get(`/cached-many?id=cold-${MAX_CACHED_FRAGMENTS + 99}`))
    .body;
  assert.match(last, /渲染 1 次/, "a recent one is still cached");
  assert.doesNotMatch(last, /frsh-fragment/, "no marker is ever sent");
});

Deno.test("RenderCache: renders once per id, keeps islands inside working; an island in an island is plain", async () => {
  const first = (await get("/cached?who=ann")).body;
  const second = (await get("/cached?who=bob")).body;
  assert.match(first, /<p class="live">ann<\/p>/);
  assert.match(
    second,
    /<p class="live">bob<\/p>/,
    "the uncached part is per request",
  );
  assert.match(first, /rendered 1/);
  assert.match(second, /rendered 1/, "the cached part was not rendered again");
  const ids = (html: string) =>
    [...html.matchAll(/data-island="([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(ids(first), ids(second));
  assert.equal(
    ids(first).length,
    2,
    "the cached island and Outer; Counter inside Outer is plain",
  );
  const state = JSON.parse(
    /id="__frsh_state"[^>]*>(.*?)<\/script>/.exec(second)![1],
  );
  assert.deepEqual(
    state.islands.map((i: { export: string }) => i.export).sort(),
    ["Lazy", "default"],
  );
  assert.match(second, /<section class="outer"><div class="counter"/);
});

Deno.test("Head: a <Head> title and meta replace ones from a cached fragment of the document head, every time", async () => {
  for (let i = 0; i < 3; i++) {
    const { body } = await get("/head-cached");
    const head = body.slice(0, body.indexOf("</head>"));
    assert.equal((head.match(/<title>/g) ?? []).length, 1);
    assert.match(head, /<title>page title<\/title>/);
    assert.equal((head.match(/name="description"/g) ?? []).length, 1);
    assert.match(head, /content="page description"/);
    assert.match(head, /<meta name="keep" content="kept"\/>/);
    assert.match(head, /<meta charset="utf-8"\/>/);
  }
  // A page without <Head> keeps the app's.
  const plain = (await get("/")).body;
  assert.match(plain, /<title>app title<\/title>/);
  assert.match(plain, /content="app description"/);
});
