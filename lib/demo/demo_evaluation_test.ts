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
    await seedDemoEvaluation(kv, "onboarding", now);
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
    // A year-old cohort: QA at day 30, 60 and 90, KPI before and after, and
    // the later cohorts of its team as the not-yet-trained comparison; with
    // one trained agent the difference-in-differences is withheld, with n.
    const e = (await cohortSummary(kv, "cohort-e", content))!;
    // (d30 also holds the observation of the graduate's own plan.)
    assert.ok(
      ["d14", "d30", "d60", "d90"].every((cp) => e.level3.qa[cp]?.n >= 1),
    );
    assert.ok(e.level3.kpi.before.frt! > e.level3.kpi.after.frt!);
    assert.ok(e.level3.kpi.attainmentAfter! > e.level3.kpi.attainmentBefore!);
    assert.ok(e.level3.behaviourScore !== null);
    assert.deepEqual(e.level4.did.frt.controlCohorts.toSorted(), [
      "cohort-b",
      "cohort-c",
    ]);
    assert.equal(e.level4.did.frt.n.treatedBefore, 1);
    assert.equal(e.level4.did.frt.claimed, false);
    assert.equal(e.level4.did.frt.estimate, null);
    // The first learner's "opening" misses closed the loop with practice.
    const first = (await listMembers(kv, "cohort-b"))[0];
    const loops = await listLoops(kv, first.userId);
    assert.equal(loops[0]?.criterionId, "opening");
  },
});
