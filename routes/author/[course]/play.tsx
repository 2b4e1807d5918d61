import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { CsrfField } from "@/components/CsrfField.tsx";
import { FieldError } from "@/components/FieldError.tsx";
import { AuthoringStyles } from "@/components/authoring/AuthoringStyles.tsx";
import { AuthorNav } from "@/components/authoring/AuthorNav.tsx";
import { PreviewBanner } from "@/components/preview/PreviewBanner.tsx";
import { checkFiles } from "@/lib/authoring/workspace.ts";
import { workspaceOf } from "@/lib/authoring/workspace_page.ts";
import type { Scenario } from "@/lib/content/schema.ts";
import {
  type PlayInput,
  type PlayMove,
  type PlayResult,
  playScenario,
} from "@/lib/preview/scenario_play.ts";
import { availableChoices, sum, totals } from "@/lib/scenario/engine.ts";
import type { SignedInState } from "@/lib/http/state.ts";

interface Data {
  course: string;
  path: string;
  scenario: Scenario;
  input: PlayInput;
  result: PlayResult;
}

/** Loads the saved draft's scenario at `path` and plays `input` on it. */
async function play(
  kv: Deno.Kv,
  course: string,
  path: string,
  raw: { node: unknown; mood: unknown; moves: PlayMove[] },
) {
  const ws = await workspaceOf(kv, course);
  if (!ws) return null;
  const { tree } = await checkFiles(ws.files);
  const scenario = tree.scenarios.find((s) => s.path === path)?.data;
  if (!scenario) return null;
  const input = {
    node: String(raw.node ?? scenario.start),
    mood: Number(raw.mood ?? scenario.persona.mood),
    moves: raw.moves,
  };
  if (!Number.isInteger(input.mood) || input.mood < 0 || input.mood > 100) {
    input.mood = scenario.persona.mood;
  }
  const result = playScenario(scenario, tree.rubrics.map((r) => r.data), input);
  return result ? { course, path, scenario, input, result } : null;
}

function parseMoves(raw: FormDataEntryValue | null): PlayMove[] {
  try {
    const v = JSON.parse(String(raw ?? "[]"));
    return Array.isArray(v) ? v.slice(0, 200) : [];
  } catch {
    return [];
  }
}

/**
 * Test-play of a scenario in the saved draft, from any node with a chosen
 * mood, before publishing. Nothing is stored: each step replays the moves.
 */
export const handler: Handlers<Data, SignedInState> = {
  async GET(_req, ctx) {
    const q = ctx.url.searchParams;
    const found = await play(
      ctx.state.kv,
      ctx.params.course,
      q.get("path") ?? "",
      {
        node: q.get("node"),
        mood: q.get("mood"),
        moves: [],
      },
    );
    return found ? ctx.render(found) : ctx.renderNotFound();
  },
  async POST(req, ctx) {
    const form = await req.formData();
    const moves = parseMoves(form.get("moves"));
    const choice = form.get("choice");
    const reply = form.get("reply");
    if (typeof choice === "string") moves.push({ choice });
    else if (typeof reply === "string") moves.push({ reply });
    try {
      const found = await play(
        ctx.state.kv,
        ctx.params.course,
        String(form.get("path") ?? ""),
        { node: form.get("node"), mood: form.get("mood"), moves },
      );
      return found ? ctx.render(found) : ctx.renderNotFound();
    } catch (e) {
      if (e instanceof Error && e.name === "ZodError") {
        return ctx.renderNotFound();
      }
      throw e;
    }
  },
};

export default function PlayPage(
  { data, state: { t, csrfToken } }: PageProps<Data, SignedInState>,
) {
  const { scenario, result, input } = data;
  const state = result.state;
  const node = state.nodeId ? scenario.nodes[state.nodeId] : null;
  const ending = state.endingId ? scenario.endings[state.endingId] : null;
  const applied = result.refused ? input.moves.slice(0, -1) : input.moves;
  const hidden = (
    <>
      <CsrfField token={csrfToken} />
      <input type="hidden" name="path" value={data.path} />
      <input type="hidden" name="node" value={input.node} />
      <input type="hidden" name="mood" value={input.mood} />
      <input type="hidden" name="moves" value={JSON.stringify(applied)} />
    </>
  );
  const editUrl = `/author/${data.course}/edit?path=${
    encodeURIComponent(data.path)
  }`;
  return (
    <section>
      <Head>
        <title>
          {`${t("authoring.play.title")} · ${scenario.title} · ${
            t("app.name")
          }`}
        </title>
      </Head>
      <AuthoringStyles />
      <AuthorNav t={t} course={data.course} current="edit" />
      <PreviewBanner t={t} />
      <h1>{t("authoring.play.heading", { title: scenario.title })}</h1>
      <p class="meta">
        {t("authoring.play.from", { node: input.node, mood: input.mood })}
        {" · "}
        <a href={editUrl}>{t("authoring.play.back")}</a>
      </p>
      <ol class="chat-log play-log">
        {state.turns.map((turn, i) => (
          <li key={i}>
            <p class="bubble from-customer">{turn.customer}</p>
            <p class="bubble from-agent">{turn.text}</p>
            <p class="meta">
              {turn.feedback} {t("authoring.play.turn", {
                points: sum(turn.scores),
                before: turn.moodBefore,
                after: turn.moodAfter,
              })}
            </p>
          </li>
        ))}
      </ol>
      <p role="status">{t("authoring.play.mood_now", { mood: state.mood })}</p>
      {result.refused && (
        <p class="feedback wrong" role="alert">
          {t("authoring.play.refused")}
        </p>
      )}
      {node && (
        <section class="card" aria-labelledby="node-heading">
          <h2 id="node-heading">
            {t("authoring.play.node_now", { node: state.nodeId! })}
          </h2>
          <p class="bubble from-customer">{node.customer}</p>
          {node.choices && (
            <form method="post" class="chat-choices">
              {hidden}
              {availableChoices(scenario, state).map((c) => (
                <button
                  type="submit"
                  name="choice"
                  value={c.id}
                  key={c.id}
                  class="secondary"
                >
                  {c.text}
                </button>
              ))}
            </form>
          )}
          {node.reply && (
            <form method="post" class="stack-form">
              {hidden}
              <label for="reply">{node.reply.instruction}</label>
              <textarea
                id="reply"
                name="reply"
                rows={4}
                required
                aria-describedby="reply-error"
              />
              <FieldError
                id="reply-error"
                message={result.refused?.field === "text"
                  ? t("authoring.play.reply_refused")
                  : undefined}
              />
              <button type="submit">{t("authoring.play.send")}</button>
            </form>
          )}
        </section>
      )}
      {ending && (
        <section class="card" aria-labelledby="ending-heading">
          <h2 id="ending-heading">
            {t("authoring.play.ending", {
              ending: state.endingId!,
              outcome: ending.outcome,
            })}
          </h2>
          <p class="bubble from-customer">{ending.customer}</p>
          <p>{ending.debrief}</p>
          <p>
            {t("authoring.play.total", { points: sum(totals(state.turns)) })}
            {state.breaches.length > 0 &&
              ` ${
                t("authoring.play.breaches", { count: state.breaches.length })
              }`}
          </p>
        </section>
      )}
      <form method="get" class="dialog-actions">
        <input type="hidden" name="path" value={data.path} />
        <input type="hidden" name="node" value={input.node} />
        <input type="hidden" name="mood" value={input.mood} />
        <button type="submit" class="secondary">
          {t("authoring.play.restart")}
        </button>
      </form>
    </section>
  );
}
