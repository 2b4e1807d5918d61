import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { CsrfField } from "@/components/CsrfField.tsx";
import { DashboardStyles } from "@/components/dashboard/DashboardStyles.tsx";
import { DataTable } from "@/components/dashboard/DataTable.tsx";
import { agentTables } from "@/components/evaluation/agent_tables.ts";
import { SelectField } from "@/components/SelectField.tsx";
import { TextAreaField } from "@/components/TextAreaField.tsx";
import { TextField } from "@/components/TextField.tsx";
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
import { formValues } from "@/lib/forms/form.ts";
import type { FieldErrors } from "@/lib/forms/form.ts";
import { seeOther } from "@/lib/http/responses.ts";
import type { SignedInState } from "@/lib/http/state.ts";
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

/** The page's data for an agent the user may see. */
async function pageData(
  state: SignedInState,
  learner: { id: string; name: string },
  form: Pick<Data, "errors" | "saved">,
): Promise<Data> {
  const { kv, user } = state;
  const [record, evaluation, reviews] = await Promise.all([
    agentRecord(kv, learner.id),
    learnerEvaluation(kv, learner.id),
    listObservations(kv, learner.id),
  ]);
  return {
    learnerId: learner.id,
    name: learner.name,
    record,
    confidence: evaluation.confidence,
    reviews,
    ...form,
    canScore: ["manager", "admin"].includes(user.role),
  };
}

export const handler: Handlers<Data, SignedInState> = {
  async GET(_req, ctx) {
    const learner = await load(ctx);
    return ctx.render(
      await pageData(ctx.state, learner, {
        errors: {},
        saved: ctx.url.searchParams.has("saved"),
      }),
    );
  },
  async POST(req, ctx) {
    const learner = await load(ctx);
    const form = await req.formData();
    const input = parseDriverForm(
      formValues(form, ["kind", "topic", "note"]),
    );
    if (!input.ok) {
      return ctx.render(
        await pageData(ctx.state, learner, {
          errors: input.errors,
          saved: false,
        }),
        { status: 422 },
      );
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
  const tables = agentTables(data, t);
  const csv = (table: string) =>
    `/evaluation/learners/${data.learnerId}/export/${table}`;
  const csvLabel = t("dd.csv");
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
      <DashboardStyles />
      <h1>{t("evaluator.agent.title", { name: data.name })}</h1>

      <h2>{t("evaluator.agent.qa")}</h2>
      <DataTable
        table={tables.reviews}
        lang={lang}
        emptyTitle={t("evaluator.agent.qa_empty")}
        empty={t("evaluator.agent.qa_empty_body")}
        csvHref={csv("reviews")}
        csvLabel={csvLabel}
      />
      {data.canScore && (
        <p>
          <a href={`/team/learners/${data.learnerId}/observation`}>
            {t("evaluator.agent.qa_record")}
          </a>
        </p>
      )}

      <h2 id="loop">{t("evaluator.loop.title")}</h2>
      <DataTable
        table={tables.loops}
        lang={lang}
        emptyTitle={t("evaluator.loop.empty")}
        empty={t("evaluator.loop.empty_body", { n: record.loopN })}
        csvHref={csv("loops")}
        csvLabel={csvLabel}
      />

      <ConfidenceSummary
        n={data.confidence.n}
        figure={data.confidence.figure}
        t={t}
      />

      <h2 id="drivers">{t("evaluator.drivers.title")}</h2>
      {data.saved && (
        <p class="notice" role="status">{t("evaluator.drivers.saved")}</p>
      )}
      <DataTable
        table={tables.drivers}
        lang={lang}
        emptyTitle={t("evaluator.drivers.empty")}
        empty={t("evaluator.drivers.empty_body")}
        csvHref={csv("drivers")}
        csvLabel={csvLabel}
      />
      <form method="post" class="stack card" data-testid="driver-form">
        <CsrfField token={csrfToken} />
        <SelectField
          id="driver-kind"
          name="kind"
          label={t("evaluator.drivers.kind")}
          error={err("kind")}
        >
          {DRIVER_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`evaluator.drivers.kind.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          id="driver-topic"
          name="topic"
          label={t("evaluator.drivers.topic")}
          value=""
          maxlength={60}
          error={err("topic")}
        />
        <TextAreaField
          id="driver-note"
          name="note"
          label={t("evaluator.drivers.note")}
          value=""
          rows={2}
          maxlength={500}
          error={err("note")}
        />
        <button type="submit">{t("evaluator.drivers.submit")}</button>
      </form>

      <h2>{t("evaluator.kpi_months.title")}</h2>
      <DataTable
        table={tables.kpi}
        lang={lang}
        emptyTitle={t("evaluator.kpi_months.empty")}
        empty={t("evaluator.kpi_months.empty_body")}
        csvHref={csv("kpi")}
        csvLabel={csvLabel}
      />
    </section>
  );
}
