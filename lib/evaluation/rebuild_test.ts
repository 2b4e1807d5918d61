import assert from "node:assert/strict";
import type { Statement } from "@/lib/evidence/statement.ts";
import { addStatement } from "@/lib/evidence/statement_store.ts";
import { rebuildRollups } from "./rebuild.ts";
import { ROLLUP_ROOT } from "@/lib/evidence/rollup.ts";
import { rollupSnapshot as snapshot } from "./fixtures.ts";
import {
  answerStatement,
  certificateEventStatement,
  driverStatement,
  kpiStatement,
  qaStatement,
  scoreStatement,
  seeded,
  surveyStatement,
} from "./testing.ts";
import { CONFIDENCE_LEVELS, CONFIDENCE_VALUE } from "@/lib/quiz/confidence.ts";

const PATHS: [string, string | undefined][] = [
  ["modules/basics/quiz", "basics"],
  ["modules/core-skills/quiz", "core-skills"],
  ["exams/pretest", "exam:pretest"],
  ["exams/posttest", "exam:posttest"],
  ["scenarios/late-parcel", "practice"],
  ["drills/drill-promo-surge", "practice"],
];

Deno.test("rollups kept live equal rollups rebuilt from 10,000 random events, key by key", async () => {
  const seed = Number(Deno.env.get("EVAL_SEED") ?? 20261207);
  const rnd = seeded(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  using kv = await Deno.openKv(":memory:");
  const learners = Array.from({ length: 40 }, (_, i) => `u${i}`);
  const cohortOf = (l: string) =>
    Number(l.slice(1)) % 5 === 4 ? undefined : `c${Number(l.slice(1)) % 2}`;
  const teamOf = (l: string) => `t${Number(l.slice(1)) % 3}`;
  const surveys = new Map<string, Record<string, number | string>>();
  const kpis = new Map<string, Record<string, number>>();
  // What the counters must hold, kept by the test independently.
  let qaReviews = 0;
  // Rated answers per learner: n, per-mille sum, correct.
  const rated = new Map<string, [number, number, number]>();
  let certEvents = 0; // certificates issued to cohort c0
  const finalLikert = new Map<string, number>(); // "c0|q1|4" -> count
  let t = Date.UTC(2026, 8, 1);
  const events: Statement[] = [];
  for (let i = 0; i < 10_000; i++) {
    t += Math.floor(rnd() * 600_000);
    const at = new Date(t);
    const l = pick(learners);
    const c = cohortOf(l);
    const r = rnd();
    if (r < 0.35) {
      const [path, m] = pick(PATHS);
      events.push(
        scoreStatement(l, c, path, m, Math.floor(rnd() * 101), at, {
          breaches: path.startsWith("scenarios") && rnd() < 0.3
            ? [pick(["privacy", "promise", "privacy"]), "promise"]
            : undefined,
          durationMs: path.startsWith("drills")
            ? Math.floor(rnd() * 90_000)
            : undefined,
        }),
      );
    } else if (r < 0.5) {
      const surveyId = pick(["reaction-basics", "reaction-onboarding"]);
      const key = `${l}|${surveyId}`;
      const previous = surveys.get(key) ?? null;
      const answers: Record<string, number | string> = {
        q1: 1 + Math.floor(rnd() * 5),
        nps: Math.floor(rnd() * 11),
        ...(rnd() < 0.5 ? { note: `comment ${i}` } : {}),
      };
      surveys.set(key, answers);
      events.push(
        surveyStatement(l, c, surveyId, answers, previous, at, "basics"),
      );
    } else if (r < 0.65) {
      const missed = ["opening", "paraphrase", "acknowledge"].filter(() =>
        rnd() < 0.4
      );
      const breached = rnd() < 0.1 ? ["privacy"] : [];
      const percent = Math.round(rnd() * 1000) / 10;
      qaReviews++;
      events.push(qaStatement(l, c, teamOf(l), {
        percent,
        passed: percent >= 80 && breached.length === 0,
        checkpoint: pick(["d14", "d30", "d60", "d90", "other"]),
        scored: ["opening", "paraphrase", "acknowledge"],
        missed,
        breached,
      }, at));
    } else if (r < 0.75) {
      events.push(
        driverStatement(
          l,
          c,
          teamOf(l),
          pick(["coaching", "reinforcement", "recognition"]),
          at,
        ),
      );
    } else if (r < 0.9) {
      const month = pick(["2026-08", "2026-09", "2026-10", "2026-11"]);
      const key = `${l}|${month}`;
      const previous = kpis.get(key) ?? null;
      const values: Record<string, number> = {
        csat: Math.round((3 + rnd() * 2) * 100) / 100,
        frt: Math.round(rnd() * 600) / 10,
        ...(rnd() < 0.7 ? { fcr: Math.round(rnd() * 1000) / 10 } : {}),
      };
      kpis.set(key, values);
      events.push(kpiStatement(l, c, teamOf(l), month, values, previous, at));
    } else if (r < 0.97) {
      // A rating as the quiz form gives it, or none (left unrated).
      const level = pick([...CONFIDENCE_LEVELS, undefined]);
      const correct = rnd() < 0.6;
      if (level) {
        const [n, sum, right] = rated.get(l) ?? [0, 0, 0];
        rated.set(l, [
          n + 1,
          sum + Math.round(CONFIDENCE_VALUE[level] * 1000),
          right + (correct ? 1 : 0),
        ]);
      }
      events.push(
        answerStatement(
          l,
          c,
          `q${i % 30}`,
          correct,
          level && CONFIDENCE_VALUE[level],
          at,
        ),
      );
    } else {
      const event = pick(["issued", "expired", "revoked"] as const);
      certEvents += event === "issued" && c === "c0" ? 1 : 0;
      events.push(
        certificateEventStatement(
          l,
          c,
          pick(["onboarding", "senior"]),
          event,
          at,
        ),
      );
    }
  }
  for (const [key, a] of surveys) {
    const [l, surveyId] = key.split("|");
    const c = cohortOf(l);
    if (c) {
      const k = `${c}|${surveyId}|${a.q1}`;
      finalLikert.set(k, (finalLikert.get(k) ?? 0) + 1);
    }
  }

  // Four concurrent writers, each in its own commits, as requests would.
  const lanes = [0, 1, 2, 3].map((lane) =>
    events.filter((_, i) => i % 4 === lane)
  );
  await Promise.all(lanes.map(async (lane) => {
    for (const s of lane) {
      const res = await addStatement(
        kv.atomic(),
        s,
        new Date(s.timestamp),
      ).commit();
      assert.ok(res.ok, `statement ${s.id} did not commit`);
    }
  }));
  // A retried commit of a written statement changes nothing.
  const again = await addStatement(kv.atomic(), events[7], new Date()).commit();
  assert.equal(again.ok, false);

  const live = await snapshot(kv);
  assert.ok(live.size > 1000, `only ${live.size} rollup keys`);

  // The counters hold what the test computed on its own.
  let qaN = 0n;
  for (const [k, v] of live) {
    const key = JSON.parse(k);
    if (key[1] === "l" && key[3] === "qa" && key[5] === "n") {
      qaN += BigInt(v.slice(4));
    }
  }
  assert.equal(qaN, BigInt(qaReviews));
  assert.ok(rated.size > 30, `rated answers of ${rated.size} learners`);
  for (const [l, [n, sum, right]] of rated) {
    const field = (f: string) =>
      live.get(JSON.stringify([ROLLUP_ROOT, "l", l, "conf", f]));
    assert.deepEqual(
      [field("n"), field("sum"), field("correct")],
      [`u64:${n}`, `u64:${sum}`, right ? `u64:${right}` : undefined],
      `confidence of ${l}`,
    );
  }
  for (const [k, count] of finalLikert) {
    const [c, surveyId, v] = k.split("|");
    assert.equal(
      live.get(
        JSON.stringify([
          ROLLUP_ROOT,
          "c",
          c,
          "sv",
          surveyId,
          "q",
          "q1",
          Number(v),
        ]),
      ),
      `u64:${count}`,
      `likert ${k}`,
    );
  }

  let issuedC0 = 0n;
  for (const [k, v] of live) {
    const key = JSON.parse(k);
    if (
      key[1] === "c" && key[2] === "c0" && key[3] === "cert" &&
      key[5] === "issued"
    ) {
      issuedC0 += BigInt(v.slice(4));
    }
  }
  assert.ok(certEvents > 0);
  assert.equal(issuedC0, BigInt(certEvents));

  // Damage the rollups, then rebuild from the statements.
  await kv.delete([ROLLUP_ROOT, "c", "c0", "lessons"]);
  await kv.set(
    [ROLLUP_ROOT, "c", "c1", "qa", "d30", "n"],
    new Deno.KvU64(999n),
  );
  await kv.set([ROLLUP_ROOT, "junk"], new Deno.KvU64(1n));
  const result = await rebuildRollups(kv);
  assert.equal(result.statements, 10_000);
  const rebuilt = await snapshot(kv);

  const missing = [...live.keys()].filter((k) => !rebuilt.has(k));
  const extra = [...rebuilt.keys()].filter((k) => !live.has(k));
  const differ = [...live].filter(([k, v]) =>
    rebuilt.has(k) && rebuilt.get(k) !== v
  );
  assert.deepEqual(
    {
      missing: missing.slice(0, 5),
      extra: extra.slice(0, 5),
      differ: differ.slice(0, 5),
    },
    { missing: [], extra: [], differ: [] },
    `seed ${seed}`,
  );
  assert.equal(rebuilt.size, live.size);
});
