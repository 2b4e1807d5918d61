/**
 * Semantic checks over a loaded {@link ContentTree}: everything the schemas
 * cannot see from one field alone (references between files, unique ids,
 * answer keys, scenario graphs, model answers against their rubrics, the
 * 30-day plan and fact coverage). Pure: the same tree gives the same problems.
 *
 * @module
 */
import type {
  ContentTree,
  Kind,
  Loaded,
  LoadedLesson,
} from "../content/loader.ts";
import { sortProblems } from "../content/loader.ts";
import { bestChoice, checkScenario } from "@/lib/scenario/scenario_check.ts";
import type {
  Condition,
  DrawRule,
  InlineQuestion,
  Psychology,
  Question,
  QuestionType,
  ReplyElement,
  Rubric,
  Scenario,
} from "../content/schema.ts";
import { QuestionType as QuestionTypes } from "../content/schema.ts";
import { lessonMarkupProblems } from "../content/markup_check.ts";
import { lessonImageAltProblems } from "../content/image_alt_check.ts";
import { halfWidthMarks } from "../content/cjk_punctuation.ts";
import { letterReferences, optionRefs } from "../content/option_refs.ts";
import { checkPolicyFigures } from "./checks/policy_figures.ts";
import { checkBankBalance } from "./checks/bank_balance.ts";
import { checkNearDuplicates } from "./checks/near_duplicates.ts";
import { checkModelAnswers } from "./checks/model_answers.ts";
import { checkCoverage } from "./checks/coverage.ts";
import { checkParallelForms } from "./checks/parallel_forms.ts";
import { checkPlanRota } from "./checks/plan_rota.ts";
import { checkReplies } from "./checks/replies.ts";
import { typeOf } from "@/lib/question_types/registry.ts";
import {
  type DataPath,
  duplicateInList,
  editDistance,
  fieldProblem,
  type ListItem,
  locate,
  msg,
  type PosIndex,
  type Problem,
  type ProblemMessage,
} from "../content/source.ts";

/** Anything with a file and field positions that a problem can point into. */
interface Located {
  path: string;
  pos: PosIndex;
}

/** Where an id was defined, for duplicate and existence checks. */
interface Definition extends Located {
  at: DataPath;
}

/**
 * Normalises a reply the way rubric patterns see it: full-width letters,
 * digits and punctuation become half-width (NFKC).
 */
export function normalizeReply(text: string): string {
  return text.normalize("NFKC");
}

function kindName(kind: Kind): ProblemMessage {
  return msg(`problem.kind.${kind}`);
}

/** Runs every semantic check; problems come sorted by path and line. */
export function checkContent(tree: ContentTree): Problem[] {
  const checker = new Checker(tree);
  checker.run();
  return sortProblems(checker.problems);
}

interface CompiledCriterion {
  id: string;
  label: string;
  element?: ReplyElement;
  category?: string;
  regexes: RegExp[];
}

interface CompiledRubric {
  rubric: Rubric;
  required: CompiledCriterion[];
  forbidden: CompiledCriterion[];
}

const GOOD_OUTCOMES = new Set(["resolved", "escalated"]);

class Checker {
  problems: Problem[] = [];
  ids = new Map<Kind, Map<string, Definition>>();
  skills = new Set<string>();
  rubrics = new Map<string, CompiledRubric>();
  questions = new Map<string, Question>();
  modulesWithQuiz = new Set<string>();

  constructor(readonly tree: ContentTree) {}

  add(doc: Located, at: DataPath, message: ProblemMessage) {
    this.problems.push(fieldProblem(doc.path, doc.pos, at, message));
  }

