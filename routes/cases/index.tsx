import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { CsrfField } from "@/components/CsrfField.tsx";
import { ListOrEmpty } from "@/components/EmptyState.tsx";
import { SelectField } from "@/components/SelectField.tsx";
import { TextAreaField } from "@/components/TextAreaField.tsx";
import { TextField } from "@/components/TextField.tsx";
import { LinkChecklist } from "@/components/cases/LinkChecklist.tsx";
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
  const err = (field: string) => errors[field] && t(errors[field]!);
  /** What every field of the form has: its id, name, label and problem. */
  const field = (
    name: "title" | "situation" | "conversation" | "replies",
  ) => ({
    id: `case-${name}`,
    name,
    label: t(`cases.field.${name}`),
    error: err(name),
  });
  return (
    <>
      <Head>
        <title>{t("cases.title")}</title>
      </Head>
      <h1>{t("cases.title")}</h1>
      <p class="lead">{t("cases.lead")}</p>
      <ListOrEmpty
        count={data.cases.length}
        title={t("cases.empty.title")}
        body={t("cases.empty.body")}
      >
        <ul class="case-list">
          {data.cases.map((c) => (
            <li key={c.id}>
              <a href={`/cases/${c.id}`}>{c.title}</a>{" "}
              <span class="tag">{t(`replies.situation.${c.situation}`)}</span>
            </li>
          ))}
        </ul>
      </ListOrEmpty>
      <h2 id="new-case">{t("cases.new")}</h2>
      <p class="meta">{t("cases.new.lead")}</p>
      <form method="post" class="case-form" aria-labelledby="new-case">
        <CsrfField token={state.user.csrfToken} />
        <TextField
          {...field("title")}
          value={str("title")}
          maxLength={100}
          required
        />
        <SelectField {...field("situation")}>
          {SITUATIONS.map((s) => (
            <option key={s} value={s} selected={str("situation") === s}>
              {t(`replies.situation.${s}`)}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          {...field("conversation")}
          hint={t("cases.field.conversation.hint")}
          value={str("conversation")}
          rows={8}
          maxLength={5000}
          required
        />
        <TextField
          {...field("replies")}
          hint={t("cases.field.replies.hint")}
          value={str("replies")}
        />
        <LinkChecklist
          id="case-lessons"
          name="lessons"
          legend={t("cases.field.lessons")}
          items={choices.lessons}
          checked={list("lessons")}
          error={err("lessons")}
        />
        <LinkChecklist
          id="case-scenarios"
          name="scenarios"
          legend={t("cases.field.scenarios")}
          items={choices.scenarios}
          checked={list("scenarios")}
          error={err("scenarios")}
        />
        <button type="submit">{t("cases.save")}</button>
      </form>
    </>
  );
}
