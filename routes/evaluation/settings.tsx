import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { CsrfField } from "@/components/CsrfField.tsx";
import { TextField } from "@/components/TextField.tsx";
import { parseLoopForm } from "@/lib/evaluation/agent_view.ts";
import { getLoopN, setLoopN } from "@/lib/evaluation/qa_loop.ts";
import { formValues } from "@/lib/forms/form.ts";
import { seeOther } from "@/lib/http/responses.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import type { MessageKey } from "@/lib/i18n/i18n.ts";

interface Data {
  n: string;
  error?: MessageKey;
  saved: boolean;
}

export const handler: Handlers<Data, SignedInState> = {
  async GET(_req, ctx) {
    return ctx.render({
      n: String(await getLoopN(ctx.state.kv)),
      saved: ctx.url.searchParams.has("saved"),
    });
  },
  async POST(req, ctx) {
    const values = formValues(await req.formData(), ["n"]);
    const input = parseLoopForm(values);
    if (!input.ok) {
      return ctx.render({
        n: String(values.n ?? "").slice(0, 10),
        error: input.errors.n,
        saved: false,
      }, { status: 422 });
    }
    await setLoopN(ctx.state.kv, input.data.n);
    return seeOther("/evaluation/settings?saved=1");
  },
};

/** The trainer's QA loop setting: misses before practice is assigned. */
export default function LoopSettingsPage(
  { data, state: { t, csrfToken } }: PageProps<Data, SignedInState>,
) {
  return (
    <section>
      <Head>
        <title>{`${t("evaluator.settings.title")} · ${t("app.name")}`}</title>
      </Head>
      <h1>{t("evaluator.settings.title")}</h1>
      <p class="lead">{t("evaluator.settings.lead")}</p>
      {data.saved && (
        <p class="notice" role="status">{t("evaluator.settings.saved")}</p>
      )}
      <form method="post" class="stack card">
        <CsrfField token={csrfToken} />
        <TextField
          id="loop-n"
          name="n"
          type="number"
          inputmode="numeric"
          min={1}
          max={20}
          value={data.n}
          required
          label={t("evaluator.settings.n")}
          error={data.error ? t(data.error) : undefined}
        />
        <button type="submit">{t("evaluator.settings.save")}</button>
      </form>
    </section>
  );
}