  run() {
    this.index();
    for (const r of this.tree.rubrics) this.rubric(r);
    for (const course of this.tree.courses) {
      this.course(course);
      for (const m of course.modules) {
        this.punctuation(m, ["title"], m.data.title);
        m.data.objectives.forEach((o, i) =>
          this.punctuation(m, ["objectives", i], o)
        );
        this.moduleQuiz(m);
        for (const l of m.lessons) this.lesson(l);
      }
    }
    for (const bank of this.tree.banks) {
      this.fileName(bank);
      bank.data.questions.forEach((q, i) =>
        this.question(bank, ["questions", i], q)
      );
    }
    for (const s of this.tree.scenarios) this.scenario(s);
    for (const d of this.tree.drills) this.drill(d);
    for (const s of this.tree.surveys) {
      this.fileName(s);
      if (s.data.module) this.ref(s, ["module"], "module", s.data.module);
      this.unique(
        s,
        s.data.questions.map((q, i) => [q.id, ["questions", i, "id"]]),
        "survey_question",
      );
    }
    for (const o of this.tree.observations) {
      this.fileName(o);
      this.unique(
        o,
        o.data.sections.map((s, i) => [s.id, ["sections", i, "id"]]),
        "section",
      );
      this.unique(
        o,
        o.data.sections.flatMap((s, i) =>
          s.items.map((
            it,
            j,
          ): [string, DataPath] => [it.id, ["sections", i, "items", j, "id"]])
        ),
        "item",
      );
      o.data.sections.forEach((s, i) =>
        s.items.forEach((it, j) =>
          this.skillRefs(o, ["sections", i, "items", j, "skills"], it.skills)
        )
      );
    }
    for (const e of this.tree.exams) this.exam(e);
    for (const p of this.tree.plans) this.plan(p);
    for (const c of this.tree.certifications) this.certification(c);
    this.problems.push(...checkPolicyFigures(this.tree));
    this.problems.push(...checkBankBalance(this.tree));
    this.problems.push(...checkNearDuplicates(this.tree));
    this.problems.push(...checkModelAnswers(this.tree));
    this.problems.push(...checkCoverage(this.tree));
    this.problems.push(...checkParallelForms(this.tree));
    this.problems.push(...checkPlanRota(this.tree));
    this.problems.push(...checkReplies(this.tree));
  }

  // ------------------------------------------------------------ ids

  /** Registers every id; a second definition of an id is reported where it stands. */
  index() {
    const t = this.tree;
    const define = (kind: Kind, id: string, doc: Located, at: DataPath) => {
      const known = this.ids.get(kind) ?? new Map<string, Definition>();
      this.ids.set(kind, known);
      const first = known.get(id);
      if (first) {
        const { line } = locate(first.pos, first.at);
        this.add(
          doc,
          at,
          msg("problem.check.duplicate_id", {
            kind: kindName(kind),
            id,
            where: `${first.path}:${line}`,
          }),
        );
      } else {
        known.set(id, { path: doc.path, pos: doc.pos, at });
      }
    };
    for (const c of t.courses) {
      define("course", c.data.id, c, ["id"]);
      c.data.skills.forEach((s) => this.skills.add(s.id));
      for (const m of c.modules) {
        define("module", m.data.id, m, ["id"]);
        if (m.data.quiz) this.modulesWithQuiz.add(m.data.id);
        for (const l of m.lessons) {
          define("lesson", l.data.id, l, ["id"]);
          for (const check of l.checks) {
            if ("type" in check.data && check.data.id) {
              define("question", check.data.id, {
                path: l.path,
                pos: check.pos,
              }, ["id"]);
            }
          }
        }
      }
    }
    for (const b of t.banks) {
      define("bank", b.data.id, b, ["id"]);
      b.data.questions.forEach((q, i) => {
        define("question", q.id, b, ["questions", i, "id"]);
        if (!this.questions.has(q.id)) this.questions.set(q.id, q);
      });
    }
    for (const r of t.rubrics) define("rubric", r.data.id, r, ["id"]);
    for (const s of t.scenarios) define("scenario", s.data.id, s, ["id"]);
    for (const d of t.drills) define("drill", d.data.id, d, ["id"]);
    for (const s of t.surveys) define("survey", s.data.id, s, ["id"]);
    for (const o of t.observations) define("observation", o.data.id, o, ["id"]);
    for (const e of t.exams) define("exam", e.data.id, e, ["id"]);
    for (const p of t.plans) define("plan", p.data.id, p, ["id"]);
    for (const c of t.certifications) {
      define("certification", c.data.id, c, ["id"]);
    }
  }

  has(kind: Kind, id: string): boolean {
    return (this.ids.get(kind)?.has(id) ?? false) ||
      (this.tree.invalid[kind]?.includes(id) ?? false);
  }

