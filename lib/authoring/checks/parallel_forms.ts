/**
 * The pre-test and post-test are parallel forms of one blueprint, so the
 * gain between them measures learning rather than a change of test. Checks:
 * the two exams draw from the same banks with the same rules apart from
 * `form`, each rule names a form and the two forms differ, each rule takes
 * every question of its form that matches (the form is fixed, not a random
 * subset), and for each rule the two forms hold the same items by skill,
 * difficulty and module, with no question in both.
 *
 * @module
 */
import type { ContentTree, Loaded } from "../../content/loader.ts";
import type { DrawRule, Exam, Question } from "../../content/schema.ts";
import { type Problem, problemAt } from "../../content/source.ts";

/** The skill profile of a pool: sorted "module/difficulty/skill" entries, one per question. */
export function profile(pool: readonly Question[]): string[] {
  return pool.map((q) => `${q.module}/${q.difficulty}/${q.skills[0]}`).sort();
}

function matches(q: Question, rule: DrawRule): boolean {
  return (rule.module === undefined || q.module === rule.module) &&
    (rule.form === undefined || q.form === rule.form) &&
    (rule.difficulty === undefined || q.difficulty === rule.difficulty) &&
    (rule.types === undefined || rule.types.includes(q.type)) &&
    (rule.skills === undefined ||
      rule.skills.some((s) => q.skills.includes(s)));
}

const blueprint = (r: DrawRule) => JSON.stringify({ ...r, form: undefined });

/** Reports where the pre-test and post-test stop being parallel forms. */
export function checkParallelForms(tree: ContentTree): Problem[] {
  const pre = tree.exams.find((e) => e.data.kind === "pretest");
  const post = tree.exams.find((e) => e.data.kind === "posttest");
  if (!pre || !post) return [];
  const out: Problem[] = [];
  const at = (e: Loaded<Exam>, path: PropertyKey[], message: string) =>
    out.push(problemAt(e.path, e.pos, path, message));
  const banks = (e: Exam) => [...e.bank].sort().join(",");
  if (banks(pre.data) !== banks(post.data)) {
    at(
      post,
      ["bank"],
      `draws from [${post.data.bank}] but the pre-test ${pre.data.id} from [${pre.data.bank}]: parallel forms share their banks`,
    );
    return out;
  }
  const questions = tree.banks.filter((b) => pre.data.bank.includes(b.data.id))
    .flatMap((b) => b.data.questions);
  if (pre.data.draw.length !== post.data.draw.length) {
    at(
      post,
      ["draw"],
      `has ${post.data.draw.length} draw rules, the pre-test ${pre.data.id} ${pre.data.draw.length}: both follow one blueprint`,
    );
    return out;
  }
  pre.data.draw.forEach((a, i) => {
    const b = post.data.draw[i];
    if (blueprint(a) !== blueprint(b)) {
      at(
        post,
        ["draw", i],
        `rule ${i + 1} differs from the pre-test's (${
          blueprint(a)
        }): only \`form\` may differ between parallel forms`,
      );
      return;
    }
    if (!a.form || !b.form || a.form === b.form) {
      at(
        post,
        ["draw", i, "form"],
        `rule ${
          i + 1
        } must draw a different form from the pre-test's (pre-test form ${
          a.form ?? "none"
        }, post-test form ${b.form ?? "none"}), or the two tests share items`,
      );
      return;
    }
    const poolA = questions.filter((q) => matches(q, a));
    const poolB = questions.filter((q) => matches(q, b));
    for (
      const [exam, rule, pool] of [[pre, a, poolA], [post, b, poolB]] as const
    ) {
      if (pool.length !== rule.count) {
        at(
          exam,
          ["draw", i, "count"],
          `rule ${
            i + 1
          } draws ${rule.count} of the ${pool.length} questions of form ${rule.form}: take the whole form (count ${pool.length}) so both tests ask the same blueprint`,
        );
      }
    }
    const pa = profile(poolA).join(" ");
    const pb = profile(poolB).join(" ");
    if (pa !== pb) {
      at(
        post,
        ["draw", i],
        `rule ${i + 1}: form ${b.form} (${
          pb || "empty"
        }) is not parallel to form ${a.form} (${
          pa || "empty"
        }): pair each item with one of the same module, difficulty and main skill`,
      );
    }
  });
  return out;
}
