/**
 * Access in a real browser: a learner sees only their own pages, a manager
 * cannot open another team's learner, a signed-out visitor is sent to sign
 * in and comes back, a forged cross-site POST is refused, and an admin
 * manages a cohort's members.
 */
import assert from "node:assert/strict";
import { checkPage, scriptErrors, shot, startSuite } from "./browser.ts";

const opts = { sanitizeResources: false, sanitizeOps: false };

const suite = await startSuite();
const server = suite.server;
/** Learner name -> /team/learners/<id>, read from an admin's team page. */
const learnerPaths = new Map<string, string>();

Deno.test({
  ...opts,
  name: "browser: an admin reads the learners' pages from the team page",
}, async () => {
  const { page } = await suite.page({ login: "admin@demo.academy" });
  await page.goto(`${server.origin}/team`);
  await checkPage(page, "/team (admin)");
  for (const a of await page.locator("a[href^='/team/learners/']").all()) {
    learnerPaths.set(
      (await a.innerText()).trim(),
      (await a.getAttribute("href"))!,
    );
  }
  // Ten learners in onboarding, five who finished it (certificates) and the
  // eight agents of 第 8 期 (five months ago).
  assert.equal(learnerPaths.size, 23);
  await page.context().close();
});

Deno.test({
  ...opts,
  name: "browser: a learner signs in and sees only their own pages",
}, async () => {
  const { page, errors } = await suite.page({ login: "learner@demo.academy" });
  // Their own learning and record.
  await page.goto(`${server.origin}/`);
  assert.equal(await page.locator("#my-learning-heading").count(), 1);
  assert.equal(
    await page.locator(".main-nav a[href='/team']").count(),
    0,
    "no team link",
  );
  assert.equal(
    await page.locator(".main-nav a[href='/admin/users']").count(),
    0,
    "no admin link",
  );
  await page.click("a.user-name");
  await page.waitForURL(`${server.origin}/me`);
  assert.match(
    await page.locator("dl.record").innerText(),
    /learner@demo\.academy/,
  );
  await checkPage(page, "/me");
  await shot(page, "access-me", true);
  // Someone else's pages: refused with the error page, no data of theirs.
  for (
    const path of [
      "/team",
      learnerPaths.get("王晨")!,
      "/admin/users",
      "/invitations",
    ]
  ) {
    const res = await page.goto(`${server.origin}${path}`);
    assert.equal(res?.status(), 403, path);
    // The refusal says why: the page is not for learners, and who it is for.
    assert.match(
      await page.locator("h1").innerText(),
      /这个页面不对你的角色开放/,
      path,
    );
    assert.match(
      await page.locator("main").innerText(),
      /这个页面供(主管和管理员|管理员)使用/,
      path,
    );
    assert.doesNotMatch(
      await page.content(),
      /王晨/,
      `${path} shows nothing of 王晨`,
    );
    await checkPage(page, `${path} refused`);
  }
  assert.deepEqual(scriptErrors(errors), []);
  await page.context().close();
});

Deno.test({
  ...opts,
  name:
    "browser: a manager opens their own team's learner but not another team's",
}, async () => {
  const { page } = await suite.page({ login: "manager@demo.academy" });
  await page.click(".main-nav a[href='/team']");
  await page.waitForURL(`${server.origin}/team`);
  assert.match(await page.locator("main").innerText(), /售前一组/);
  assert.doesNotMatch(await page.locator("main").innerText(), /售后二组|赵敏/);
  await checkPage(page, "/team");
  await shot(page, "access-team", true);
  await page.click("a:text('李小雨')");
  await page.waitForURL(`${server.origin}${learnerPaths.get("李小雨")}`);
  assert.match(await page.locator("h1").innerText(), /李小雨/);
  await checkPage(page, "learner page");
  const res = await page.goto(`${server.origin}${learnerPaths.get("赵敏")}`);
  assert.equal(res?.status(), 404);
  assert.doesNotMatch(await page.content(), /赵敏/);
  await page.context().close();
});

