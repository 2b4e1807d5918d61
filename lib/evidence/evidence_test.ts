import assert from "node:assert/strict";
import { lessonCompleted } from "./testing.ts";
import {
  buildStatement,
  isoDuration,
  StatementSchema,
  VERBS,
} from "./statement.ts";
import { addStatement, listLearnerStatements } from "./statement_store.ts";
import {
  commitWithProgress,
  foldScore,
  getProgress,
} from "./progress_store.ts";

const at = new Date("2026-11-23T08:00:00.000Z");

Deno.test("buildStatement() makes an xAPI 1.0.3-shaped statement with version and module context", () => {
  const s = buildStatement({
    learnerId: "u1",
    verb: "passed",
    activity: {
      kind: "assessment",
      path: "modules/basics/quiz",
      name: "模块测验",
    },
    courseId: "onboarding",
    moduleId: "basics",
    contentVersion: 3,
    cohortId: "c1",
    score: { raw: 8, max: 10 },
    success: true,
    completion: true,
    durationMs: 65_500,
    at,
  });
  assert.equal(s.verb.id, VERBS.passed);
  assert.deepEqual(s.result!.score, { raw: 8, min: 0, max: 10, scaled: 0.8 });
  assert.equal(s.result!.duration, "PT1M5.5S");
  assert.equal(
    s.object.id,
    "https://service-academy.example/xapi/courses/onboarding/modules/basics/quiz",
  );
  assert.equal(
    s.context
      .extensions[
        "https://service-academy.example/xapi/extensions/content-version"
      ],
    3,
  );
  assert.equal(s.timestamp, "2026-11-23T08:00:00.000Z");
  assert.ok(StatementSchema.safeParse(s).success);
});

Deno.test("isoDuration() formats hours, minutes and seconds", () => {
  assert.equal(isoDuration(0), "PT0S");
  assert.equal(isoDuration(3_725_000), "PT1H2M5S");
});

Deno.test("addStatement() writes a statement once; the same id cannot be committed twice", async () => {
  const kv = await Deno.openKv(":memory:");
  const s = lessonCompleted("u1", at, { courseId: "c", completion: true });
  assert.equal((await addStatement(kv.atomic(), s, at).commit()).ok, true);
  assert.equal((await addStatement(kv.atomic(), s, at).commit()).ok, false);
  assert.deepEqual((await listLearnerStatements(kv, "u1")).map((x) => x.id), [
    s.id,
  ]);
  kv.close();
});

Deno.test("foldScore() keeps best, latest, count and passed-ever", () => {
  const a = foldScore(undefined, 60, false, at);
  const b = foldScore(a, 90, true, at);
  const c = foldScore(b, 70, false, at);
  assert.deepEqual(c, {
    best: 90,
    latest: 70,
    count: 3,
    passed: true,
    lastAt: at,
  });
});

Deno.test("commitWithProgress() never loses an update under concurrency", async () => {
  const kv = await Deno.openKv(":memory:");
  await Promise.all(
    Array.from(
      { length: 20 },
      (_, i) =>
        commitWithProgress(kv, "u1", "c", at, (_op, p) => {
          p.lessons[`l${i}`] = at;
          return { next: p, value: i };
        }),
    ),
  );
  assert.equal(
    Object.keys((await getProgress(kv, "u1", "c", at)).lessons).length,
    20,
  );
  kv.close();
});
