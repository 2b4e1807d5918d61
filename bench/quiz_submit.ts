/**
 * Quiz submission under load: 100 concurrent learners submit module quiz
 * attempts over HTTP to the real server; the reference is a loop of bare KV
 * atomic commits of the same shape and size (the attempt, the idempotency
 * record, the statement, its index, the progress rollup), at the same
 * concurrency, in the same run.
 */
import { hashPassword } from "@/lib/identity/password.ts";
import { createSession } from "@/lib/identity/session_store.ts";
import { createUser } from "@/lib/identity/user_store.ts";
import { SESSION_COOKIE } from "@/lib/http/session_cookie.ts";
import { startOrResume } from "@/lib/quiz/attempt_store.ts";
import { attemptQuestions, findModuleQuiz } from "@/lib/quiz/quiz_page.ts";
import { startServer } from "../tests/server.ts";

/** What the quiz benchmark measured. */
export interface QuizBench {
  submissions: number;
  /** Saturation: 100 connections submitting back to back. */
  perSecond: number;
  /** 100 learners each submitting about once a second (think time). */
  p50Ms: number;
  p99Ms: number;
  bareCommitsPerSecond: number;
  errors: number;
}

const CONCURRENCY = 100;

function percentile(sorted: number[], p: number): number {
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}

/** Runs the quiz submission benchmark with `count` submissions. */
export async function benchQuizSubmission(count = 2000): Promise<QuizBench> {
  const dir = await Deno.makeTempDir({ prefix: "sa-bench-quiz-" });
  const kvPath = `${dir}/academy.kv`;
  const env = { SA_CONTENT_DIR: "tests/fixtures/content", SA_PRODUCTION: "1" };
  const server = await startServer({ kvPath, env });
  const kv = await Deno.openKv(kvPath);
  try {
    const found = (await findModuleQuiz(kv, "demo", "basics"))!;
    const hash = await hashPassword("unused-password", 1000);
    const now = new Date();
    const jobs: { cookie: string; csrf: string; path: string; body: string }[] =
      [];
    for (let i = 0; i < count; i++) {
      const user = await createUser(kv, {
        name: `学员${i}`,
        role: "learner",
        email: `bench${i}@test.academy`,
        passwordHash: hash,
      }, now);
      const { id, session } = await createSession(kv, user.id, now);
      const { attempt } = await startOrResume(kv, {
        learnerId: user.id,
        courseId: "demo",
        version: found.version,
        moduleId: "basics",
        quiz: found.quiz,
        questions: found.questions,
      }, now);
      const form = new URLSearchParams({
        _csrf: session.csrfToken,
        idempotencyKey: crypto.randomUUID(),
      });
      for (const q of attemptQuestions(found, attempt)) {
        if (q.type === "single" || q.type === "multiple") {
          form.append(`q.${q.id}`, q.options[0].id);
        }
        if (q.type === "truefalse") form.set(`q.${q.id}`, "true");
        if (q.type === "ordering") {
          q.items.forEach((item, n) =>
            form.set(`q.${q.id}.${item.id}`, String(n + 1))
          );
        }
        if (q.type === "matching") {
          q.left.forEach((l) => form.set(`q.${q.id}.${l.id}`, q.right[0].id));
        }
        if (q.type === "fillin" || q.type === "written") {
          form.set(
            `q.${q.id}`,
            "您好,非常抱歉,我马上为您处理,24 小时内回复您。",
          );
        }
      }
      jobs.push({
        cookie: `${SESSION_COOKIE}=${id}`,
        csrf: session.csrfToken,
        path: `/courses/demo/basics/quiz/${attempt.id}`,
        body: form.toString(),
      });
    }

    let errors = 0;
    const submit = async (job: typeof jobs[number]) => {
      const t = performance.now();
      const res = await fetch(server.origin + job.path, {
        method: "POST",
        redirect: "manual",
        body: job.body,
        headers: {
          cookie: job.cookie,
          origin: server.origin,
          "content-type": "application/x-www-form-urlencoded",
        },
      });
      await res.body?.cancel();
      if (res.status !== 303) errors++;
      return performance.now() - t;
    };
    // Phase 1, latency: 100 learners at once, each submitting about once a
    // second (random think time), as a cohort working through quizzes does.
    const half = Math.floor(jobs.length / 2);
    const latencies: number[] = [];
    let nextA = 0;
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      await new Promise((r) => setTimeout(r, Math.random() * 1000));
      while (nextA < half) {
        latencies.push(await submit(jobs[nextA++]));
        await new Promise((r) => setTimeout(r, 500 + Math.random() * 1000));
      }
    }));
    // Phase 2, throughput: 100 connections submitting back to back.
    let next = half;
    const started = performance.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (next < jobs.length) await submit(jobs[next++]);
    }));
    const seconds = (performance.now() - started) / 1000;
    await server.stop();

    // Reference: bare atomic commits of the same records, same concurrency.
    const sample = await kv.get([
      "quiz_attempts",
      jobs[0].path.split("/").at(-1)!,
    ]);
    const statement = (await Array.fromAsync(
      kv.list({ prefix: ["statements"] }, { limit: 1 }),
    ))[0]?.value;
    const progress =
      (await Array.fromAsync(kv.list({ prefix: ["progress"] }, { limit: 1 })))[
        0
      ]?.value;
    let done = 0;
    const refCount = count - half;
    const refStart = performance.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, async (_, w) => {
      while (done < refCount) {
        const n = done++;
        const id = `ref-${w}-${n}`;
        await kv.atomic()
          .check({ key: ["ref_attempts", id], versionstamp: null })
          .set(["ref_attempts", id], sample.value)
          .delete(["ref_open", id])
          .set(["ref_submissions", id], id)
          .set(["ref_statements", id], statement)
          .set(["ref_statements_by_learner", id], id)
          .set(["ref_progress", id], progress)
          .commit();
      }
    }));
    const refSeconds = (performance.now() - refStart) / 1000;
    latencies.sort((a, b) => a - b);
    return {
      submissions: jobs.length,
      perSecond: (jobs.length - half) / seconds,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      bareCommitsPerSecond: refCount / refSeconds,
      errors,
    };
  } finally {
    kv.close();
    await Deno.remove(dir, { recursive: true }).catch(() => {});
  }
}

if (import.meta.main) {
  console.log(await benchQuizSubmission(Number(Deno.args[0] ?? 500)));
}
