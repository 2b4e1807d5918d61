/**
 * Every reply the course holds up as right must pass the grader learners are
 * scored by, with no red line: written questions' and scenario reply nodes'
 * model answers, drill items' model answers, and the text of the best choice
 * at every scenario choice node (what the best path teaches). Graded with
 * `gradeReply` from lib/rubric, the same function that scores learners.
 *
 * @module
 */
import { gradeReply, type Verdict } from "@/lib/rubric/rubric.ts";
import type { ContentTree } from "../../content/loader.ts";
import type {
  ReplyElement,
  Rubric,
  ScenarioChoice,
} from "../../content/schema.ts";
import {
  type DataPath,
  msg,
  type PosIndex,
  type Problem,
  problemAt,
  type ProblemMessage,
} from "../../content/source.ts";

/** The rubric a scenario's choices are graded by when it has no reply node. */
export const DEFAULT_CHOICE_RUBRIC = "service-reply";

/** One reply the content offers as a model. */
export interface ModelReply {
  path: string;
  pos: PosIndex;
  at: DataPath;
  /** What it is, for messages: "model answer of q1", "best choice "b" of node "open"". */
  what: ProblemMessage;
  text: string;
  rubric: Rubric;
  elements?: readonly ReplyElement[];
  passPercent?: number;
  /** Choices are short and judged only for red lines, not the rubric's required elements. */
  redLinesOnly: boolean;
}

/** Every model reply in the tree, with the rubric it is graded by. */
export function modelReplies(tree: ContentTree): ModelReply[] {
  const rubrics = new Map(tree.rubrics.map((r) => [r.data.id, r.data]));
  const out: ModelReply[] = [];
  for (const b of tree.banks) {
    b.data.questions.forEach((q, i) => {
      if (q.type !== "written" || !rubrics.has(q.rubric)) return;
      out.push({
        path: b.path,
        pos: b.pos,
        at: ["questions", i, "modelAnswer"],
        what: msg("problem.what.model_answer_of", { id: q.id }),
        text: q.modelAnswer,
        rubric: rubrics.get(q.rubric)!,
        redLinesOnly: false,
      });
    });
  }
  for (const d of tree.drills) {
    const rubric = rubrics.get(d.data.rubric);
    if (!rubric) continue;
    d.data.items.forEach((it, i) =>
      out.push({
        path: d.path,
        pos: d.pos,
        at: ["items", i, "modelAnswer"],
        what: msg("problem.what.model_answer_of_drill", { id: it.id }),
        text: it.modelAnswer,
        rubric,
        elements: it.elements,
        redLinesOnly: false,
      })
    );
  }
  for (const s of tree.scenarios) {
    const nodes = Object.entries(s.data.nodes);
    const replyRubric = nodes.map(([, n]) => n.reply?.rubric).find((r) =>
      r && rubrics.has(r)
    );
    const choiceRubric = rubrics.get(replyRubric ?? DEFAULT_CHOICE_RUBRIC);
    for (const [id, node] of nodes) {
      if (node.reply && rubrics.has(node.reply.rubric)) {
        out.push({
          path: s.path,
          pos: s.pos,
          at: ["nodes", id, "reply", "modelAnswer"],
          what: msg("problem.what.model_answer_of_node", { id }),
          text: node.reply.modelAnswer,
          rubric: rubrics.get(node.reply.rubric)!,
          elements: node.reply.elements,
          passPercent: node.reply.passPercent,
          redLinesOnly: false,
        });
      }
      if (node.choices && choiceRubric) {
        const best = bestChoice(node.choices);
        out.push({
          path: s.path,
          pos: s.pos,
          at: ["nodes", id, "choices", node.choices.indexOf(best), "text"],
          what: msg("problem.what.best_choice_of", { choice: best.id, id }),
          text: best.text,
          rubric: choiceRubric,
          redLinesOnly: true,
        });
      }
    }
  }
  return out;
}

/** Grades one model reply the way a learner's reply is graded. */
export function gradeModel(m: ModelReply): Verdict {
  return gradeReply(m.rubric, m.text, {
    elements: m.elements,
    passPercent: m.passPercent,
  });
}

/** Reports model replies that cross a red line or fail their rubric. */
export function checkModelAnswers(tree: ContentTree): Problem[] {
  const problems: Problem[] = [];
  for (const m of modelReplies(tree)) {
    const v = gradeModel(m);
    for (const b of v.blockers) {
      problems.push(problemAt(
        m.path,
        m.pos,
        m.at,
        msg("problem.model.red_line", {
          what: m.what,
          code: b.code,
          text: b.span.text,
        }),
      ));
    }
    if (!m.redLinesOnly && v.blockers.length === 0 && !v.passed) {
      const missing = v.criteria.filter((c) => !c.met).map((c) =>
        `${c.element} (${c.reason})`
      );
      problems.push(problemAt(
        m.path,
        m.pos,
        m.at,
        msg("problem.model.fails", {
          what: m.what,
          score: v.score,
          rubric: m.rubric.id,
          refused: v.refused ?? "none",
          missing: missing.length ? missing.join(", ") : "none",
        }),
      ));
    }
  }
  return problems;
}

function bestChoice(choices: readonly ScenarioChoice[]): ScenarioChoice {
  const total = (c: ScenarioChoice) =>
    Object.values(c.scores).reduce((a: number, b) => a + (b ?? 0), 0);
  return choices.reduce((best, c) => (total(c) > total(best) ? c : best));
}