  /** Reports a reference to an id that no file defines, suggesting a near one. */
  ref(doc: Located, at: DataPath, kind: Kind, id: string): boolean {
    if (this.has(kind, id)) return true;
    const near = [...(this.ids.get(kind)?.keys() ?? [])].find((k) =>
      editDistance(k, id) <= 2
    );
    this.add(
      doc,
      at,
      near
        ? msg("problem.check.missing_ref_near", {
          kind: kindName(kind),
          id,
          near,
        })
        : msg("problem.check.missing_ref", { kind: kindName(kind), id }),
    );
    return false;
  }

  skillRefs(doc: Located, at: DataPath, skills: readonly string[] | undefined) {
    // A broken course.yaml hides the vocabulary; checking against it would flag every tag.
    if (!skills || (this.tree.invalid.course?.length ?? 0) > 0) return;
    skills.forEach((s, i) => {
      if (!this.skills.has(s)) {
        const near = [...this.skills].find((k) => editDistance(k, s) <= 2);
        this.add(
          doc,
          [...at, i],
          near
            ? msg("problem.check.unknown_skill_near", { skill: s, near })
            : msg("problem.check.unknown_skill", { skill: s }),
        );
      }
    });
  }

  /** Reports ids repeated within one list (options, choices, items...). */
  unique(doc: Located, entries: [string, DataPath][], what: ListItem) {
    const seen = new Set<string>();
    for (const [id, at] of entries) {
      if (seen.has(id)) this.add(doc, at, duplicateInList(what, id));
      seen.add(id);
    }
  }

  /** Assessment files are named after their id, so authors can find them. */
  fileName(doc: Loaded<{ id: string }>) {
    const name = doc.path.split("/").pop()!.replace(/\.ya?ml$/, "");
    if (name !== doc.data.id) {
      this.add(
        doc,
        ["id"],
        msg("problem.check.file_name", { id: doc.data.id, name }),
      );
    }
  }

  // ------------------------------------------------------------ courses

  /** Reports half-width punctuation next to Chinese text in a learner-facing field. */
  punctuation(doc: Located, at: DataPath, text: string | undefined) {
    const marks = text ? halfWidthMarks(text) : [];
    if (marks.length === 0) return;
    const fixes = [...new Set(marks.map((m) => `${m.mark} → ${m.full}`))];
    this.add(
      doc,
      at,
      msg("problem.check.half_width", { fixes: fixes.join(", ") }),
    );
  }

  course(c: ContentTree["courses"][number]) {
    for (const key of ["title", "summary", "audience"] as const) {
      this.punctuation(c, [key], c.data[key]);
    }
    this.unique(
      c,
      c.data.skills.map((s, i) => [s.id, ["skills", i, "id"]]),
      "skill",
    );
    const cov = c.coverage;
    if (!cov) return;
    this.unique(
      cov,
      cov.data.facts.map((f, i) => [f.id, ["facts", i, "id"]]),
      "fact",
    );
    cov.data.facts.forEach((f, i) => {
      const at = ["facts", i];
      const lessons = f.lessons.filter((l, j) =>
        this.ref(cov, [...at, "lessons", j], "lesson", l)
      );
      const questions = f.questions.filter((q, j) =>
        this.ref(cov, [...at, "questions", j], "question", q)
      );
      f.scenarios?.forEach((s, j) =>
        this.ref(cov, [...at, "scenarios", j], "scenario", s)
      );
      if (lessons.length === 0) {
        this.add(
          cov,
          [...at, "id"],
          msg("problem.check.fact_untaught", { id: f.id }),
        );
      }
      if (questions.length === 0) {
        this.add(
          cov,
          [...at, "id"],
          msg("problem.check.fact_unasked", { id: f.id }),
        );
      }
    });
  }

  moduleQuiz(m: ContentTree["courses"][number]["modules"][number]) {
    const quiz = m.data.quiz;
    if (!quiz) return;
    if (!this.ref(m, ["quiz", "bank"], "bank", quiz.bank)) return;
    quiz.draw.forEach((rule, i) => {
      this.skillRefs(m, ["quiz", "draw", i, "skills"], rule.skills);
      this.drawable(m, ["quiz", "draw", i], [quiz.bank], rule);
    });
  }

