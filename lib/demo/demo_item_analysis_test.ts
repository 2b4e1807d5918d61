import assert from "node:assert/strict";
import { demoTest } from "./testing.ts";
import { cohortSummary } from "@/lib/evaluation/summary.ts";
import { findUserByLogin } from "@/lib/identity/accounts/user_store.ts";
import {
  DEMO_ABILITIES,
  DEMO_SELF_BELIEF,
  seedDemoItemAnalysis,
} from "./demo_item_analysis.ts";

demoTest(
  "demo pre-tests rate confidence: the running cohorts show over- and under-confident learners on first start",
  async (kv, now) => {
    await seedDemoItemAnalysis(kv, "onboarding", now);
    const ids = new Map<string, string>();
    for (const [login] of DEMO_ABILITIES) {
      const user = await findUserByLogin(kv, login);
      if (user) ids.set(user.id, login);
    }
    const over: string[] = [];
    const under: string[] = [];
    let classed = 0;
    for (const cohort of ["cohort-a", "cohort-b"]) {
      const s = (await cohortSummary(kv, cohort))!;
      over.push(...s.level2.overconfident.map((id) => ids.get(id)!));
      under.push(...s.level2.underconfident.map((id) => ids.get(id)!));
      classed += s.level2.confidence.classed;
      assert.ok(s.level2.confidence.figure, `${cohort}: a cohort figure`);
      assert.ok(s.level2.confidence.n >= 5 * s.level2.confidence.learners);
    }
    assert.equal(classed, ids.size, "every demo learner rated the pre-test");
    // The self-belief the demo gives them (others may land either side
    // by the luck of their answers, as real learners do).
    for (const [login, belief] of Object.entries(DEMO_SELF_BELIEF)) {
      assert.ok(
        (belief > 0 ? over : under).includes(login),
        `${login} is ${belief > 0 ? "over" : "under"}-confident`,
      );
    }
    assert.ok(over.length + under.length < ids.size, "most are neither");
  },
);
