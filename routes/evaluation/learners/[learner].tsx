import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { CsrfField } from "@/components/CsrfField.tsx";
import { EmptyState } from "@/components/EmptyState.tsx";
import { FieldError } from "@/components/FieldError.tsx";
import { ConfidenceSummary } from "@/components/evaluation/ConfidenceSummary.tsx";
import {
  type LearnerEvaluation,
  learnerEvaluation,
} from "@/lib/evaluation/summary.ts";
import {
  type AgentRecord,
  agentRecord,
  type DriverField,
  parseDriverForm,
} from "@/lib/evaluation/agent_view.ts";
import { requireVisibleLearner } from "@/lib/auth/record_access.ts";
import { DRIVER_KINDS, logDriver } from "@/lib/evaluation/driver_store.ts";
import { KPI_METRICS } from "@/lib/evaluation/kpi.ts";
import { formValues } from "@/lib/forms/form.ts";
import type { FieldErrors } from "@/lib/forms/form.ts";
import { seeOther } from "@/lib/http/responses.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import { formatDate } from "@/lib/i18n/i18n.ts";
import {
  listObservations,
  type ObservationRecord,
} from "@/lib/onboarding/observation_store.ts";

interface Data {
  learnerId: string;
  name: string;
  record: AgentRecord;
  /** Confidence versus correctness over the agent's rated answers. */
  confidence: LearnerEvaluation["confidence"];
  reviews: ObservationRecord[];
  errors: FieldErrors<DriverField>;
  saved: boolean;
  canScore: boolean;
}

/** The agent, or "not found" when the user may not see them. */
function load(ctx: { state: SignedInState; params: Record<string, string> }) {
  return requireVisibleLearner(
    ctx.state.kv,
    ctx.state.user,
    ctx.params.learner,
  );
}

export const handler: Handlers<Data, SignedInState> = {
  async GET(_req, ctx) {
    const learner = await load(ctx);
    return ctx.render({
      learnerId: learner.id,
      name: learner.name,
      record: await agentRecord(ctx.state.kv, learner.id),
      confidence: (await learnerEvaluation(ctx.state.kv, learner.id))
        .confidence,
      reviews: await listObservations(ctx.state.kv, learner.id),
      errors: {},
      saved: ctx.url.searchParams.has("saved"),
      canScore: ["manager", "admin"].includes(ctx.state.user.role),
    });
  },
  async POST(req, ctx) {
    const learner = await load(ctx);
    const form = await req.formData();
    const input = parseDriverForm(
      formValues(form, ["kind", "topic", "note"]),
    );
    if (!input.ok) {
      return ctx.render({
        learnerId: learner.id,
        name: learner.name,
        record: await agentRecord(ctx.state.kv, learner.id),
        confidence: (await learnerEvaluation(ctx.state.kv, learner.id))
          .confidence,
        reviews: await listObservations(ctx.state.kv, learner.id),
        errors: input.errors,
        saved: false,
        canScore: ["manager", "admin"].includes(ctx.state.user.role),
      }, { status: 422 });
    }
    await logDriver(ctx.state.kv, {
      learnerId: learner.id,
      by: ctx.state.user.id,
      ...input.data,
    }, new Date());
    return seeOther(`/evaluation/learners/${learner.id}?saved=1#drivers`);
  },
};