  /** A draw rule must find enough questions, or every attempt would come up short. */
  drawable(
    doc: Located,
    at: DataPath,
    banks: readonly string[],
    rule: DrawRule,
  ) {
    const pool = this.tree.banks.filter((b) => banks.includes(b.data.id))
      .flatMap((b) => b.data.questions);
    if (banks.some((b) => this.tree.invalid.bank?.includes(b))) return;
    const matching =
      pool.filter((q) =>
        (rule.module === undefined || q.module === rule.module) &&
        (rule.form === undefined || q.form === rule.form) &&
        (rule.difficulty === undefined || q.difficulty === rule.difficulty) &&
        (rule.types === undefined || rule.types.includes(q.type)) &&
        (rule.skills === undefined ||
          rule.skills.some((s) => q.skills.includes(s)))
      ).length;
    if (matching < rule.count) {
      this.add(
        doc,
        [...at, "count"],
        msg("problem.check.draw_short", { count: rule.count, matching }),
      );
    }
  }

  /**
   * Options are labelled in the order shown (shuffled per attempt), so an
   * explanation names an option as `[[id]]`, never by its letter.
   */
  explanationRefs(
    doc: Located,
    at: DataPath,
    q: Question | InlineQuestion,
  ) {
    const text = q.explanation ?? "";
    const options = "options" in q ? q.options : [];
    const ids = options.map((o) => o.id);
    for (const id of optionRefs(text)) {
      if (!ids.includes(id)) {
        this.add(
          doc,
          [...at, "explanation"],
          ids.length
            ? msg("problem.check.option_ref", { id, ids: ids.join(", ") })
            : msg("problem.check.option_ref_none", { id }),
        );
      }
    }
    const letters = letterReferences(
      text,
      q.prompt,
      options.map((o) => o.text),
    );
    if (letters.length) {
      const ex = letters.map((l) => `${l} → [[${ids[l.charCodeAt(0) - 65]}]]`);
      this.add(
        doc,
        [...at, "explanation"],
        msg("problem.check.option_letters", {
          letters: letters.join(", "),
          examples: ex.join(", "),
        }),
      );
    }
  }

  lesson(l: LoadedLesson) {
    const d = l.data;
    this.punctuation(l, ["title"], d.title);
    d.objectives.forEach((o, i) => this.punctuation(l, ["objectives", i], o));
    this.skillRefs(l, ["skills"], d.skills);
    if (d.quizBank) this.ref(l, ["quizBank"], "bank", d.quizBank);
    d.scenarios?.forEach((s, i) =>
      this.ref(l, ["scenarios", i], "scenario", s)
    );
    if (l.fenceCount === 0) {
      this.add(
        l,
        ["id"],
        msg("problem.check.no_inline_check"),
      );
    }
    this.problems.push(...lessonMarkupProblems(l.path, l.body, l.bodyLine));
    this.problems.push(...lessonImageAltProblems(l.path, l.body, l.bodyLine));
    for (const check of l.checks) {
      const doc = { path: l.path, pos: check.pos };
      if ("ref" in check.data) {
        this.ref(doc, ["ref"], "question", check.data.ref);
      } else this.question(doc, [], check.data);
    }
  }

  // ------------------------------------------------------------ questions

  question(doc: Located, at: DataPath, q: Question | InlineQuestion) {
    const f = (...rest: PropertyKey[]) => [...at, ...rest];
    if (q.module) this.ref(doc, f("module"), "module", q.module);
    this.skillRefs(doc, f("skills"), q.skills);
    this.explanationRefs(doc, at, q);
    // The rules across one type's fields live with the type (lib/question_types/).
    typeOf(q).check(q, {
      add: (path, message) => this.add(doc, f(...path), message),
      unique: (entries, what) =>
        this.unique(
          doc,
          entries.map(([id, path]) => [id, f(...path)]),
          what,
        ),
      rubric: (path, rubricId, answerPath, modelAnswer) => {
        if (this.ref(doc, f(...path), "rubric", rubricId)) {
          this.modelAnswer(doc, f(...answerPath), modelAnswer, rubricId);
        }
      },
    });
  }

  // ------------------------------------------------------------ rubrics and replies

