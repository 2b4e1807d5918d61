/**
 * Every reason a request is refused shows its own text, in zh-CN and in
 * English: signed out (sign in, then back), a role the page is not for
 * (naming who may, with a link home), an action the role may not take,
 * another team's learner (404), a forged request, and an expired form (shown
 * again with what was typed).
 */
import assert from "node:assert/strict";
import { startModuleServer } from "./server.ts";
import { client, DEMO_PASSWORD } from "./session.ts";

const opts = { sanitizeResources: false, sanitizeOps: false };
const server = await startModuleServer();
const LANGS = [
  { lang: "zh-CN", header: "zh-CN,zh;q=0.9" },
  { lang: "en", header: "en" },
] as const;

async function html(res: Response, status: number): Promise<string> {
  assert.equal(res.status, status);
  assert.match(res.headers.get("content-type") ?? "", /text\/html/);
  return await res.text();
}

const trainer = client(server.origin);
await trainer.signIn("trainer@demo.academy");
const manager = client(server.origin);
await manager.signIn("manager@demo.academy");
const manager2 = client(server.origin);
await manager2.signIn("manager2@demo.academy");

Deno.test({
  ...opts,
  name: "refusals: signed out, a page goes to sign-in and comes back after",
}, async () => {
  const anon = client(server.origin);
  const res = await anon.get("/team?cohort=x");
  assert.equal(res.status, 303);
  assert.equal(res.headers.get("location"), "/login?next=%2Fteam%3Fcohort%3Dx");
  await res.body?.cancel();
  const form = await html(await anon.get("/login?next=%2Fteam"), 200);
  anon.csrf = /name="_csrf" value="([^"]+)"/.exec(form)![1];
  const signIn = await anon.postForm("/login", {
    login: "manager@demo.academy",
    password: DEMO_PASSWORD,
    next: "/team",
  });
  assert.equal(signIn.status, 303);
  assert.equal(signIn.headers.get("location"), "/team");
  await signIn.body?.cancel();
});

for (const { lang, header } of LANGS) {
  const h = { "accept-language": header };

  Deno.test({
    ...opts,
    name:
      `refusals (${lang}): a JSON call while signed out is told to sign in, in words`,
  }, async () => {
    const anon = client(server.origin);
    const res = await anon.get("/courses/demo/basics/basics-stages/checks/0", {
      method: "POST",
      headers: {
        ...h,
        accept: "application/json",
        origin: server.origin,
      },
    });
    assert.equal(res.status, 401);
    const body = await res.json();
    assert.equal(body.code, "sign-in-required");
    assert.equal(
      body.errors.session,
      lang === "en" ? "Sign in first." : "请先登录。",
    );
  });

  Deno.test({
    ...opts,
    name: `refusals (${lang}): a form sent while signed out says sign in first`,
  }, async () => {
    const anon = client(server.origin);
    const res = await anon.postForm("/me/password", { current: "x" }, {
      headers: { ...h, referer: `${server.origin}/me/password` },
    });
    const page = await html(res, 401);
    assert.match(
      page,
      lang === "en" ? /Sign in first/ : /请先登录/,
    );
    assert.match(page, /href="\/login\?next=%2Fme%2Fpassword"/);
  });

  Deno.test({
    ...opts,
    name: `refusals (${lang}): a role the page is not for is told who may`,
  }, async () => {
    const page = await html(await trainer.get("/team", { headers: h }), 403);
    assert.match(
      page,
      lang === "en"
        ? /This page is for managers and admins\./
        : /这个页面供主管和管理员使用。/,
    );
    assert.match(page, /<a class="button secondary" href="\/"[ >]/);
    assert.doesNotMatch(page, /did not come from a page|不是从本站页面发出/);
    const audit = await html(
      await manager.get("/admin/audit", { headers: h }),
      403,
    );
    assert.match(
      audit,
      lang === "en" ? /This page is for admins\./ : /这个页面供管理员使用。/,
    );
  });

  Deno.test({
    ...opts,
    name: `refusals (${lang}): an action the role may not take says so`,
  }, async () => {
    // manager2 leads 售后二组 only; cohort-a belongs to 售前一组.
    const res = await manager2.postForm("/invitations", {
      action: "invite",
      cohortId: "cohort-a",
      name: "越权",
      email: "cross-" + lang + "@example.com",
    }, { headers: h });
    const page = await html(res, 403);
    assert.match(
      page,
      lang === "en" ? /Your role cannot do this/ : /你的角色不能做这个操作/,
    );
  });

  Deno.test({
    ...opts,
    name: `refusals (${lang}): another team's learner is not found`,
  }, async () => {
    const team = await html(await manager.get("/team"), 200);
    const learner = /href="(\/team\/learners\/[^"]+)"/.exec(team)![1];
    assert.equal((await manager.get(learner)).status, 200);
    const page = await html(await manager2.get(learner, { headers: h }), 404);
    assert.match(
      page,
      lang === "en" ? /Page not found/i : /页面不存在/,
    );
  });

  Deno.test({
    ...opts,
    name: `refusals (${lang}): a forged request is blocked with the CSRF text`,
  }, async () => {
    const res = await manager.postForm("/invitations", {
      action: "invite",
      name: "伪造",
    }, { headers: { ...h, origin: "https://evil.example" } });
    const page = await html(res, 403);
    assert.match(
      page,
      lang === "en"
        ? /did not come from a page of this site and was blocked/
        : /这个请求不是从本站页面发出的，已被拦截/,
    );
    assert.doesNotMatch(page, /伪造/);
  });

  Deno.test({
    ...opts,
    name:
      `refusals (${lang}): an expired form is shown again with what was typed`,
  }, async () => {
    const res = await manager.postForm("/invitations", {
      _csrf: "expired-token",
      action: "invite",
      cohortId: "cohort-a",
      name: "王小明",
      email: "wang@example.com",
    }, { headers: h });
    const page = await html(res, 403);
    assert.match(
      page,
      lang === "en"
        ? /did not come from a current page of this site/
        : /不是从本站当前有效的页面发出的/,
    );
    assert.match(page, /<form method="post" action="\/invitations"/);
    assert.match(page, /name="name" value="王小明"/);
    assert.match(page, /name="email" value="wang@example.com"/);
    assert.match(page, new RegExp(`name="_csrf" value="${manager.csrf}"`));
    // Sending it again, as the page offers, goes through the real form.
    const again = await manager.postForm("/invitations", {
      action: "invite",
      cohortId: "cohort-a",
      name: "王小明",
      email: `wang-${lang}@example.com`,
    });
    assert.ok(again.status < 400, `resend status ${again.status}`);
    await again.body?.cancel();
  });
}
