/**
 * What the chat island and the debrief page show of a run: plain data built
 * from the scenario version and the stored run, with nothing the learner
 * should not see yet (no scores of options not taken, no next nodes).
 */
import type { Rubric, Scenario } from "@/lib/content/schema.ts";
import type { Translate } from "@/lib/i18n/i18n.ts";
import {
  type Debrief,
  debrief,
  replyLength,
  type RunState,
  shownChoices,
} from "./engine.ts";
import type { Run } from "./run_store.ts";
import { verdictView } from "@/lib/rubric/verdict_view.ts";

/** One chat bubble. */
export interface ChatEntry {
  from: "customer" | "agent" | "coach";
  text: string;
  /** Rubric criteria for a graded reply. */
  criteria?: { label: string; passed: boolean; reason: string }[];
}

/** The step awaiting the learner. */
export interface StepView {
  nodeId: string;
  /** In the order this run shows them (shuffled per run); answered by id. */
  choices?: { id: string; text: string }[];
  /** The reply box: the length the node's rubric accepts, and a hint saying so. */
  reply?: {
    instruction: string;
    minLength: number;
    maxLength: number;
    lengthHint: string;
  };
}

/** Everything the chat island needs. */
export interface ChatView {
  history: ChatEntry[];
  step: StepView | null;
  mood: number;
  ending: { outcome: "resolved" | "escalated" | "lost" } | null;
}

/** Learner-visible feedback lines of a turn. */
function coachLines(
  turn: RunState["turns"][number],
  t: Translate,
): ChatEntry[] {
  const out: ChatEntry[] = [];
  if (turn.late) {
    out.push({ from: "coach", text: t("scenario.late", turn.late) });
  }
  if (turn.reply) {
    const verdict = t(
      turn.reply.passed ? "scenario.reply_pass" : "scenario.reply_fail",
    );
    out.push({
      from: "coach",
      text: t("scenario.reply_score", { score: turn.reply.score, verdict }) +
        (turn.feedback ? `:${turn.feedback}` : ""),
      criteria: verdictView(turn.reply.criteria, t).map((c) => ({
        label: c.title,
        passed: c.passed,
        reason: c.reason,
      })),
    });
  } else if (turn.feedback) {
    out.push({ from: "coach", text: turn.feedback });
  }
  return out;
}

/** Builds the chat view of a run; `rubrics` set the reply box's length. */
export function chatView(
  scenario: Scenario,
  run: Pick<Run, "state">,
  rubrics: readonly Rubric[],
  t: Translate,
): ChatView {
  const state = run.state as RunState;
  const history: ChatEntry[] = [];
  for (const turn of state.turns) {
    history.push({ from: "customer", text: turn.customer });
    history.push({ from: "agent", text: turn.text });
    history.push(...coachLines(turn, t));
  }
  if (state.nodeId) {
    const node = scenario.nodes[state.nodeId];
    history.push({ from: "customer", text: node.customer });
    return {
      history,
      mood: state.mood,
      ending: null,
      step: node.choices
        ? {
          nodeId: state.nodeId,
          choices: shownChoices(scenario, state).map((c) => ({
            id: c.id,
            text: c.text,
          })),
        }
        : replyStep(state.nodeId, node.reply!, rubrics, t),
    };
  }
  const ending = scenario.endings[state.endingId!];
  history.push({ from: "customer", text: ending.customer });
  return {
    history,
    mood: state.mood,
    ending: { outcome: ending.outcome },
    step: null,
  };
}

function replyStep(
  nodeId: string,
  reply: NonNullable<Scenario["nodes"][string]["reply"]>,
  rubrics: readonly Rubric[],
  t: Translate,
): StepView {
  const { min, max } = replyLength(reply, rubrics);
  return {
    nodeId,
    reply: {
      instruction: reply.instruction,
      minLength: min,
      maxLength: max,
      lengthHint: t("scoring.reply_length", { min, max }),
    },
  };
}

/** The debrief of a finished run (see engine `debrief`). */
export function debriefView(
  scenario: Scenario,
  run: Pick<Run, "state">,
): Debrief {
  return debrief(scenario, run.state as RunState);
}