  rubric(r: Loaded<Rubric>) {
    this.fileName(r);
    const d = r.data;
    if (d.length.min > d.length.max) {
      this.add(
        r,
        ["length"],
        msg("problem.check.length_order", {
          min: d.length.min,
          max: d.length.max,
        }),
      );
    }
    this.unique(r, [
      ...d.required.map((c, i) =>
        [c.id, ["required", i, "id"]] as [string, DataPath]
      ),
      ...d.forbidden.map((c, i) =>
        [c.id, ["forbidden", i, "id"]] as [string, DataPath]
      ),
    ], "criterion");
    const compile = (list: "required" | "forbidden") =>
      d[list].map((c, i): CompiledCriterion => ({
        id: c.id,
        label: c.label,
        element: "element" in c ? c.element : undefined,
        category: "category" in c ? c.category : undefined,
        regexes: c.patterns.flatMap((p, j) => {
          const at = [list, i, "patterns", j];
          try {
            const re = new RegExp(p);
            if (normalizeReply(p) !== p) {
              this.add(
                r,
                at,
                msg("problem.check.pattern_full_width", {
                  pattern: p,
                  fix: normalizeReply(p),
                }),
              );
            }
            return [re];
          } catch (e) {
            this.add(
              r,
              at,
              msg("problem.check.bad_regex", {
                pattern: p,
                detail: (e as Error).message,
              }),
            );
            return [];
          }
        }),
      }));
    const compiled = {
      rubric: d,
      required: compile("required"),
      forbidden: compile("forbidden"),
    };
    if (!this.rubrics.has(d.id)) this.rubrics.set(d.id, compiled);
    // An example that its own patterns miss shows the patterns are too narrow.
    d.required.forEach((c, i) => {
      const regexes = compiled.required[i].regexes;
      c.examples?.forEach((ex, j) => {
        if (
          regexes.length > 0 &&
          !regexes.some((re) => re.test(normalizeReply(ex)))
        ) {
          this.add(
            r,
            ["required", i, "examples", j],
            msg("problem.check.example_unmatched", { example: ex }),
          );
        }
      });
    });
  }

  /** Reports elements a rubric has no required criterion for. */
  elements(
    doc: Located,
    at: DataPath,
    elements: readonly ReplyElement[] | undefined,
    rubricId: string,
  ) {
    const r = this.rubrics.get(rubricId);
    if (!r || !elements) return;
    elements.forEach((e, i) => {
      if (!r.required.some((c) => c.element === e)) {
        this.add(
          doc,
          [...at, i],
          msg("problem.check.element_uncovered", {
            rubric: rubricId,
            element: e,
          }),
        );
      }
    });
  }

  /** A model answer must pass its own rubric: no forbidden wording, every asked element, in length. */
  modelAnswer(
    doc: Located,
    at: DataPath,
    text: string,
    rubricId: string,
    elements?: readonly ReplyElement[],
  ) {
    const r = this.rubrics.get(rubricId);
    if (!r) return;
    const reply = normalizeReply(text);
    this.forbidden(doc, at, reply, r, msg("problem.what.model_answer"));
    for (const c of r.required) {
      if (elements && (!c.element || !elements.includes(c.element))) continue;
      if (c.regexes.length > 0 && !c.regexes.some((re) => re.test(reply))) {
        this.add(
          doc,
          at,
          msg("problem.check.model_misses", {
            element: c.element ?? "",
            label: c.label,
            rubric: rubricId,
          }),
        );
      }
    }
    const length = [...reply].length;
    const { min, max } = r.rubric.length;
    if (length < min || length > max) {
      this.add(
        doc,
        at,
        msg("problem.check.model_length", {
          length,
          rubric: rubricId,
          min,
          max,
        }),
      );
    }
  }

  forbidden(
    doc: Located,
    at: DataPath,
    reply: string,
    r: CompiledRubric,
    what: ProblemMessage,
  ) {
    for (const c of r.forbidden) {
      for (const re of c.regexes) {
        const hit = re.exec(reply);
        if (hit) {
          this.add(
            doc,
            at,
            msg("problem.check.forbidden", {
              what,
              hit: hit[0],
              category: c.category ?? "",
              label: c.label,
              rubric: r.rubric.id,
            }),
          );
        }
      }
    }
  }

