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
import {
  msg,
  type Problem,
  problemAt,
  type ProblemMessage,
} from "../../content/source.ts";

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
  const at = (e: Loaded<Exam>, path: PropertyKey[], message: ProblemMessage) =>
    out.push(problemAt(e.path, e.pos, path, message));
  const banks = (e: Exam) => [...e.bank].sort().join(",");
  if (banks(pre.data) !== banks(post.data)) {
    at(
      post,
      ["bank"],
      msg("problem.forms.banks", {
        banks: String(post.data.bank),
        pretest: pre.data.id,
        preBanks: String(pre.data.bank),
      }),
    );
    return out;
  }
  const questions = tree.banks.filter((b) => pre.data.bank.includes(b.data.id))
    .flatMap((b) => b.data.questions);
  if (pre.data.draw.length !== post.data.draw.length) {
    at(
      post,
      ["draw"],
      msg("problem.forms.rule_count", {
        rules: post.data.draw.length,
        pretest: pre.data.id,
        preRules: pre.data.draw.length,
      }),
    );
    return out;
  }
  pre.data.draw.forEach((a, i) => {
    const b = post.data.draw[i];
    if (blueprint(a) !== blueprint(b)) {
      at(
        post,
        ["draw", i],
        msg("problem.forms.rule_differs", {
          rule: i + 1,
          blueprint: blueprint(a),
        }),
      );
      return;
    }
    if (!a.form || !b.form || a.form === b.form) {
      at(
        post,
        ["draw", i, "form"],
        msg("problem.forms.same_form", {
          rule: i + 1,
          preForm: a.form ?? msg("problem.forms.none"),
          postForm: b.form ?? msg("problem.forms.none"),
        }),
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
          msg("problem.forms.whole_form", {
            rule: i + 1,
            draws: rule.count,
            pool: pool.length,
            form: rule.form ?? "",
          }),
        );
      }
    }
    const pa = profile(poolA).join(" ");
    const pb = profile(poolB).join(" ");
    if (pa !== pb) {
      at(
        post,
        ["draw", i],
        msg("problem.forms.not_parallel", {
          rule: i + 1,
          form: b.form,
          profile: pb || msg("problem.forms.empty"),
          preForm: a.form,
          preProfile: pa || msg("problem.forms.empty"),
        }),
      );
    }
  });
  return out;
}
