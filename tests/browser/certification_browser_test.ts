/**
 * The end of onboarding in a real browser: a demo learner who meets every
 * other rule takes the certification exam (questions in the exam form, the
 * required conversations played in the chat while the attempt is open),
 * passes and is certified at once; the public verify page shows the
 * certificate valid and its proof checks out against the published
 * controller document; an admin revokes it with a reason and the verify page
 * and the signed status list say revoked.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { loadContent } from "@/lib/content/loader.ts";
import type { Question } from "@/lib/content/schema.ts";
import { verifyWithController } from "@/lib/certification/proof.ts";
import { isRevokedIn } from "@/lib/certification/status_list.ts";
import { keyAnswer } from "@/lib/quiz/key_answer.ts";
import { modelPath } from "@/lib/scenario/engine.ts";
import {
  assertAccessible,
  assertFits,
  scriptErrors,
  shot,
  startSuite,
} from "./browser.ts";

const opts = { sanitizeResources: false, sanitizeOps: false };
const { tree } = await loadContent();
const questions = new Map<string, Question>(
  tree.banks.flatMap((b) => b.data.questions.map((q) => [q.id, q])),
);
const scenarios = new Map(tree.scenarios.map((s) => [s.data.id, s.data]));

/** Fills one exam question with its key, through the form's own fields. */
async function answer(page: Page, q: Question) {
  const a = keyAnswer(q as never);
  const name = `q.${q.id}`;
  switch (a.type) {
    case "single":
      await page.check(`input[name="${name}"][value="${a.choice}"]`);
      break;
    case "multiple":
      for (const c of a.choices) {
        await page.check(`input[name="${name}"][value="${c}"]`);
      }
      break;
    case "truefalse":
      await page.check(`input[name="${name}"][value="${a.value}"]`);
      break;
    case "ordering":
      for (const [i, item] of a.order.entries()) {
        await page.selectOption(
          `select[name="${name}.${item}"]`,
          String(i + 1),
        );
      }
      break;
    case "matching":
      for (const [left, right] of Object.entries(a.pairs)) {
        await page.selectOption(`select[name="${name}.${left}"]`, right);
      }
      break;
    case "fillin":
      await page.fill(`input[name="${name}"]`, a.text);
      break;
    case "written":
      await page.fill(`textarea[name="${name}"]`, a.text);
      break;
  }
}