  // ------------------------------------------------------------ scenarios

  scenario(s: Loaded<Scenario>) {
    this.fileName(s);
    const d = s.data;
    this.ref(s, ["module"], "module", d.module);
    this.skillRefs(s, ["skills"], d.skills);
    const nodes = Object.keys(d.nodes);
    const endings = Object.keys(d.endings);
    const targets = new Set([...nodes, ...endings]);
    for (const e of endings) {
      if (d.nodes[e]) {
        this.add(
          s,
          ["endings", e],
          msg("problem.check.node_and_ending", { id: e }),
        );
      }
    }
    if (!d.nodes[d.start]) {
      this.add(s, ["start"], msg("problem.check.no_node", { id: d.start }));
    }

    const choiceIds = new Set(
      nodes.flatMap((n) =>
        d.nodes[n].choices?.map((c) => `${n}.${c.id}`) ?? []
      ),
    );
    const condition = (when: Condition | undefined, at: DataPath) => {
      for (const key of ["chose", "notChose"] as const) {
        when?.[key]?.forEach((ref, i) => {
          if (!choiceIds.has(ref)) {
            this.add(
              s,
              [...at, key, i],
              msg("problem.check.no_choice", { id: ref }),
            );
          }
        });
      }
    };
    const target = (id: string, at: DataPath) => {
      if (!targets.has(id)) {
        this.add(s, at, msg("problem.check.no_target", { id }));
      }
    };
    const edges = new Map<string, string[]>();
    const usedRubrics = new Set<string>();
    for (const n of nodes) {
      const node = d.nodes[n];
      const at = ["nodes", n];
      const out: string[] = [];
      if (node.choices) {
        this.unique(
          s,
          node.choices.map((c, i) => [c.id, [...at, "choices", i, "id"]]),
          "choice",
        );
        if (node.choices.every((c) => c.when)) {
          this.add(
            s,
            [...at, "choices"],
            msg("problem.check.all_conditional"),
          );
        }
        node.choices.forEach((c, i) => {
          const cat = [...at, "choices", i];
          target(c.next, [...cat, "next"]);
          out.push(c.next);
          condition(c.when, [...cat, "when"]);
          c.branches?.forEach((b, j) => {
            target(b.next, [...cat, "branches", j, "next"]);
            condition(b.when, [...cat, "branches", j, "when"]);
            out.push(b.next);
          });
        });
      }
      if (node.reply) {
        const r = node.reply;
        const rat = [...at, "reply"];
        if (this.ref(s, [...rat, "rubric"], "rubric", r.rubric)) {
          usedRubrics.add(r.rubric);
          this.elements(s, [...rat, "elements"], r.elements, r.rubric);
          this.modelAnswer(
            s,
            [...rat, "modelAnswer"],
            r.modelAnswer,
            r.rubric,
            r.elements,
          );
        }
        target(r.next, [...rat, "next"]);
        target(r.failNext, [...rat, "failNext"]);
        out.push(r.next, r.failNext);
        r.branches?.forEach((b, j) => {
          target(b.next, [...rat, "branches", j, "next"]);
          condition(b.when, [...rat, "branches", j, "when"]);
          out.push(b.next);
        });
      }
      edges.set(n, out.filter((t) => targets.has(t)));
    }

    // Reachability from start.
    const reached = new Set<string>();
    const queue = d.nodes[d.start] ? [d.start] : [];
    while (queue.length > 0) {
      const n = queue.pop()!;
      if (reached.has(n)) continue;
      reached.add(n);
      queue.push(...(edges.get(n) ?? []));
    }
    // Whether a run reaches each node is checked with the engine
    // (lib/scenario/scenario_check.ts), conditions included.

    // Nodes from which no ending can be reached are trapped in a cycle.
    const ends = new Set(endings);
    let grew = true;
    while (grew) {
      grew = false;
      for (const n of nodes) {
        if (!ends.has(n) && edges.get(n)!.some((t) => ends.has(t))) {
          ends.add(n);
          grew = true;
        }
      }
    }
    for (const n of nodes) {
      if (reached.has(n) && !ends.has(n) && edges.get(n)!.length > 0) {
        this.add(
          s,
          ["nodes", n],
          msg("problem.check.cycle", { id: n }),
        );
      }
    }

    if (!endings.some((e) => GOOD_OUTCOMES.has(d.endings[e].outcome))) {
      this.add(
        s,
        ["endings"],
        msg("problem.check.no_good_ending"),
      );
    }

    this.problems.push(...checkScenario(s));

    // The best choice is what the learner is taught to say, so it must pass the rubrics too.
    const rubrics = [...usedRubrics].flatMap((id) =>
      this.rubrics.get(id) ?? []
    );
    for (const n of nodes) {
      const choices = d.nodes[n].choices;
      if (!choices) continue;
      const best = bestChoice(choices)!;
      const i = choices.indexOf(best);
      for (const r of rubrics) {
        this.forbidden(
          s,
          ["nodes", n, "choices", i, "text"],
          normalizeReply(best.text),
          r,
          msg("problem.what.best_choice"),
        );
      }
    }
  }

