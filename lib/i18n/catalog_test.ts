import assert from "node:assert/strict";
import { en } from "./en.ts";
import { messageArguments, translate } from "./i18n.ts";
import { zhCN } from "./zh_cn.ts";

const zhKeys = Object.keys(zhCN).sort();
const enKeys = Object.keys(en).sort();

Deno.test("catalogs: every key of the merged catalogs exists in both languages", () => {
  assert.deepEqual(
    zhKeys.filter((k) => !(k in en)),
    [],
    "keys missing in English",
  );
  assert.deepEqual(
    enKeys.filter((k) => !(k in zhCN)),
    [],
    "keys missing in zh-CN",
  );
  for (const key of zhKeys) {
    assert.ok(
      (zhCN as Record<string, string>)[key].trim(),
      `${key}: empty in zh-CN`,
    );
    assert.ok(
      (en as Record<string, string>)[key].trim(),
      `${key}: empty in en`,
    );
  }
});

Deno.test("catalogs: every message parses and has the same placeholders in both languages", () => {
  const differ: string[] = [];
  for (const key of zhKeys) {
    const zh = messageArguments((zhCN as Record<string, string>)[key], "zh-CN")
      .sort();
    const e = messageArguments((en as Record<string, string>)[key], "en")
      .sort();
    if (zh.join() !== e.join()) {
      differ.push(`${key}: zh-CN {${zh}} vs en {${e}}`);
    }
  }
  assert.deepEqual(differ, []);
});

Deno.test("catalogs: an English count before a noun goes through Intl.PluralRules, never a bare {count}", () => {
  // "{count} problems" reads "1 problems"; `{count, plural, one {…} other {…}}` does not.
  const bare = /\{count\} (?:more )?[a-z]+s\b/;
  const bad = Object.entries(en).filter(([, v]) => bare.test(v))
    .map(([k, v]) => `${k}: ${v}`);
  assert.deepEqual(bad, []);
  assert.equal(
    translate("en", "authoring.badge.problems", { count: 1 }),
    "1 problem",
  );
  assert.equal(
    translate("en", "authoring.badge.problems", { count: 1200 }),
    "1,200 problems",
  );
});

// CSV column names are data, written with ASCII commas on purpose.
const ASCII_BY_DESIGN = new Set(["invitations.import.example_header"]);

Deno.test("catalogs: zh-CN text uses full-width punctuation next to Chinese", () => {
  const halfWidth = /\p{Script=Han}\s*[,:;?!()]|[,:;?!()]\s*\p{Script=Han}/u;
  const bad = Object.entries(zhCN).filter(([k, v]) =>
    !ASCII_BY_DESIGN.has(k) && halfWidth.test(v)
  ).map(([k, v]) => `${k}: ${v}`);
  assert.deepEqual(bad, []);
});

Deno.test("translate() picks English plural forms by Intl.PluralRules and formats numbers", () => {
  assert.equal(
    translate("en", "learner.practice_row", { best: 80, latest: 70, count: 1 }),
    "best 80 · latest 70 · 1 try",
  );
  assert.equal(
    translate("en", "learner.practice_row", { best: 80, latest: 70, count: 3 }),
    "best 80 · latest 70 · 3 tries",
  );
  assert.equal(
    translate("en", "home.course.lessons", { count: 1 }),
    "1 lesson",
  );
  assert.equal(
    translate("en", "home.course.lessons", { count: 25 }),
    "25 lessons",
  );
  // Chinese has one form.
  assert.equal(
    translate("zh-CN", "home.course.lessons", { count: 1 }),
    "1 节课",
  );
  // A missing value stays visible instead of failing the page.
  assert.equal(translate("zh-CN", "home.course.lessons"), "{count} 节课");
});

Deno.test("translate() formats dates and times on Beijing time, in the UI language", () => {
  // 01:30 UTC is 09:30 in Beijing, the next calendar day for 23:30 UTC.
  const at = new Date("2026-12-07T23:30:00Z");
  assert.equal(
    translate("zh-CN", "learner.quiz.next_open", { time: at }),
    "下一次最早可在 2026年12月8日 07:30 开始。",
  );
  assert.equal(
    translate("en", "learner.quiz.next_open", { time: at }),
    "The next attempt opens on Dec 8, 2026 at 07:30 AM.",
  );
});