Deno.test({
  ...opts,
  name:
    "browser: a signed-out visitor is sent to sign in, then back where they were going",
}, async () => {
  const { page } = await suite.page();
  await page.goto(`${server.origin}/me`);
  assert.equal(new URL(page.url()).pathname, "/login");
  assert.equal(new URL(page.url()).searchParams.get("next"), "/me");
  await checkPage(page, "sign-in page");
  await page.fill("#login", "learner2@demo.academy");
  await page.fill("#password", "Demo-2026-academy");
  await Promise.all([
    page.waitForURL(`${server.origin}/me`),
    page.click("form.stack button[type=submit]"),
  ]);
  assert.match(
    await page.locator("dl.record").innerText(),
    /learner2@demo\.academy/,
  );
  // Signing out ends it: the record is out of reach again.
  await Promise.all([
    page.waitForURL(`${server.origin}/`),
    page.click(".user-menu button[type=submit]"),
  ]);
  await page.goto(`${server.origin}/me`);
  assert.equal(new URL(page.url()).pathname, "/login");
  await page.context().close();
});

Deno.test({
  ...opts,
  name: "browser: a forged cross-site POST is refused and changes nothing",
}, async () => {
  // An attacker's page on another origin that auto-submits a form to the academy.
  const evil = Deno.serve(
    { port: 0, hostname: "127.0.0.1", onListen() {} },
    () =>
      new Response(
        `<!doctype html><meta charset="utf-8"><body>
      <form id="f" method="post" action="${server.origin}/me/password">
        <input name="current" value="Demo-2026-academy">
        <input name="next" value="attacker-chosen-2026">
        <input name="repeat" value="attacker-chosen-2026">
      </form>
      <script>document.getElementById("f").submit()</script>`,
        { headers: { "content-type": "text/html; charset=utf-8" } },
      ),
  );
  try {
    const { page } = await suite.page({ login: "learner4@demo.academy" });
    const evilOrigin = `http://localhost:${evil.addr.port}`;
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url() === `${server.origin}/me/password`),
      page.goto(evilOrigin),
    ]);
    assert.equal(response.status(), 403);
    // Still signed in, and the password is unchanged.
    await page.goto(`${server.origin}/me`);
    assert.equal(new URL(page.url()).pathname, "/me");
    const { page: other } = await suite.page({
      login: "learner4@demo.academy",
    });
    assert.equal(new URL(other.url()).pathname, "/");
    await page.context().close();
    await other.context().close();
  } finally {
    await evil.shutdown();
  }
});

Deno.test({
  ...opts,
  name:
    "browser: an admin moves a learner into a cohort and out again, confirming the removal, on a phone",
}, async () => {
  const { page, errors } = await suite.page({ login: "admin@demo.academy" });
  await page.goto(`${server.origin}/admin/teams`);
  await page.locator("a[href='/admin/cohorts/cohort-a']").click();
  await page.waitForURL(`${server.origin}/admin/cohorts/cohort-a`);
  await checkPage(page, "cohort page");
  const rows = page.locator("table.data-table tbody tr");
  const before = await rows.count();
  const select = page.locator("#member-userId");
  const option = select.locator("option").first();
  const name = (await option.innerText()).split("(")[0].trim();
  await select.selectOption(await option.getAttribute("value"));
  await page.getByRole("button", { name: "加入批次" }).click();
  await page.waitForURL(/done=added/);
  assert.match(await page.locator("[role=status]").innerText(), /已把学员加入/);
  assert.equal(await rows.count(), before + 1);
  const row = rows.filter({ hasText: name });
  // The removal waits behind a confirmation the admin has to open.
  const confirm = row.getByRole("button", { name: "确认移出" });
  assert.equal(await confirm.isVisible(), false);
  await row.locator("summary").click();
  assert.match(await row.innerText(), new RegExp(`确定把 ${name} 移出`));
  await confirm.click();
  await page.waitForURL(/done=removed$/);
  assert.match(await page.locator("[role=status]").innerText(), /已把学员移出/);
  assert.equal(await rows.count(), before);
  await shot(page, "admin-cohort-phone", true);
  assert.deepEqual(errors, []);
  await page.context().close();
});

Deno.test({ ...opts, name: "browser access: stop" }, () => suite.close());
