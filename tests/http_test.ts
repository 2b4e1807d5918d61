import assert from "node:assert/strict";
import { startServer } from "./server.ts";
import { client } from "./session.ts";

const opts = { sanitizeResources: false, sanitizeOps: false };
const server = await startServer({
  env: { SA_CONTENT_DIR: "tests/fixtures/content" },
});
addEventListener("unload", () => server.process.kill("SIGKILL"));

const lesson = "/courses/demo/basics/basics-stages";
const check = `${lesson}/checks/0`;
const learner = client(server.origin);
await learner.signIn("learner@demo.academy");

Deno.test({
  ...opts,
  name:
    "http: an anonymous visitor sees the home page and is sent to sign in for lessons",
}, async () => {
  const anon = client(server.origin);
  const home = await anon.get("/");
  assert.equal(home.status, 200);
  await home.body?.cancel();
  const res = await anon.get(lesson);
  assert.equal(res.status, 303);
  assert.equal(
    res.headers.get("location"),
    `/login?next=${encodeURIComponent(lesson)}`,
  );
  const api = await anon.get(check, {
    method: "POST",
    headers: { accept: "application/json", origin: server.origin },
  });
  assert.ok(api.status === 401 || api.status === 403, `status ${api.status}`);
  await api.body?.cancel();
});

Deno.test({
  ...opts,
  name:
    "http: pages answer 200 HTML with security headers and no inline script",
}, async () => {
  for (
    const path of [
      "/",
      "/courses/demo",
      lesson,
      "/courses/demo/scenarios",
      "/courses/demo/drills",
    ]
  ) {
    const res = await learner.get(path);
    assert.equal(res.status, 200, path);
    assert.equal(res.headers.get("content-type"), "text/html; charset=utf-8");
    assert.match(
      res.headers.get("content-security-policy") ?? "",
      /script-src 'self';.*frame-ancestors 'none'/,
    );
    assert.equal(res.headers.get("x-content-type-options"), "nosniff");
    assert.ok(res.headers.get("referrer-policy"));
    assert.doesNotMatch(
      await res.text(),
      /<script>|<script type="module">[^<]/,
      "no inline script",
    );
  }
});