  // ------------------------------------------------------------ drills, exams, plans

  drill(dr: Loaded<ContentTree["drills"][number]["data"]>) {
    this.fileName(dr);
    const d = dr.data;
    this.ref(dr, ["module"], "module", d.module);
    this.skillRefs(dr, ["skills"], d.skills);
    this.unique(
      dr,
      d.items.map((it, i) => [it.id, ["items", i, "id"]]),
      "item",
    );
    if (!this.ref(dr, ["rubric"], "rubric", d.rubric)) return;
    d.items.forEach((it, i) => {
      this.elements(dr, ["items", i, "elements"], it.elements, d.rubric);
      this.modelAnswer(
        dr,
        ["items", i, "modelAnswer"],
        it.modelAnswer,
        d.rubric,
        it.elements,
      );
    });
  }

  exam(e: Loaded<ContentTree["exams"][number]["data"]>) {
    this.fileName(e);
    const d = e.data;
    const banks = d.bank.filter((b, i) => this.ref(e, ["bank", i], "bank", b));
    d.draw.forEach((rule, i) => {
      if (rule.module) {
        this.ref(e, ["draw", i, "module"], "module", rule.module);
      }
      this.skillRefs(e, ["draw", i, "skills"], rule.skills);
      if (banks.length === d.bank.length) {
        this.drawable(e, ["draw", i], banks, rule);
      }
    });
    d.scenarios?.forEach((s, i) =>
      this.ref(e, ["scenarios", i], "scenario", s)
    );
  }

  certification(c: Loaded<ContentTree["certifications"][number]["data"]>) {
    this.fileName(c);
    const d = c.data;
    if (d.plan) this.ref(c, ["plan"], "plan", d.plan);
    if (d.requires) {
      if (d.requires === d.id) {
        this.add(c, ["requires"], msg("problem.check.self_require"));
      } else this.ref(c, ["requires"], "certification", d.requires);
    }
    if (d.rules.planItems && !d.plan) {
      this.add(c, ["rules", "planItems"], msg("problem.check.plan_needed"));
    }
    d.rules.quizzes?.modules.forEach((m, i) => {
      const at = ["rules", "quizzes", "modules", i];
      if (
        this.ref(c, at, "module", m) && !this.modulesWithQuiz.has(m) &&
        !this.tree.invalid.module?.includes(m)
      ) {
        this.add(c, at, msg("problem.check.module_no_quiz", { id: m }));
      }
    });
    d.rules.scenarios?.refs.forEach((s, i) =>
      this.ref(c, ["rules", "scenarios", "refs", i], "scenario", s)
    );
    if (d.rules.exam) {
      this.ref(c, ["rules", "exam", "ref"], "exam", d.rules.exam.ref);
    }
    d.rules.surveys?.forEach((s, i) =>
      this.ref(c, ["rules", "surveys", i], "survey", s)
    );
    if (d.rules.observation) {
      this.ref(
        c,
        ["rules", "observation", "ref"],
        "observation",
        d.rules.observation.ref,
      );
    }
    if (d.recertification?.exam) {
      this.ref(c, ["recertification", "exam"], "exam", d.recertification.exam);
    }
    if (Object.values(d.rules).every((r) => r === undefined || r === false)) {
      this.add(c, ["rules"], msg("problem.check.no_rule"));
    }
  }

