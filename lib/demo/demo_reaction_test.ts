import assert from "node:assert/strict";
import { parse } from "yaml";
import type { Survey } from "@/lib/content/schema.ts";
import { answersFromSurveyForm } from "@/lib/survey/survey_answers.ts";
import { reactionAnswers } from "./demo_reaction.ts";

const surveys = await Promise.all(
  ["basics", "core-skills", "practice", "onboarding"].map(async (id) =>
    parse(
      await Deno.readTextFile(
        new URL(
          `../../assessments/surveys/reaction-${id}.yaml`,
          import.meta.url,
        ),
      ),
    ) as Survey
  ),
);
const learners = Array.from({ length: 40 }, (_, i) => `p${i}@demo.academy`);

Deno.test("demo reaction answers pass the survey form's own checks, and repeat", () => {
  for (const survey of surveys) {
    for (const who of learners) {
      const answers = reactionAnswers(survey, who);
      const form = new URLSearchParams(
        Object.entries(answers).map(([k, v]) => [`q_${k}`, String(v)]),
      );
      const read = answersFromSurveyForm(survey, form);
      assert.deepEqual(read.problems, [], `${survey.id} ${who}`);
      assert.deepEqual(read.answers, answers);
      assert.deepEqual(reactionAnswers(survey, who), answers);
    }
  }
});

Deno.test("demo reaction answers spread: several values, a low item, detractors and promoters, comments", () => {
  for (const survey of surveys) {
    const all = learners.map((w) => reactionAnswers(survey, w));
    for (const q of survey.questions) {
      if (q.type === "text") {
        const texts = all.flatMap((a) => a[q.id] ? [String(a[q.id])] : []);
        assert.ok(texts.length > 5 && texts.length < 40, `${q.id} comments`);
        assert.ok(new Set(texts).size >= 3);
        continue;
      }
      const values = new Set(all.map((a) => a[q.id]));
      assert.ok(values.size >= 2, `${survey.id}/${q.id} is uniform`);
    }
    const mean = (id: string) =>
      all.reduce((s, a) => s + Number(a[id]), 0) / all.length;
    assert.ok(mean("organisation") < 3.5, `${survey.id} organisation`);
    const nps = all.map((a) => Number(a.nps));
    assert.ok(nps.some((v) => v <= 6) && nps.some((v) => v >= 9));
  }
});