/** Plays a conversation in the chat on its best path (the model answers). */
async function playScenario(page: Page, origin: string, id: string) {
  await page.goto(`${origin}/courses/onboarding/scenarios/${id}`);
  await Promise.all([
    page.waitForURL(/\/runs\//),
    page.getByRole("button", { name: "开始对话" }).click(),
  ]);
  await page.waitForSelector("frsh-island[data-hydrated='true']");
  const { steps } = modelPath(scenarios.get(id)!);
  for (const step of steps) {
    if (step.choiceId) {
      const button = page.locator(".chat-choices button", {
        hasText: step.text,
      }).first();
      await button.waitFor();
      await button.click();
    } else {
      await page.waitForSelector(".chat-reply textarea");
      await page.fill(".chat-reply textarea", step.text);
      await page.locator(".chat-reply button[type=submit]").click();
    }
    await page.waitForFunction(() =>
      !document.querySelector(".chat-choices button[disabled]")
    );
  }
  await page.waitForSelector(".chat-end a");
  await assertAccessible(page, `conversation ${id}, ended`);
}

const suite = await startSuite();

Deno.test({
  ...opts,
  name:
    "browser: a learner who meets every rule passes the exam and is certified; the verify page says valid, then revoked after an admin revokes it",
}, async () => {
  try {
    await run(suite.origin);
  } finally {
    await suite.close();
  }
});

async function run(origin: string) {
  // The learner on a laptop (40 questions); the verifier on a phone.
  const { page, errors } = await suite.page({
    width: 1280,
    login: "ready@demo.academy",
  });

  // Today: every rule met but the exam.
  await page.goto(`${origin}/`);
  const criteria = page.locator("[data-testid=criteria-onboarding] li");
  assert.deepEqual(
    await criteria.evaluateAll((lis) =>
      lis.map((li) => [
        li.getAttribute("data-criterion"),
        li.getAttribute("data-state"),
      ])
    ),
    [
      ["plan-items", "met"],
      ["quizzes", "met"],
      ["scenario-average", "met"],
      ["red-lines", "met"],
      ["exam", "pending"],
      ["surveys", "met"],
    ],
  );
  await assertAccessible(page, "Today (ready for the exam)");

  // The exam: rules, then an attempt drawn for this learner.
  await page.goto(`${origin}/courses/onboarding/exams/certification`);
  await assertAccessible(page, "exam intro");
  await Promise.all([
    page.waitForURL(/\/exams\/certification\/[0-9A-Z]{26}$/),
    page.getByRole("button", { name: "开始考试" }).click(),
  ]);
  const attemptUrl = page.url();
  assert.match(await page.locator(".timer").innerText(), /剩余约 90 分钟/);
  await assertAccessible(page, "exam attempt");
  const ids = await page.locator("fieldset.quiz-question").evaluateAll((fs) =>
    fs.map((f) => f.id.replace(/^question-/, ""))
  );
  assert.equal(ids.length, 40);

  // The required conversations, started after the exam opened, in the chat.
  const chat = await page.context().newPage();
  for (const id of ["late-parcel", "damaged-item", "compliance-trap"]) {
    await playScenario(chat, origin, id);
  }
  await chat.close();
  await page.reload();
  assert.equal(
    await page.locator(".plan-list .state-word", { hasText: "已计入" })
      .count(),
    3,
  );

  for (const id of ids) await answer(page, questions.get(id)!);
  // The same attempt on a phone fits its width (long options wrap).
  const { page: phone } = await suite.page({ login: "ready@demo.academy" });
  await phone.goto(attemptUrl);
  await assertFits(phone, "exam form on a phone");
  await phone.context().close();
  // Handed in from the keyboard (focus the button, Enter), as a keyboard user would.
  await Promise.all([
    page.waitForURL(attemptUrl),
    page.getByRole("button", { name: "交卷" }).press("Enter"),
  ]);
  assert.equal(
    await page.locator("[data-testid=exam-verdict]").innerText(),
    "通过",
  );
  await assertAccessible(page, "exam result");

  // Certified at once: Today shows it valid with a link to verify it.
  await page.goto(`${origin}/`);
  const card = page.locator(".today .card", { hasText: "新人上岗认证" });
  assert.equal(
    await card.locator(".cert-status").getAttribute("data-status"),
    "valid",
  );
  const verifyPath = await card.locator("a[href^='/verify/']").getAttribute(
    "href",
  );
  assert.match(verifyPath!, /^\/verify\/[a-z2-7]{26}$/);
  await assertAccessible(page, "Today (certified)");
  await shot(page, "today-certified-phone", true);

  // Anyone can verify: an anonymous visitor sees it valid, nothing private.
  const { page: visitor } = await suite.page();
  await visitor.goto(`${origin}${verifyPath}`);
  assert.equal(
    await visitor.locator(".cert-status").getAttribute("data-status"),
    "valid",
  );
  const text = await visitor.locator("main").innerText();
  assert.match(text, /马丽/);
  assert.match(text, /新人上岗认证/);
  assert.doesNotMatch(text, /ready@demo\.academy|分（及格线/);
  assert.match(
    await visitor.locator("[data-testid=signature]").innerText(),
    /签名有效/,
  );
  await assertAccessible(visitor, "verify page (valid)");

  // The credential verifies against the published controller document alone.
  const credential = await (await fetch(
    `${origin}${verifyPath}/credential.json`,
  )).json();
  const controller = await (await fetch(`${origin}/issuer`)).json();
  assert.deepEqual(credential.type, [
    "VerifiableCredential",
    "OpenBadgeCredential",
  ]);
  assert.equal(credential.issuer.id, controller.id);
  assert.deepEqual(await verifyWithController(credential, controller), {
    verified: true,
    errors: [],
  });
  const tampered = structuredClone(credential);
  tampered.credentialSubject.identifier[0].identityHash = "马力";
  assert.equal(
    (await verifyWithController(tampered, controller)).verified,
    false,
  );

  // The printable certificate fits one A4 page.
  await visitor.goto(`${origin}${verifyPath}/print`);
  await assertAccessible(visitor, "printable certificate");
  const pdf = await visitor.pdf({ preferCSSPageSize: true });
  const pages = new TextDecoder("latin1").decode(pdf).match(
    /\/Type\s*\/Page[^s]/g,
  );
  assert.equal(pages?.length, 1, "one A4 page");

  // An admin revokes it, with a reason and a confirmation.
  const { page: adminPage } = await suite.page({
    login: "admin@demo.academy",
  });
  await adminPage.goto(`${origin}/admin/certificates`);
  await assertAccessible(adminPage, "admin certificates");
  const id = verifyPath!.slice("/verify/".length);
  const item = adminPage.locator(`li[data-certificate="${id}"]`);
  await item.locator("summary").click();
  await item.locator("textarea[name=reason]").fill("复核发现考试期间违规");
  await item.locator("input[name=confirm]").check();
  await Promise.all([
    adminPage.waitForURL(/\/admin\/certificates\?done=revoked$/),
    item.getByRole("button", { name: "撤销" }).click(),
  ]);
  assert.equal(
    await adminPage.locator(`li[data-certificate="${id}"] .cert-status`)
      .getAttribute("data-status"),
    "revoked",
  );

  await visitor.goto(`${origin}${verifyPath}`);
  assert.equal(
    await visitor.locator(".cert-status").getAttribute("data-status"),
    "revoked",
  );
  assert.match(
    await visitor.locator("[data-testid=status-list]").innerText(),
    /状态列表显示已撤销/,
  );
  await assertAccessible(visitor, "verify page (revoked)");

  // The signed status list says so, and its proof checks out.
  const list = await (await fetch(`${origin}/status/1`)).json();
  assert.equal(
    (await verifyWithController(list, controller)).verified,
    true,
  );
  assert.equal(
    await isRevokedIn(
      list,
      Number(credential.credentialStatus.statusListIndex),
    ),
    true,
  );

  // Today no longer shows a valid certificate, and none is re-issued.
  await page.goto(`${origin}/`);
  assert.equal(
    await page.locator(".today .card", { hasText: "新人上岗认证" })
      .locator(".cert-status").getAttribute("data-status"),
    "revoked",
  );
  assert.deepEqual(scriptErrors(errors), [], "no script errors");
}