Deno.test(
  { ...opts, name: "http: the lesson page never sends the answer key" },
  async () => {
    const html = await (await learner.get(lesson)).text();
    const state = /id="__frsh_state"[^>]*>(.*?)<\/script>/.exec(html)![1];
    assert.match(state, /"prompt":/, "the question itself is there");
    assert.doesNotMatch(
      state,
      /"correct":true|"answers?":[[{"tf]|"explanation":"|购买决定之前/,
    );
  },
);

Deno.test(
  { ...opts, name: "http: an inline check is graded on the server" },
  async () => {
    const right = await learner.postJson(check, {
      answer: { type: "single", choice: "a" },
    });
    assert.equal(right.status, 200);
    assert.equal(right.headers.get("content-type"), "application/json");
    const body = await right.json();
    assert.equal(body.result, "correct");
    assert.match(body.explanation, /购买决定之前/);
    const wrong = await (await learner.postJson(check, {
      answer: { type: "single", choice: "b" },
    })).json();
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
  // Messages are the error codes' own, in the UI language: checked in
  // English against the patterns, and in Chinese for being Chinese.
  for (const lang of ["en", "zh-CN"]) {
    for (const [body, status, message] of cases) {
      const res = await learner.get(check, {
        method: "POST",
        body,
        headers: {
          origin: server.origin,
          "content-type": "application/json",
          "x-csrf-token": learner.csrf,
          "accept-language": lang,
        },
      });
      assert.equal(res.status, status, body.slice(0, 60));
      const json = await res.json();
      if (lang === "en") assert.match(JSON.stringify(json), message);
      const texts = Object.values(json.errors) as string[];
      assert.ok(texts.length > 0, body.slice(0, 60));
      for (const text of texts) {
        if (lang === "zh-CN") assert.match(text, /[\u4e00-\u9fff]/, text);
        assert.doesNotMatch(text, /Cannot score|Content-Type|UTF-8/, text);
      }
    }
  }
});

Deno.test({
  ...opts,
  name:
    "http: a forged cross-site POST or a missing CSRF token is refused with 403",
}, async () => {
  const forged = await learner.postJson(check, {
    answer: { type: "single", choice: "a" },
  }, {
    headers: { origin: "https://evil.example" },
  });
  assert.equal(forged.status, 403);
  const page = await forged.text();
  assert.match(page, /请求被拒绝/, page.slice(0, 300));
  const noToken = await learner.postJson(check, {
    answer: { type: "single", choice: "a" },
  }, {
    headers: { "x-csrf-token": "" },
  });
  assert.equal(noToken.status, 403);
  await noToken.body?.cancel();
  const wrongToken = await learner.postForm(`${lesson}/complete`, {
    _csrf: "A".repeat(43),
  });
  assert.equal(wrongToken.status, 403);
  await wrongToken.body?.cancel();
});

Deno.test({
  ...opts,
  name: "http: bad requests get 4xx pages, never a 500 or a stack trace",
}, async () => {
  const cases: [string, RequestInit, number][] = [
    ["/no/such/page", {}, 404],
    ["/courses/nope", {}, 404],
    ["/courses/demo/basics/nope", {}, 404],
    ["/%E0%A4%A", {}, 400],
    ["/courses/%E0%A4%A", {}, 400],
    ["/..%2f..%2fdeno.json", {}, 404],
    ["/", { method: "DELETE" }, 403],
    ["/lang?to=xx", {}, 400],
    ["/lang?to=en&next=//evil.example", {}, 400],
  ];
  for (const [path, init, status] of cases) {
    const res = await learner.get(path, init);
    const text = await res.text();
    assert.equal(res.status, status, `${init.method ?? "GET"} ${path}`);
    assert.doesNotMatch(
      text,
      /at .*\.ts:\d+|Error:|stack/i,
      `${path} shows no stack`,
    );
  }
  const put = await learner.get("/", {
    method: "PUT",
    headers: { origin: server.origin, "x-csrf-token": learner.csrf },
  });
  assert.equal(put.status, 405);
  assert.equal(put.headers.get("allow"), "GET, HEAD");
  await put.body?.cancel();
});

Deno.test({
  ...opts,
  name: "http: huge headers are refused with a 4xx, never a 5xx",
}, async () => {
  const res = await fetch(server.origin + "/", {
    headers: { "x-big": "a".repeat(200_000) },
  }).catch(() => null);
  // The server may also just close the connection; either way nothing breaks.
  if (res) {
    assert.ok(res.status >= 400 && res.status < 500, `status ${res.status}`);
    await res.body?.cancel();
  }
  assert.equal(
    (await fetch(server.origin + "/")).status,
    200,
    "server still serves",
  );
});

Deno.test({
  ...opts,
  name:
    "http: the language switch sets a cookie and returns to the page it was on",
}, async () => {
  const anon = client(server.origin);
  const res = await anon.get("/lang?to=en", {
    headers: { referer: `${server.origin}/courses/demo` },
  });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get("location"), "/courses/demo");
  assert.match(res.headers.get("set-cookie") ?? "", /lang=en;.*HttpOnly/i);
  const offsite = await anon.get("/lang?to=en", {
    headers: { referer: "https://evil.example/x" },
  });
  assert.equal(offsite.headers.get("location"), "/");
  const html = await (await anon.get("/")).text();
  assert.match(html, /<html lang="en">/);
});

Deno.test({
  ...opts,
  name:
    "http: the sign-in form rejects bad input field by field, changing nothing",
}, async () => {
  const anon = client(server.origin);
  await anon.get("/login");
  const html = await (await anon.get("/login")).text();
  anon.csrf = /name="_csrf" value="([^"]+)"/.exec(html)![1];
  const cases: [Record<string, string>, RegExp][] = [
    [{ login: "", password: "x" }, /请输入邮箱或手机号/],
    [{ login: "a".repeat(101), password: "x" }, /太长了/],
    [
      { login: "<script>alert(1)</script>", password: "x" },
      /请输入有效的邮箱或 11 位手机号/,
    ],
    [{ login: "learner@demo.academy", password: "" }, /请输入密码/],
    // A field left out entirely gets a sentence too, never zod's English.
    [{ login: "learner@demo.academy" }, /请输入密码/],
    [{ password: "x" }, /请输入有效的邮箱或 11 位手机号/],
    [
      { login: "learner@demo.academy", password: "p".repeat(129) },
      /密码太长了/,
    ],
  ];
  for (const [fields, message] of cases) {
    const res = await anon.postForm("/login", fields);
    assert.equal(res.status, 422, JSON.stringify(fields).slice(0, 60));
    const body = await res.text();
    assert.match(body, message);
    assert.doesNotMatch(body, /<script>alert/);
    assert.doesNotMatch(body, /Invalid input/);
  }
});

Deno.test({
  ...opts,
  name:
    "http: wrong passwords lock the account without revealing whether it exists",
}, async () => {
  const anon = client(server.origin);
  const html = await (await anon.get("/login")).text();
  anon.csrf = /name="_csrf" value="([^"]+)"/.exec(html)![1];
  const known = [];
  const unknown = [];
  for (let i = 0; i < 6; i++) {
    known.push(
      (await anon.postForm("/login", {
        login: "learner2@demo.academy",
        password: "wrong-password",
      })).status,
    );
    unknown.push(
      (await anon.postForm("/login", {
        login: "nobody@demo.academy",
        password: "wrong-password",
      })).status,
    );
  }
  assert.deepEqual(known, [401, 401, 401, 401, 401, 429]);
  assert.deepEqual(
    unknown,
    known,
    "same answers for a known and an unknown account",
  );
  const locked = await anon.postForm("/login", {
    login: "learner2@demo.academy",
    password: "Demo-2026-academy",
  });
  assert.equal(
    locked.status,
    429,
    "even the right password waits out the lock",
  );
  assert.match(await locked.text(), /15 分钟/);
});