/** An agent's QA reviews, QA loop, drivers and KPI months. */
export default function AgentPage(
  { data, state: { t, lang, csrfToken } }: PageProps<Data, SignedInState>,
) {
  const { record, errors } = data;
  const err = (f: DriverField) => errors[f] ? t(errors[f]!) : undefined;
  return (
    <section class="stack">
      <Head>
        <title>
          {`${t("evaluator.agent.title", { name: data.name })} · ${
            t("app.name")
          }`}
        </title>
      </Head>
      {data.canScore && (
        <p>
          <a href={`/team/learners/${data.learnerId}`}>
            ← {t("evaluator.agent.back")}
          </a>
        </p>
      )}
      <h1>{t("evaluator.agent.title", { name: data.name })}</h1>

      <h2>{t("evaluator.agent.qa")}</h2>
      {data.reviews.length === 0
        ? (
          <EmptyState title={t("evaluator.agent.qa_empty")}>
            {t("evaluator.agent.qa_empty_body")}
          </EmptyState>
        )
        : (
          <div class="table-wrap">
            <table class="data-table" data-testid="qa-reviews">
              <thead>
                <tr>
                  <th scope="col">{t("evaluator.col.date")}</th>
                  <th scope="col">{t("evaluator.col.checkpoint")}</th>
                  <th scope="col">{t("evaluator.col.score")}</th>
                  <th scope="col">{t("evaluator.col.result")}</th>
                  <th scope="col">{t("evaluator.col.critical")}</th>
                </tr>
              </thead>
              <tbody>
                {data.reviews.map((r) => (
                  <tr key={r.id}>
                    <td>{formatDate(lang, r.at)}</td>
                    <td>{t(`evaluator.checkpoint.${r.checkpoint}`)}</td>
                    <td>{r.percent}</td>
                    <td>
                      {t(`evaluator.result.${r.passed ? "passed" : "failed"}`)}
                    </td>
                    <td>
                      {r.breached.length
                        ? r.breached.join(", ")
                        : t("evaluator.none")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      {data.canScore && (
        <p>
          <a href={`/team/learners/${data.learnerId}/observation`}>
            {t("evaluator.agent.qa_record")}
          </a>
        </p>
      )}

      <h2 id="loop">{t("evaluator.loop.title")}</h2>
      {record.loops.length === 0
        ? (
          <EmptyState title={t("evaluator.loop.empty")}>
            {t("evaluator.loop.empty_body", { n: record.loopN })}
          </EmptyState>
        )
        : (
          <div class="table-wrap">
            <table class="data-table" data-testid="qa-loops">
              <thead>
                <tr>
                  <th scope="col">{t("evaluator.col.criterion")}</th>
                  <th scope="col">{t("evaluator.col.practice")}</th>
                  <th scope="col">{t("evaluator.col.movement")}</th>
                </tr>
              </thead>
              <tbody>
                {record.loops.map((l) => (
                  <tr key={l.criterionId}>
                    <th scope="row">{l.criterionId}</th>
                    <td>
                      {l.practice.join(", ")}{" "}
                      <span class="meta">
                        {t("evaluator.loop.assigned_at", {
                          date: formatDate(lang, l.assignedAt),
                        })}
                      </span>
                    </td>
                    <td data-movement={l.movement}>
                      {l.movement === "waiting"
                        ? t("evaluator.loop.waiting")
                        : t(
                          l.movement === "moved"
                            ? "evaluator.loop.moved"
                            : "evaluator.loop.not_yet",
                          { met: l.metSince, reviewed: l.reviewedSince },
                        )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}

      <ConfidenceSummary
        n={data.confidence.n}
        figure={data.confidence.figure}
        t={t}
      />

      <h2 id="drivers">{t("evaluator.drivers.title")}</h2>
      {data.saved && (
        <p class="notice" role="status">{t("evaluator.drivers.saved")}</p>
      )}
      {record.drivers.length === 0
        ? (
          <EmptyState title={t("evaluator.drivers.empty")}>
            {t("evaluator.drivers.empty_body")}
          </EmptyState>
        )
        : (
          <div class="table-wrap">
            <table class="data-table" data-testid="drivers">
              <thead>
                <tr>
                  <th scope="col">{t("evaluator.col.date")}</th>
                  <th scope="col">{t("evaluator.col.kind")}</th>
                  <th scope="col">{t("evaluator.col.note")}</th>
                </tr>
              </thead>
              <tbody>
                {record.drivers.map((d) => (
                  <tr key={d.id}>
                    <td>{formatDate(lang, d.at)}</td>
                    <td>{t(`evaluator.drivers.kind.${d.kind}`)}</td>
                    <td>{[d.topic, d.note].filter(Boolean).join(" · ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      <form method="post" class="stack card" data-testid="driver-form">
        <CsrfField token={csrfToken} />
        <label for="driver-kind">{t("evaluator.drivers.kind")}</label>
        <select
          id="driver-kind"
          name="kind"
          aria-invalid={errors.kind ? "true" : undefined}
          aria-describedby="driver-kind-error"
        >
          {DRIVER_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`evaluator.drivers.kind.${k}`)}
            </option>
          ))}
        </select>
        <FieldError id="driver-kind-error" message={err("kind")} />
        <label for="driver-topic">{t("evaluator.drivers.topic")}</label>
        <input
          id="driver-topic"
          name="topic"
          maxlength={60}
          aria-invalid={errors.topic ? "true" : undefined}
          aria-describedby="driver-topic-error"
        />
        <FieldError id="driver-topic-error" message={err("topic")} />
        <label for="driver-note">{t("evaluator.drivers.note")}</label>
        <textarea
          id="driver-note"
          name="note"
          rows={2}
          maxlength={500}
          aria-invalid={errors.note ? "true" : undefined}
          aria-describedby="driver-note-error"
        >
        </textarea>
        <FieldError id="driver-note-error" message={err("note")} />
        <button type="submit">{t("evaluator.drivers.submit")}</button>
      </form>

      <h2>{t("evaluator.kpi_months.title")}</h2>
      {record.kpi.length === 0
        ? (
          <EmptyState title={t("evaluator.kpi_months.empty")}>
            {t("evaluator.kpi_months.empty_body")}
          </EmptyState>
        )
        : (
          // Eight KPI columns scroll sideways on a phone: the region takes
          // focus so a keyboard can scroll it too.
          <div
            class="table-wrap"
            tabIndex={0}
            role="region"
            aria-label={t("evaluator.kpi_months.title")}
          >
            <table class="data-table" data-testid="kpi-months">
              <thead>
                <tr>
                  <th scope="col">{t("evaluator.col.month")}</th>
                  {KPI_METRICS.map((m) => (
                    <th scope="col" key={m}>{t(`evaluator.metric.${m}`)}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {record.kpi.map((p) => (
                  <tr key={p.month}>
                    <th scope="row">{p.month}</th>
                    {KPI_METRICS.map((m) => (
                      <td key={m}>{p.values[m] ?? "–"}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
    </section>
  );
}
