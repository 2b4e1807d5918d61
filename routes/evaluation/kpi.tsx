import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { CsrfField } from "@/components/CsrfField.tsx";
import { TextField } from "@/components/TextField.tsx";
import { KPI_METRICS } from "@/lib/evaluation/kpi.ts";
import {
  getTargets,
  importKpiCsv,
  type KpiImportResult,
  type KpiRowProblem,
} from "@/lib/evaluation/kpi_store.ts";
import type { KpiTarget } from "@/lib/evaluation/formulas.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import type { MessageKey } from "@/lib/i18n/i18n.ts";
import { listTeamIdsOfManager } from "@/lib/identity/teams/team_store.ts";

/** The largest file accepted. */
const MAX_BYTES = 1024 * 1024;

interface Data {
  targets: Record<string, KpiTarget>;
  error?: MessageKey;
  fileName?: string;
  problems?: KpiRowProblem[];
  result?: KpiImportResult;
}

/** The teams whose agents the user may import (null: every team). */
async function allowedTeams(state: SignedInState): Promise<Set<string> | null> {
  return state.user.role === "admin"
    ? null
    : new Set(await listTeamIdsOfManager(state.kv, state.user.id));
}

/** Targets shown: the user's first team's, or the defaults. */
async function targetsFor(state: SignedInState) {
  const teams = await allowedTeams(state);
  const first = teams ? [...teams][0] : undefined;
  return await getTargets(state.kv, first ?? "");
}

export const handler: Handlers<Data, SignedInState> = {
  async GET(_req, ctx) {
    return ctx.render({ targets: await targetsFor(ctx.state) });
  },
  async POST(req, ctx) {
    const targets = await targetsFor(ctx.state);
    const refuse = (status: number, error: MessageKey) =>
      ctx.render({ targets, error }, { status });
    if (Number(req.headers.get("content-length") ?? 0) > MAX_BYTES + 65_536) {
      await req.body?.cancel();
      return refuse(413, "evaluator.kpi.file_too_large");
    }
    let form: FormData;
    try {
      form = await req.formData();
    } catch {
      return refuse(400, "evaluator.kpi.file_required");
    }
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) {
      return refuse(422, "evaluator.kpi.file_required");
    }
    if (file.size > MAX_BYTES) {
      return refuse(413, "evaluator.kpi.file_too_large");
    }
    const result = await importKpiCsv(
      ctx.state.kv,
      await file.text(),
      ctx.state.user.id,
      new Date(),
      await allowedTeams(ctx.state),
    );
    return ctx.render({
      targets,
      fileName: file.name.slice(0, 100),
      ...(result.ok ? { result } : { problems: result.problems }),
    }, { status: result.ok ? 200 : 422 });
  },
};

/** KPI CSV import for managers (their teams' agents) and admins. */
export default function KpiImportPage(
  { data, state: { t, csrfToken } }: PageProps<Data, SignedInState>,
) {
  return (
    <section>
      <Head>
        <title>{`${t("evaluator.kpi.title")} · ${t("app.name")}`}</title>
      </Head>
      <h1>{t("evaluator.kpi.title")}</h1>
      <p class="lead">{t("evaluator.kpi.lead")}</p>
      <p>
        {t("evaluator.kpi.columns", { columns: KPI_METRICS.join(", ") })}
      </p>
      {data.result && (
        <p class="notice" role="status" data-testid="kpi-done">
          {t("evaluator.kpi.done", {
            rows: data.result.rows,
            changed: data.result.changed,
            unchanged: data.result.unchanged,
          })}
        </p>
      )}
      {data.problems && (
        <section class="csv-errors" aria-labelledby="kpi-errors-heading">
          <h2 id="kpi-errors-heading" role="alert">
            {t("evaluator.kpi.refused", {
              count: data.problems.length,
              file: data.fileName ?? "",
            })}
          </h2>
          <p>{t("evaluator.kpi.refused_body")}</p>
          <div class="table-wrap">
            <table class="data-table" data-testid="kpi-problems">
              <thead>
                <tr>
                  <th scope="col">{t("evaluator.kpi.col.line")}</th>
                  <th scope="col">{t("evaluator.kpi.col.field")}</th>
                  <th scope="col">{t("evaluator.kpi.col.problem")}</th>
                  <th scope="col">{t("evaluator.kpi.col.value")}</th>
                </tr>
              </thead>
              <tbody>
                {data.problems.map((p, i) => (
                  <tr key={i}>
                    <td>
                      {p.line <= 1
                        ? t("evaluator.kpi.whole_file")
                        : t("evaluator.kpi.line", { line: p.line })}
                    </td>
                    <td>{p.field}</td>
                    <td>{t(`evaluator.kpi.problem.${p.code}`)}</td>
                    <td>{p.code === "duplicate" ? "" : p.value ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      <form
        method="post"
        enctype="multipart/form-data"
        class="stack card"
      >
        <CsrfField token={csrfToken} />
        <TextField
          id="kpi-file"
          name="file"
          type="file"
          accept=".csv,text/csv"
          required
          label={t("evaluator.kpi.file")}
          error={data.error ? t(data.error) : undefined}
        />
        <button type="submit">{t("evaluator.kpi.submit")}</button>
      </form>
      <h2>{t("evaluator.kpi.targets")}</h2>
      <p>{t("evaluator.kpi.targets_lead")}</p>
      <div class="table-wrap">
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{t("evaluator.kpi.col.metric")}</th>
              <th scope="col">{t("evaluator.kpi.col.target")}</th>
            </tr>
          </thead>
          <tbody>
            {KPI_METRICS.map((m) => {
              const target = data.targets[m];
              return (
                <tr key={m}>
                  <th scope="row">{t(`evaluator.metric.${m}`)}</th>
                  <td>
                    {target
                      ? t(`evaluator.kpi.target.${target.direction}`, {
                        target: target.target,
                      })
                      : t("evaluator.kpi.target.none")}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
