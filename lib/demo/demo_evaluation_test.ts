import assert from "node:assert/strict";
import { importContent } from "@/lib/authoring/course_import.ts";
import { getCourseView } from "@/lib/content/course_view.ts";
import { evaluationContent } from "@/lib/evaluation/content_map.ts";
import { listLoops } from "@/lib/evaluation/qa_loop.ts";
import { cohortSummary } from "@/lib/evaluation/summary.ts";
import { seedDemo } from "@/lib/identity/demo/demo_seed.ts";
import { listMembers } from "@/lib/identity/teams/cohort_store.ts";
import { seedDemoProgress } from "@/lib/learning/demo_progress.ts";
import { seedDemoCertification } from "./demo_certification.ts";
import { seedDemoEvaluation } from "./demo_evaluation.ts";

Deno.test({
  name:
    "demo evaluator evidence (surveys, QA, drivers, KPI months before and after) gives every level figures on first start",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    using kv = await Deno.openKv(":memory:");
    const now = new Date();
    await importContent(kv, now);
    await seedDemo(kv, now, { iterations: 1000 });
    await seedDemoProgress(kv, "onboarding", now);
    await seedDemoCertification(kv, "onboarding", "http://localhost", now, {
      iterations: 1000,
    });
    await seedDemoEvaluation(kv, "onboarding", now, { iterations: 1000 });
    await seedDemoEvaluation(kv, "onboarding", now); // once only
    const content = evaluationContent(
      (await getCourseView(kv, "onboarding"))!.published,
    );
    const s = (await cohortSummary(kv, "cohort-b", content))!;
    // Level 1: five respondents, shown, with a low item and comments.
    const basics = s.level1.surveys.find((x) => x.module === "basics")!;
    assert.equal(basics.respondents, 5);
    assert.equal(basics.shown, true);
    assert.ok(basics.items.some((i) => i.low));
    assert.ok(basics.comments.length > 0);
    // Level 2: scores of the played quizzes, scenarios and drills.
    assert.ok(s.level2.activities.length > 3);
    assert.ok(s.level2.skills.some((k) => k.mean !== null));
    // Level 3: QA at d14 and d30, critical items apart, drivers, KPI.
    assert.ok(s.level3.qa.d14.n >= 5);
    assert.ok(s.level3.qa.d30.n >= 5);
    assert.ok(s.level3.kpi.before.frt !== null);
    assert.ok(s.level3.drivers.coaching > 0);
    // Level 4: team months before and after the cohort started.
    const months = s.level4.series.map((m) => m.month);
    assert.ok(months.some((m) => m < s.cohort.startDate.slice(0, 7)));
    assert.ok(months.some((m) => m >= s.cohort.startDate.slice(0, 7)));
    assert.ok(s.level4.series.filter((m) => m.kpi.frt?.mean).length >= 4);
    assert.ok(s.level4.cohortStarts.length >= 2, "staggered cohorts");
    // Staggered cohorts: 第 8 期 trained, 第 11 期 (later) as comparison:
    // QA at day 30, 60 and 90, and a difference-in-differences claimed.
    const p = (await cohortSummary(kv, "cohort-p", content))!;
    assert.deepEqual(
      ["d14", "d30", "d60", "d90"].map((cp) => p.level3.qa[cp]?.n),
      [6, 6, 6, 6],
    );
    assert.deepEqual(p.level4.did.frt.controlCohorts, ["cohort-a"]);
    assert.equal(p.level4.did.frt.claimed, true);
    assert.ok(p.level4.did.frt.estimate! < 0, "trained agents answer faster");
    assert.ok(p.level4.did.frt.interval!.high < 0);
    assert.ok(p.level3.kpi.attainmentAfter! > p.level3.kpi.attainmentBefore!);
    assert.ok(p.level3.behaviourScore !== null);
    // The first learner's "opening" misses closed the loop with practice.
    const first = (await listMembers(kv, "cohort-b"))[0];
    const loops = await listLoops(kv, first.userId);
    assert.equal(loops[0]?.criterionId, "opening");
  },
});