  plan(p: Loaded<ContentTree["plans"][number]["data"]>) {
    this.fileName(p);
    const d = p.data;
    this.ref(p, ["course"], "course", d.course);
    const seen = new Map<number, number>();
    d.days.forEach((day, i) => {
      const at = ["days", i];
      if (seen.has(day.day)) {
        this.add(
          p,
          [...at, "day"],
          msg("problem.check.day_twice", {
            day: day.day,
            index: seen.get(day.day)!,
          }),
        );
      } else seen.set(day.day, i);
      const items = day.items ?? [];
      if (day.rest && items.length > 0) {
        this.add(
          p,
          [...at, "items"],
          msg("problem.check.rest_with_items", { day: day.day }),
        );
      }
      if (!day.rest && items.length === 0) {
        this.add(
          p,
          [...at, "day"],
          msg("problem.check.day_empty", { day: day.day }),
        );
      }
      items.forEach((item, j) => {
        if (!("ref" in item)) return;
        const iat = [...at, "items", j, "ref"];
        if (item.kind === "quiz") {
          if (
            this.ref(p, iat, "module", item.ref) &&
            !this.modulesWithQuiz.has(item.ref) &&
            !this.tree.invalid.module?.includes(item.ref)
          ) {
            this.add(
              p,
              iat,
              msg("problem.check.module_no_quiz", { id: item.ref }),
            );
          }
        } else {
          this.ref(p, iat, item.kind, item.ref);
        }
      });
    });
    const missing = Array.from({ length: 30 }, (_, i) => i + 1).filter((n) =>
      !seen.has(n)
    );
    if (missing.length > 0) {
      this.add(
        p,
        ["days"],
        msg("problem.check.days_missing", {
          count: missing.length,
          days: missing.join(", "),
        }),
      );
    }
  }
}

/** Counts of authored content, for the content:check summary and coverage goals. */
export interface ContentCounts {
  courses: number;
  modules: number;
  lessons: number;
  /** ```quiz blocks in lessons, refs included. */
  inlineChecks: number;
  /** Bank questions plus inline questions written in place (refs are not counted twice). */
  questions: Record<QuestionType, number>;
  scenarios: number;
  /** Choice nodes plus reply nodes. */
  decisionPoints: number;
  /** Reply (free-text) nodes. */
  freeTextNodes: number;
  drillSets: number;
  drillItems: number;
  rubrics: number;
  surveys: number;
  observations: number;
  exams: number;
  plans: number;
  /** Persona psychology types used by at least one scenario. */
  psychologies: Psychology[];
  /** Whether scenarios cover all four complaint-psychology types. */
  allPsychologies: boolean;
}

/** Counts what the tree holds. */
export function countContent(tree: ContentTree): ContentCounts {
  const modules = tree.courses.flatMap((c) => c.modules);
  const lessons = modules.flatMap((m) => m.lessons);
  const questions = Object.fromEntries(
    QuestionTypes.options.map((t) => [t, 0]),
  ) as Record<QuestionType, number>;
  for (const b of tree.banks) {
    for (const q of b.data.questions) questions[q.type]++;
  }
  for (const l of lessons) {
    for (const c of l.checks) if ("type" in c.data) questions[c.data.type]++;
  }
  const nodes = tree.scenarios.flatMap((s) => Object.values(s.data.nodes));
  const psychologies = [
    ...new Set(tree.scenarios.map((s) => s.data.persona.psychology)),
  ].sort();
  return {
    courses: tree.courses.length,
    modules: modules.length,
    lessons: lessons.length,
    inlineChecks: lessons.reduce((n, l) => n + l.fenceCount, 0),
    questions,
    scenarios: tree.scenarios.length,
    decisionPoints: nodes.length,
    freeTextNodes: nodes.filter((n) => n.reply).length,
    drillSets: tree.drills.length,
    drillItems: tree.drills.reduce((n, d) => n + d.data.items.length, 0),
    rubrics: tree.rubrics.length,
    surveys: tree.surveys.length,
    observations: tree.observations.length,
    exams: tree.exams.length,
    plans: tree.plans.length,
    psychologies,
    allPsychologies: psychologies.length === 4,
  };
}
