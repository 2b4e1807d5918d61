import assert from "node:assert/strict";
import { startServer } from "./server.ts";

const opts = { sanitizeResources: false, sanitizeOps: false };
const server = await startServer({
  env: { SA_CONTENT_DIR: "tests/fixtures/xss-content" },
});
const lesson = "/courses/demo/basics/basics-stages";
const check = `${lesson}/checks/0`;

addEventListener("unload", () => server.process.kill("SIGKILL"));

const post = (
  path: string,
  body: string,
  headers: Record<string, string> = {},
) =>
  fetch(server.origin + path, {
    method: "POST",
    body,
    headers: {
      "content-type": "application/json",
      origin: server.origin,
      ...headers,
    },
  });

Deno.test({
  ...opts,
  name:
    "http: home, course and lesson pages answer 200 HTML with security headers",
}, async () => {
  for (const path of ["/", "/courses/demo", lesson]) {
    const res = await fetch(server.origin + path);
    assert.equal(res.status, 200, path);
    assert.equal(res.headers.get("content-type"), "text/html; charset=utf-8");
    assert.match(
      res.headers.get("content-security-policy") ?? "",
      /script-src 'self'; .*frame-ancestors 'none'/,
    );
    assert.equal(res.headers.get("x-content-type-options"), "nosniff");
    assert.ok(res.headers.get("referrer-policy"));
    const html = await res.text();
    assert.doesNotMatch(html, /<script>(?!<\/)/, "no inline script");
  }
});

Deno.test(
  { ...opts, name: "http: the lesson page never sends the answer key" },
  async () => {
    const html = await (await fetch(server.origin + lesson)).text();
    const state = /id="__frsh_state"[^>]*>(.*?)<\/script>/.exec(html)![1];
    assert.doesNotMatch(
      state,
      /"correct"|"answer"|"answers"|"explanation"|购买决定之前/,
    );
  },
);

Deno.test(
  { ...opts, name: "http: an inline check is graded on the server" },
  async () => {
    const right = await post(
      check,
      JSON.stringify({ answer: { type: "single", choice: "a" } }),
    );
    assert.equal(right.status, 200);
    assert.equal(right.headers.get("content-type"), "application/json");
    const body = await right.json();
    assert.equal(body.result, "correct");
    assert.match(body.explanation, /购买决定之前/);
    const wrong = await (await post(
      check,
      JSON.stringify({ answer: { type: "single", choice: "b" } }),
    )).json();
    assert.equal(wrong.result, "wrong");
  },
);

Deno.test({
  ...opts,
  name: "http: bad check input gets a 4xx naming what is wrong",
}, async () => {
  const cases: [string, number, RegExp][] = [
    ["not json", 400, /JSON/],
    [JSON.stringify({}), 422, /answer/],
    [JSON.stringify({ answer: { type: "single", choice: "zz" } }), 422, /zz/],
    [
      JSON.stringify({ answer: { type: "multiple", choices: ["a"] } }),
      422,
      /type/,
    ],
    [JSON.stringify({ answer: { type: "single", choice: 5 } }), 422, /choice/],
    [
      JSON.stringify({
        answer: { type: "written", text: "x".repeat(100_000) },
      }),
      413,
      /larger/,
    ],
  ];
  for (const [body, status, message] of cases) {
    const res = await post(check, body);
    assert.equal(res.status, status, body.slice(0, 60));
    assert.match(JSON.stringify(await res.json()), message);
  }
  const wrongType = await post(check, "{}", { "content-type": "text/plain" });
  assert.equal(wrongType.status, 415);
  await wrongType.body?.cancel();
});

Deno.test({
  ...opts,
  name: "http: a forged cross-site POST is refused with 403",
}, async () => {
  const forged = await post(
    check,
    JSON.stringify({ answer: { type: "single", choice: "a" } }),
    {
      origin: "https://evil.example",
    },
  );
  assert.equal(forged.status, 403);
  assert.match(await forged.text(), /请求被拒绝/);
  const noOrigin = await fetch(server.origin + check, {
    method: "POST",
    body: "{}",
  });
  assert.equal(noOrigin.status, 403);
  await noOrigin.body?.cancel();
});

Deno.test({
  ...opts,
  name: "http: bad requests get 4xx pages, never a 500 or a stack trace",
}, async () => {
  const cases: [string, RequestInit, number][] = [
    ["/no/such/page", {}, 404],
    ["/courses/nope", {}, 404],
    ["/courses/demo/basics/nope", {}, 404],
    ["/courses/demo/basics/basics-stages/checks/99", {
      method: "POST",
      headers: { origin: server.origin },
    }, 404],
    ["/%E0%A4%A", {}, 400],
    ["/courses/%E0%A4%A", {}, 400],
    ["/..%2f..%2fdeno.json", {}, 404],
    ["/", { method: "DELETE", headers: { origin: server.origin } }, 405],
    ["/lang?to=xx", {}, 400],
    ["/lang?to=en&next=//evil.example", {}, 400],
  ];
  for (const [path, init, status] of cases) {
    const res = await fetch(server.origin + path, init);
    const text = await res.text();
    assert.equal(res.status, status, `${init.method ?? "GET"} ${path}`);
    assert.doesNotMatch(
      text,
      /at .*\.ts:\d+|Error:|stack/i,
      `${path} shows no stack`,
    );
  }
});

Deno.test(
  { ...opts, name: "http: huge headers are refused with a 4xx" },
  async () => {
    const res = await fetch(server.origin + "/", {
      headers: { "x-big": "a".repeat(200_000) },
    }).catch(() => null);
    if (res) {
      assert.ok(res.status >= 400 && res.status < 500, `status ${res.status}`);
      await res.body?.cancel();
    }
  },
);

Deno.test({
  ...opts,
  name: "http: the language switch sets a cookie and returns to a local page",
}, async () => {
  const res = await fetch(server.origin + "/lang?to=en&next=/courses/demo", {
    redirect: "manual",
  });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get("location"), "/courses/demo");
  assert.match(res.headers.get("set-cookie") ?? "", /^lang=en;.*HttpOnly/i);
  const html =
    await (await fetch(server.origin + "/", { headers: { cookie: "lang=en" } }))
      .text();
  assert.match(html, /<html lang="en">/);
});
