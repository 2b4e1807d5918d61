/**
 * A quiz without `maxAttempts` (optional, docs/content-format.md) may be
 * taken any number of times. More than ten attempts once broke the quiz for
 * that learner for good: listing them read more keys than one KV `getMany`
 * answers. Here one learner takes it 25 times over HTTP.
 */
import assert from "node:assert/strict";
import { copy } from "./fs_copy.ts";
import { findUserByLogin } from "@/lib/identity/accounts/user_store.ts";
import { listAttempts } from "@/lib/quiz/attempt_store.ts";
import { startServer } from "./server.ts";
import { client } from "./session.ts";

const ATTEMPTS = 25;
const QUIZ = "/courses/demo/basics/quiz";

Deno.test({
  name: `quiz without a limit: ${ATTEMPTS} attempts, every page 200`,
  sanitizeResources: false,
  sanitizeOps: false,
}, async () => {
  const content = await Deno.makeTempDir({ prefix: "sa-unlimited-" });
  await copy(new URL("./fixtures/content/", import.meta.url).pathname, content);
  const modulePath = `${content}/courses/demo/01-basics/module.yaml`;
  const module = await Deno.readTextFile(modulePath);
  assert.match(module, /maxAttempts: \d+\n/);
  await Deno.writeTextFile(
    modulePath,
    module.replace(/ *maxAttempts: \d+\n/, "").replace(
      / *cooldownMinutes: \d+\n/,
      "",
    ),
  );
  const server = await startServer({ env: { SA_CONTENT_DIR: content } });
  try {
    const c = client(server.origin);
    await c.signIn("learner6@demo.academy");
    for (let i = 1; i <= ATTEMPTS; i++) {
      const quiz = await c.get(QUIZ);
      await quiz.body?.cancel();
      assert.equal(quiz.status, 200, `quiz page before attempt ${i}`);
      const start = await c.postForm(QUIZ, {});
      await start.body?.cancel();
      assert.equal(start.status, 303, `start of attempt ${i}`);
      const url = start.headers.get("location")!;
      const page = await c.get(url);
      const html = await page.text();
      assert.equal(page.status, 200, `attempt page ${i}`);
      const key = /name="idempotencyKey" value="([^"]+)"/.exec(html)![1];
      const submit = await c.postForm(url, { idempotencyKey: key });
      await submit.body?.cancel();
      assert.equal(submit.status, 303, `submit of attempt ${i}`);
      const result = await c.get(url);
      await result.body?.cancel();
      assert.equal(result.status, 200, `result page ${i}`);
    }
    const last = await c.get(QUIZ);
    await last.body?.cancel();
    assert.equal(last.status, 200);
    using kv = await Deno.openKv(server.kvPath);
    const user = (await findUserByLogin(kv, "learner6@demo.academy"))!;
    const attempts = await listAttempts(kv, user.id, "demo", "basics", 100);
    assert.equal(
      attempts.filter((a) => a.status === "submitted").length,
      ATTEMPTS,
    );
  } finally {
    await server.stop();
    await Deno.remove(content, { recursive: true });
  }
});
