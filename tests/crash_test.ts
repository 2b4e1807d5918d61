/**
 * Crash test: 100 learners submit module quizzes concurrently over HTTP; the
 * server is killed with SIGKILL mid-run and restarted on the same KV file.
 * Clients retry with the same idempotency keys, as a browser resubmitting
 * would. Every acknowledged submission must be stored exactly once, whole:
 * attempt, idempotency record, evidence statement and progress rollup.
 */
import assert from "node:assert/strict";
import { hashPassword } from "@/lib/identity/accounts/password.ts";
import { createSession } from "@/lib/identity/sessions/session_store.ts";
import { createUser } from "@/lib/identity/accounts/user_store.ts";
import { getProgress } from "@/lib/evidence/progress_store.ts";
import { listLearnerStatements } from "@/lib/evidence/statement_store.ts";
import { listAttempts } from "@/lib/quiz/attempt_store.ts";
import { SESSION_COOKIE } from "@/lib/http/session_cookie.ts";
import { startServer, type TestServer } from "./server.ts";

const LEARNERS = 100;
const QUIZ = "/courses/demo/basics/quiz";

Deno.test({
  name:
    "crash: SIGKILL mid-run loses no acknowledged quiz submission and duplicates none",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const dir = await Deno.makeTempDir({ prefix: "sa-crash-" });
    const kvPath = `${dir}/academy.kv`;
    const env = {
      SA_CONTENT_DIR: "tests/fixtures/content",
      SA_PRODUCTION: "1",
    };
    let server: TestServer = await startServer({ kvPath, env });

    // Learners and their sessions go straight into the store: this test is
    // about submissions, and 100 sign-ins would only time PBKDF2.
    const kv = await Deno.openKv(kvPath);
    const hash = await hashPassword("unused-password", 1000);
    const now = new Date();
    const learners = await Promise.all(
      Array.from({ length: LEARNERS }, async (_, i) => {
        const user = await createUser(kv, {
          name: `学员${i}`,
          role: "learner",
          email: `crash${i}@test.academy`,
          passwordHash: hash,
        }, now);
        const { id, session } = await createSession(kv, user.id, now);
        return {
          user,
          cookie: `${SESSION_COOKIE}=${id}`,
          csrf: session.csrfToken,
          key: crypto.randomUUID(),
        };
      }),
    );

    let origin = server.origin;
    let restarting: Promise<void> | null = null;
    let acknowledged = 0;
    let retries = 0;
    let killedAfter = -1;
    const acked = new Set<string>();

    /** Sends a request, waiting through the restart and retrying as a browser would. */
    async function send(
      path: (o: string) => string,
      init: RequestInit,
    ): Promise<Response> {
      for (let tries = 0; tries < 50; tries++) {
        try {
          return await fetch(path(origin), {
            ...init,
            redirect: "manual",
            headers: { ...init.headers, origin },
          });
        } catch {
          retries++;
          if (restarting) await restarting;
          else await new Promise((r) => setTimeout(r, 50));
        }
      }
      throw new Error("Server did not come back");
    }

    const run = learners.map(async (l, i) => {
      // Stagger starts a little so the kill lands in the middle of the work.
      await new Promise((r) => setTimeout(r, i * 3));
      const headers = {
        cookie: l.cookie,
        "content-type": "application/x-www-form-urlencoded",
      };
      const start = await send((o) => o + QUIZ, {
        method: "POST",
        headers,
        body: new URLSearchParams({ _csrf: l.csrf }),
      });
      assert.equal(start.status, 303, `start for learner ${i}`);
      const attemptPath =
        new URL(start.headers.get("location")!, "http://x").pathname;
      const body = new URLSearchParams({
        _csrf: l.csrf,
        idempotencyKey: l.key,
      });
      const res = await send((o) => o + attemptPath, {
        method: "POST",
        headers,
        body,
      });
      await res.body?.cancel();
      assert.equal(res.status, 303, `submit for learner ${i}`);
      acked.add(l.user.id);
      acknowledged++;
      // A client that lost the response resubmits: must not duplicate.
      if (i % 4 === 0) {
        const again = await send((o) => o + attemptPath, {
          method: "POST",
          headers,
          body,
        });
        await again.body?.cancel();
        assert.equal(again.status, 303);
      }
    });

    const killer = (async () => {
      while (acknowledged < LEARNERS * 0.3) {
        await new Promise((r) => setTimeout(r, 5));
      }
      killedAfter = acknowledged;
      restarting = (async () => {
        await server.kill();
        server = await startServer({ kvPath, env });
        origin = server.origin;
      })();
      await restarting;
      restarting = null;
    })();

    await Promise.all([...run, killer]);
    await server.stop();

    let lost = 0;
    let duplicates = 0;
    let halfWritten = 0;
    for (const l of learners) {
      const attempts = (await listAttempts(kv, l.user.id, "demo", "basics"))
        .filter((a) => a.status === "submitted");
      const mine = attempts.filter((a) => a.idempotencyKey === l.key);
      if (acked.has(l.user.id) && mine.length === 0) lost++;
      if (mine.length > 1 || attempts.length > 1) duplicates++;
      const statements = (await listLearnerStatements(kv, l.user.id)).filter((
        s,
      ) => s.object.id.endsWith("/quiz"));
      const progress = await getProgress(kv, l.user.id, "demo", new Date());
      const counted = progress.quizzes.basics?.count ?? 0;
      if (
        statements.length !== attempts.length || counted !== attempts.length
      ) halfWritten++;
    }
    kv.close();
    console.log(
      `crash test: ${LEARNERS} learners; killed with SIGKILL after ${killedAfter} acknowledged submissions; ` +
        `${acknowledged} acknowledged in all; ${retries} client retries; lost ${lost}, duplicated ${duplicates}, half-written ${halfWritten}`,
    );
    assert.ok(
      killedAfter > 0 && killedAfter < LEARNERS,
      "the kill happened mid-run",
    );
    assert.equal(acknowledged, LEARNERS);
    assert.equal(lost, 0);
    assert.equal(duplicates, 0);
    assert.equal(halfWritten, 0);
  },
});
