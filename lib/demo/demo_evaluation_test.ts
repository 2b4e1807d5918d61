import assert from "node:assert/strict";
import { demoTest } from "./testing.ts";
import { getCourseView } from "@/lib/content/course_view.ts";
import { evaluationContent } from "@/lib/evaluation/content_map.ts";
import { listLoops } from "@/lib/evaluation/qa_loop.ts";
import { cohortSummary, reactionSummary } from "@/lib/evaluation/summary.ts";
import {
  MIN_N_CORRELATION,
  MIN_N_DID,
  MIN_N_REACTION,
} from "@/lib/evaluation/formulas.ts";
import { seedDemo } from "@/lib/identity/demo/demo_seed.ts";
import { listMembers } from "@/lib/identity/teams/cohort_store.ts";
import { seedDemoProgress } from "@/lib/learning/demo_progress.ts";
import { seedDemoCertification } from "./demo_certification.ts";
import { seedDemoEvaluation } from "./demo_evaluation.ts";

demoTest(
  "demo evaluator evidence (surveys, QA, drivers, KPI months before and after) gives every level figures on first start",
  async (kv, now) => {
    await seedDemoProgress(kv, "onboarding", now);
    await seedDemoCertification(kv, "onboarding", "http://localhost", now, {
      iterations: 1000,
    });
    await seedDemoEvaluation(kv, "onboarding", now);
    // Seeding again (a restart) writes nothing: every entry keeps its version.
    const dump = async () =>
      await Array.fromAsync(
        kv.list({ prefix: [] }),
        (e) => `${JSON.stringify(e.key)}@${e.versionstamp}`,
      );
    const before = await dump();
    await seedDemoEvaluation(kv, "onboarding", now);
    await seedDemo(kv, now, { iterations: 1000 });
    await seedDemoProgress(kv, "onboarding", now);
    assert.deepEqual(await dump(), before);
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
    assert.ok(e.level3.kpi.before.frt !== null);
    assert.ok(e.level3.kpi.after.frt !== null);
    assert.ok(e.level3.behaviourScore !== null);
    assert.deepEqual(e.level4.did.frt.controlCohorts.toSorted(), [
      "cohort-b",
      "cohort-c",
      "cohort-f",
    ]);
    assert.equal(e.level4.did.frt.n.treatedBefore, 1);
    assert.equal(e.level4.did.frt.claimed, false);
    assert.equal(e.level4.did.frt.estimate, null);
    // 第 8 期 (cohort-f), five months ago, eight agents: every level has
    // figures, the difference-in-differences against 第 9 and 第 10 期 (not
    // yet trained then) is claimed, and so is a level 2 -> 3 correlation.
    const f = (await cohortSummary(kv, "cohort-f", content))!;
    assert.equal(f.cohort.members, 8);
    for (const metric of ["frt", "csat", "fcr"]) {
      const did = f.level4.did[metric];
      assert.deepEqual(did.controlCohorts.toSorted(), ["cohort-b", "cohort-c"]);
      assert.ok(
        Object.values(did.n).every((n) => n >= MIN_N_DID),
        `${metric}: ${JSON.stringify(did.n)}`,
      );
      assert.equal(did.claimed, true, metric);
      assert.ok(did.estimate !== null && did.interval !== null, metric);
      assert.ok(did.interval.low < did.estimate, metric);
      assert.ok(did.estimate < did.interval.high, metric);
    }
    // Trained agents answer faster and resolve more on first contact.
    assert.ok(f.level4.did.frt.treatedChange! < 0);
    assert.ok(f.level4.did.fcr.treatedChange! > 0);
    assert.ok(f.level3.kpi.before.frt! > f.level3.kpi.after.frt!);
    assert.ok(f.level3.kpi.attainmentAfter! > f.level3.kpi.attainmentBefore!);
    const claimed = f.correlations.filter((c) => c.estimate.claimed);
    assert.ok(claimed.length >= 1, JSON.stringify(f.correlations));
    for (const c of claimed) {
      assert.ok(c.estimate.n >= MIN_N_CORRELATION);
      assert.ok(c.estimate.r !== null && c.estimate.interval !== null);
      assert.ok(c.skills.length > 0);
    }
    assert.ok(
      ["d14", "d30", "d60", "d90"].every((cp) => f.level3.qa[cp].n === 8),
    );
    assert.ok(f.level3.qa.d90.score.mean! > f.level3.qa.d30.score.mean!);
    assert.equal(f.level2.gain.n, 8);
    assert.ok(f.level2.gain.mean! > 0);
    assert.ok(
      f.level3.drivers.coaching > 0 && f.level3.drivers.recognition > 0,
    );
    // Reaction varies: every shown Likert and NPS item uses several values,
    // the schedule ("organisation") scores low, NPS is not unanimous, and
    // learners wrote comments.
    const shown = f.level1.surveys.filter((x) => x.shown);
    assert.equal(shown.length, 4);
    for (const sv of shown) {
      assert.ok(sv.respondents >= MIN_N_REACTION);
      for (const item of sv.items.filter((i) => i.type !== "choice")) {
        const used = item.distribution!.filter((d) => d.count > 0).length;
        assert.ok(used >= 2, `${sv.surveyId}/${item.id} is uniform`);
      }
      assert.ok(sv.items.find((i) => i.id === "organisation")!.low);
      assert.ok(sv.items.some((i) => i.type === "likert" && !i.low));
      assert.ok(sv.nps! < 100);
      assert.ok(sv.comments.length > 0);
      assert.ok(sv.comments.every((c) => /[\u4e00-\u9fff]/.test(c.text)));
    }
    const course = await reactionSummary(kv, "onboarding", "_course", content);
    const npsItem = course.flatMap((x) => x.items).find((i) =>
      i.type === "nps"
    )!;
    assert.ok(npsItem.distribution!.filter((d) => d.count > 0).length >= 3);
    // The first learner's "opening" misses closed the loop with practice.
    const first = (await listMembers(kv, "cohort-b"))[0];
    const loops = await listLoops(kv, first.userId);
    assert.equal(loops[0]?.criterionId, "opening");
  },
);
