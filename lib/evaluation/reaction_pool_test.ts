/**
 * reactionOfCohorts(): the trainer's level 1 over several cohorts pools the
 * cohorts' counters and applies the minimum n to the pool, with the same
 * figures as one cohort's summary.
 */
import assert from "node:assert/strict";
import { addStatement } from "@/lib/evidence/statement_store.ts";
import { createCohort } from "@/lib/identity/teams/cohort_store.ts";
import { createTeam } from "@/lib/identity/teams/team_store.ts";
import { type EvaluationContent, NO_CONTENT } from "./content_map.ts";
import { cohortSummary, reactionOfCohorts } from "./summary.ts";
import { surveyStatement } from "./testing.ts";
import { addMembers, NOW, numbered, reactionSurvey } from "./fixtures.ts";

const content: EvaluationContent = {
  ...NO_CONTENT,
  courseId: "onboarding",
  surveys: [reactionSurvey([
    { id: "clear", type: "likert", prompt: "清楚" },
    { id: "pace", type: "choice", prompt: "节奏", options: ["快", "慢"] },
    { id: "advice", type: "text", prompt: "建议" },
  ])],
};

async function setup(kv: Deno.Kv) {
  await createTeam(kv, { id: "t1", name: "售前一组" }, NOW);
  // c1: three respondents of four members; c2: two of three; c3: none.
  const cohorts = { c1: [4, 3], c2: [3, 2], c3: [2, 0] } as const;
  const clear = { c1: [5, 4, 2], c2: [1, 3] } as Record<string, number[]>;
  for (const [id, [members, respondents]] of Object.entries(cohorts)) {
    await createCohort(
      kv,
      { id, name: id, teamId: "t1", startDate: "2026-11-01" },
      NOW,
    );
    await addMembers(kv, id, "t1", numbered(id, members));
    for (let i = 0; i < respondents; i++) {
      const s = surveyStatement(
        `${id}-u${i}`,
        id,
        "reaction-basics",
        {
          clear: clear[id][i],
          pace: i % 2,
          ...(i === 0 ? { advice: `${id} 多一些练习` } : {}),
        },
        null,
        new Date("2026-11-10T04:00:00Z"),
        "basics",
      );
      assert.ok((await addStatement(kv.atomic(), s, NOW).commit()).ok);
    }
  }
}

Deno.test("reactionOfCohorts(): two cohorts below n 5 each show figures together", async () => {
  using kv = await Deno.openKv(":memory:");
  await setup(kv);
  // Alone, neither cohort shows a figure or a comment.
  for (const id of ["c1", "c2"]) {
    const alone = (await cohortSummary(kv, id, content))!.level1.surveys[0];
    assert.equal(alone.shown, false, id);
    assert.deepEqual(alone.comments, [], id);
  }
  const [pooled] = await reactionOfCohorts(kv, ["c1", "c2", "c3"], content);
  assert.equal(pooled.respondents, 5);
  assert.equal(pooled.shown, true);
  // Five of nine members answered.
  assert.equal(pooled.responseRate, 5 / 9);
  // (5 + 4 + 2 + 1 + 3) / 5 = 3, not a mean of the two cohorts' means.
  assert.equal(pooled.items[0].mean, 3);
  assert.deepEqual(
    pooled.items[1].distribution?.map((d) => d.count),
    [3, 2],
  );
  assert.deepEqual(
    pooled.comments.map((c) => c.text).toSorted(),
    ["c1 多一些练习", "c2 多一些练习"],
  );
});

Deno.test("reactionOfCohorts(): below the minimum n together nothing is shown", async () => {
  using kv = await Deno.openKv(":memory:");
  await setup(kv);
  const [few] = await reactionOfCohorts(kv, ["c1", "c3"], content);
  assert.equal(few.respondents, 3);
  assert.equal(few.shown, false);
  assert.equal(few.items[0].mean, null);
  assert.equal(few.items[1].distribution, null);
  assert.deepEqual(few.comments, []);
  // No cohort at all: nobody answered.
  const [none] = await reactionOfCohorts(kv, [], content);
  assert.equal(none.respondents, 0);
  assert.equal(none.shown, false);
});