Deno.test({
  ...opts,
  name: "http: roles are enforced: a manager cannot take a learner's quiz",
}, async () => {
  const manager = client(server.origin);
  await manager.signIn("manager@demo.academy");
  const res = await manager.get("/courses/demo/basics/quiz");
  assert.equal(res.status, 403);
  await res.body?.cancel();
  const lessonRes = await manager.get(lesson);
  assert.equal(lessonRes.status, 200, "but may read the course");
  await lessonRes.body?.cancel();
});

Deno.test({
  ...opts,
  name:
    "http: a visitor gets a CSRF cookie only from a page with a form, and signs in with it",
}, async () => {
  const anon = client(server.origin);
  const home = await anon.get("/");
  assert.equal(home.headers.get("set-cookie"), null, "home has no form");
  assert.doesNotMatch(await home.text(), /csrf-token/);
  const login = await anon.get("/login");
  assert.match(login.headers.get("set-cookie") ?? "", /^sa_csrf=[\w-]{43};/);
  const token = /name="_csrf" value="([^"]+)"/.exec(await login.text())?.[1];
  assert.ok(token && anon.cookie.includes(`sa_csrf=${token}`));
  const again = await anon.get("/login");
  assert.equal(again.headers.get("set-cookie"), null, "kept, not re-issued");
  await again.body?.cancel();
  anon.csrf = token;
  const signed = await anon.postForm("/login", {
    login: "learner@demo.academy",
    password: "Demo-2026-academy",
  });
  assert.equal(signed.status, 303);
  await signed.body?.cancel();
  // A forged form post without the cookie's token is refused.
  const stranger = client(server.origin);
  const forged = await stranger.postForm("/login", {
    login: "learner@demo.academy",
    password: "Demo-2026-academy",
    _csrf: token,
  });
  assert.equal(forged.status, 403);
  await forged.body?.cancel();
});

Deno.test({
  ...opts,
  name:
    "http: static files carry nosniff, and the CSP when they can hold script (SVG)",
}, async () => {
  const css = await fetch(server.origin + "/styles.css");
  await css.body?.cancel();
  assert.equal(css.headers.get("x-content-type-options"), "nosniff");
  assert.equal(css.headers.get("content-security-policy"), null);
  const svg = await fetch(server.origin + "/favicon.svg");
  await svg.body?.cancel();
  assert.equal(svg.headers.get("x-content-type-options"), "nosniff");
  assert.match(
    svg.headers.get("content-security-policy") ?? "",
    /script-src 'self'/,
  );
  const again = await fetch(server.origin + "/favicon.svg", {
    headers: { "if-none-match": svg.headers.get("etag")! },
  });
  await again.body?.cancel();
  assert.equal(again.status, 304);
  assert.equal(again.headers.get("x-content-type-options"), "nosniff");
});

Deno.test({
  ...opts,
  name:
    "http: malformed percent-encoding gets the translated 400 page with security headers",
}, async () => {
  for (const path of ["/%E0%A4%A", "/courses/%E0%A4%A/basics", "/%00"]) {
    const res = await fetch(server.origin + path);
    const body = await res.text();
    assert.equal(res.status, 400, path);
    assert.match(res.headers.get("content-type") ?? "", /text\/html/, path);
    assert.match(body, /<p class="error-code">400<\/p>/, path);
    assert.match(body, /请求有误|Bad request/, path);
    assert.ok(res.headers.get("content-security-policy"), path);
  }
  assert.doesNotMatch(server.output(), /Error while rendering/);
});

Deno.test({ ...opts, name: "http: logout ends the session" }, async () => {
  const c = client(server.origin);
  await c.signIn("learner3@demo.academy");
  assert.equal((await c.get(lesson)).status, 200);
  const out = await c.postForm("/logout", {});
  assert.equal(out.status, 303);
  const after = await c.get(lesson);
  assert.equal(after.status, 303);
  assert.match(after.headers.get("location") ?? "", /^\/login/);
});

Deno.test({
  ...opts,
  name:
    "http: a learner's home shows their progress per module and where to resume",
}, async () => {
  const c = client(server.origin);
  await c.signIn("learner5@demo.academy");
  await (await c.postForm(`${lesson}/complete`, {})).body?.cancel();
  const html = await (await c.get("/")).text();
  assert.match(html, /我的学习/);
  assert.match(html, /已学 1 \/ 2 课/);
  assert.match(html, /继续学习：不可信的培训师文本/);
  const anon = await (await client(server.origin).get("/")).text();
  assert.doesNotMatch(anon, /我的学习/);
});
