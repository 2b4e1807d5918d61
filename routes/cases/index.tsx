import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { CsrfField } from "@/components/CsrfField.tsx";
import { EmptyState } from "@/components/EmptyState.tsx";
import { type CaseFormValues, readCaseForm } from "@/lib/cases/case_form.ts";
import {
  knownLinks,
  type LinkChoices,
  linkChoices,
} from "@/lib/cases/case_page.ts";
import {
  listCases,
  saveCase,
  type StoredCase,
} from "@/lib/cases/case_store.ts";
import { SITUATIONS } from "@/lib/content/reply_schema.ts";
import type { FieldErrors } from "@/lib/forms/form.ts";
import { seeOther } from "@/lib/http/responses.ts";
import type { SignedInState } from "@/lib/http/state.ts";

interface Data {
  cases: StoredCase[];
  choices: LinkChoices;
  values: CaseFormValues;
  errors: FieldErrors;
}

export const handler: Handlers<Data, SignedInState> = {
  async GET(_req, ctx) {
    const [cases, choices] = await Promise.all([
      listCases(ctx.state.kv),
      linkChoices(ctx.state.kv),
    ]);
    return ctx.render({ cases, choices, values: {}, errors: {} });
  },
  async POST(req, ctx) {
    const choices = await linkChoices(ctx.state.kv);
    const form = readCaseForm(await req.formData(), knownLinks(choices));
    if (!form.ok) {
      const cases = await listCases(ctx.state.kv);
      return ctx.render(
        { cases, choices, values: form.values, errors: form.errors },
        { status: 422 },
      );
    }
    const saved = await saveCase(
      ctx.state.kv,
      form.data,
      ctx.state.user.id,
      new Date(),
    );
    return seeOther(`/cases/${saved.id}?saved=1`);
  },
};

/** For trainers: the case library, and a form to add a conversation (masked before it is stored). */
export default function CasesPage(
  { data, state }: PageProps<Data, SignedInState>,
) {
  const { t } = state;
  const { values, errors, choices } = data;
  const str = (k: string) => typeof values[k] === "string" ? values[k] : "";
  const list = (k: string) =>
    Array.isArray(values[k]) ? (values[k] as unknown[]).map(String) : [];
  const err = (field: string) =>
    errors[field]
      ? (
        <p class="field-error" id={`case-${field}-error`}>
          {t(errors[field]!)}
        </p>
      )
      : null;
  const described = (field: string, hint?: string) =>
    [hint, errors[field] ? `case-${field}-error` : undefined].filter(Boolean)
      .join(" ") || undefined;
  return (
    <>
      <Head>
        <title>{t("cases.title")}</title>
      </Head>
      <h1>{t("cases.title")}</h1>
      <p class="lead">{t("cases.lead")}</p>
      {data.cases.length === 0
        ? (
          <EmptyState title={t("cases.empty.title")}>
            {t("cases.empty.body")}
          </EmptyState>
        )
        : (
          <ul class="case-list">
            {data.cases.map((c) => (
              <li key={c.id}>
                <a href={`/cases/${c.id}`}>{c.title}</a>{" "}
                <span class="tag">{t(`replies.situation.${c.situation}`)}</span>
              </li>
            ))}
          </ul>
        )}
      <h2 id="new-case">{t("cases.new")}</h2>
      <p class="meta">{t("cases.new.lead")}</p>
      <form method="post" class="case-form" aria-labelledby="new-case">
        <CsrfField token={state.user.csrfToken} />
        <div class="field">
          <label for="case-title">{t("cases.field.title")}</label>
          <input
            id="case-title"
            name="title"
            value={str("title")}
            maxLength={100}
            required
            aria-invalid={errors.title ? "true" : undefined}
            aria-describedby={described("title")}
          />
          {err("title")}
        </div>
        <div class="field">
          <label for="case-situation">{t("cases.field.situation")}</label>
          <select
            id="case-situation"
            name="situation"
            aria-invalid={errors.situation ? "true" : undefined}
            aria-describedby={described("situation")}
          >
            {SITUATIONS.map((s) => (
              <option key={s} value={s} selected={str("situation") === s}>
                {t(`replies.situation.${s}`)}
              </option>
            ))}
          </select>
          {err("situation")}
        </div>
        <div class="field">
          <label for="case-conversation">
            {t("cases.field.conversation")}
          </label>
          <p class="meta" id="case-conversation-hint">
            {t("cases.field.conversation.hint")}
          </p>
          <textarea
            id="case-conversation"
            name="conversation"
            rows={8}
            maxLength={5000}
            required
            aria-invalid={errors.conversation ? "true" : undefined}
            aria-describedby={described(
              "conversation",
              "case-conversation-hint",
            )}
          >
            {str("conversation")}
          </textarea>
          {err("conversation")}
        </div>
        <div class="field">
          <label for="case-replies">{t("cases.field.replies")}</label>
          <p class="meta" id="case-replies-hint">
            {t("cases.field.replies.hint")}
          </p>
          <input
            id="case-replies"
            name="replies"
            value={str("replies")}
            aria-invalid={errors.replies ? "true" : undefined}
            aria-describedby={described("replies", "case-replies-hint")}
          />
          {err("replies")}
        </div>
        <details>
          <summary>{t("cases.field.lessons")}</summary>
          <fieldset
            aria-invalid={errors.lessons ? "true" : undefined}
            aria-describedby={described("lessons")}
          >
            <legend class="sr-only">{t("cases.field.lessons")}</legend>
            {choices.lessons.map((l) => (
              <label key={l.id} class="check">
                <input
                  type="checkbox"
                  name="lessons"
                  value={l.id}
                  checked={list("lessons").includes(l.id)}
                />{" "}
                {l.title}
              </label>
            ))}
          </fieldset>
        </details>
        {err("lessons")}
        <details>
          <summary>{t("cases.field.scenarios")}</summary>
          <fieldset
            aria-invalid={errors.scenarios ? "true" : undefined}
            aria-describedby={described("scenarios")}
          >
            <legend class="sr-only">
              {t("cases.field.scenarios")}
            </legend>
            {choices.scenarios.map((s) => (
              <label key={s.id} class="check">
                <input
                  type="checkbox"
                  name="scenarios"
                  value={s.id}
                  checked={list("scenarios").includes(s.id)}
                />{" "}
                {s.title}
              </label>
            ))}
          </fieldset>
        </details>
        {err("scenarios")}
        <button type="submit">{t("cases.save")}</button>
      </form>
    </>
  );
}
