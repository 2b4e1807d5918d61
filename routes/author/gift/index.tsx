import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { ActionForm } from "@/components/ActionForm.tsx";
import { SelectField } from "@/components/SelectField.tsx";
import { TextAreaField } from "@/components/TextAreaField.tsx";
import { TextField } from "@/components/TextField.tsx";
import { EmptyState } from "@/components/EmptyState.tsx";
import { GiftPreviewView } from "@/components/gift/GiftPreview.tsx";
import { listCourseViews } from "@/lib/content/course_view.ts";
import type { FieldErrors } from "@/lib/forms/form.ts";
import {
  type GiftFormField,
  giftFormValues,
  MAX_GIFT_BYTES,
  NEW_BANK,
  parseGiftForm,
  previewDigest,
} from "@/lib/gift/gift_form.ts";
import {
  type GiftCourseInfo,
  giftCourseInfo,
  type GiftImportRefusal,
  type GiftPreview,
  importGift,
  previewGiftImport,
} from "@/lib/gift/gift_import.ts";
import type { SignedInState } from "@/lib/http/state.ts";

interface Data {
  info: GiftCourseInfo | null;
  values: Record<string, unknown>;
  errors: FieldErrors<GiftFormField>;
  preview?: GiftPreview;
  /** The digest of what the preview showed (the import button posts it back). */
  previewed?: string;
  refused?: GiftImportRefusal;
  done?: { creates: number; updates: number };
}

/** Room for the other fields and the multipart framing around the text. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

async function courseInfo(kv: Deno.Kv, wanted: string | null) {
  const courses = await listCourseViews(kv);
  const id = courses.find((c) => c.id === wanted)?.id ?? courses[0]?.id;
  return id ? await giftCourseInfo(kv, id) : null;
}

export const handler: Handlers<Data, SignedInState> = {
  async GET(_req, ctx) {
    const info = await courseInfo(
      ctx.state.kv,
      ctx.url.searchParams.get("course"),
    );
    return ctx.render({ info, values: {}, errors: {} });
  },
  async POST(req, ctx) {
    const { kv } = ctx.state;
    const info = await courseInfo(
      ctx.state.kv,
      ctx.url.searchParams.get("course"),
    );
    if (!info) {
      return ctx.render({ info, values: {}, errors: {} }, { status: 404 });
    }
    const declared = Number(req.headers.get("content-length") ?? 0);
    if (declared > MAX_GIFT_BYTES * 2 + FORM_OVERHEAD_BYTES) {
      await req.body?.cancel();
      return ctx.render({
        info,
        values: {},
        errors: { text: "gift.error.text_too_long" },
      }, {
        status: 413,
      });
    }
    const form = await req.formData();
    const values = giftFormValues(form);
    const parsed = await parseGiftForm(form, info.banks);
    if (!parsed.ok) {
      return ctx.render({ info, values, errors: parsed.errors }, {
        status: 422,
      });
    }
    const f = parsed.data;
    values.text = f.text;
    const defaults = {
      module: f.module,
      skill: f.skill,
      difficulty: f.difficulty,
    };
    const digest = previewDigest(f);
    // Import only exactly what was previewed; anything else is previewed first.
    if (f.action === "import" && f.previewed === digest) {
      const result = await importGift(
        kv,
        info.courseId,
        f.target,
        f.text,
        defaults,
        f.version,
        ctx.state.user.id,
        new Date(),
      );
      if (result.ok) {
        const plan = result.preview.plan;
        return ctx.render({
          info: await giftCourseInfo(kv, info.courseId),
          values: {},
          errors: {},
          done: {
            creates: plan.creates,
            updates: plan.updates,
          },
        });
      }
      return ctx.render({
        info,
        values,
        errors: {},
        preview: result.preview,
        previewed: result.preview && !result.preview.plan.problems.length
          ? digest
          : undefined,
        refused: result.reason,
      }, { status: result.reason === "nothing" ? 200 : 409 });
    }
    const preview = await previewGiftImport(
      kv,
      info.courseId,
      f.target,
      f.text,
      defaults,
    );
    if (!preview) {
      return ctx.render({ info, values, errors: {} }, { status: 404 });
    }
    values.version = preview.base;
    return ctx.render({
      info,
      values,
      errors: {},
      preview,
      previewed: preview.plan.problems.length ? undefined : digest,
    });
  },
};

export default function GiftPage(
  { data, state: { t, csrfToken } }: PageProps<Data, SignedInState>,
) {
  const { info, values, errors, preview } = data;
  const value = (name: string) =>
    typeof values[name] === "string" ? values[name] as string : "";
  const err = (field: GiftFormField) =>
    errors[field] ? t(errors[field]!) : undefined;
  const bank = value("bank") || info?.banks[0]?.id || NEW_BANK;
  const importable = preview && data.previewed
    ? preview.plan.creates + preview.plan.updates
    : 0;
  return (
    <section class="gift-page">
      <Head>
        <title>{`${t("gift.title")} · ${t("app.name")}`}</title>
      </Head>
      <h1>{t("gift.title")}</h1>
      <p class="lead">{t("gift.lead")}</p>
      {!info && <EmptyState title={t("gift.no_course")} />}
      {data.done && (
        <p class="notice" role="status">
          {t("gift.done", data.done)}{" "}
          {info && (
            <a href={`/author/${info.courseId}`}>{t("gift.done_link")}</a>
          )}
        </p>
      )}
      {data.refused && (
        <p class="feedback wrong" role="alert">
          {t(
            `gift.refused.${
              data.refused === "no_course" ? "moved" : data.refused
            }`,
          )}
        </p>
      )}
      {info && (
        <>
          <p class="meta">
            {t("gift.course")}
            {t("learner.label_separator")}
            {info.title}
          </p>
          {preview && (
            <GiftPreviewView
              preview={preview}
              bankTitle={value("newBankTitle") || bank}
              t={t}
            />
          )}
          <ActionForm
            headingId="gift-import-heading"
            heading={t("gift.import.heading")}
            csrfToken={csrfToken}
            enctype="multipart/form-data"
          >
            <input type="hidden" name="version" value={value("version")} />
            <input
              type="hidden"
              name="previewed"
              value={data.previewed ?? ""}
            />
            <SelectField
              id="gift-bank"
              name="bank"
              label={t("gift.bank")}
              error={err("bank")}
            >
              {info.banks.map((b) => (
                <option key={b.id} value={b.id} selected={bank === b.id}>
                  {`${b.title}（${b.id}）`}
                </option>
              ))}
              <option value={NEW_BANK} selected={bank === NEW_BANK}>
                {t("gift.bank_new")}
              </option>
            </SelectField>
            <TextField
              id="gift-newBankId"
              name="newBankId"
              label={t("gift.bank_id")}
              value={value("newBankId")}
              maxLength={60}
              autocomplete="off"
              error={err("newBankId")}
            />
            <TextField
              id="gift-newBankTitle"
              name="newBankTitle"
              label={t("gift.bank_title")}
              value={value("newBankTitle")}
              maxLength={80}
              error={err("newBankTitle")}
            />
            <SelectField
              id="gift-module"
              name="module"
              label={t("gift.module")}
              error={err("module")}
            >
              {info.modules.map((m) => (
                <option
                  key={m.id}
                  value={m.id}
                  selected={value("module") === m.id}
                >
                  {m.title}
                </option>
              ))}
            </SelectField>
            <SelectField
              id="gift-skill"
              name="skill"
              label={t("gift.skill")}
              error={err("skill")}
            >
              {info.skills.map((s) => (
                <option
                  key={s.id}
                  value={s.id}
                  selected={value("skill") === s.id}
                >
                  {s.title}
                </option>
              ))}
            </SelectField>
            <SelectField
              id="gift-difficulty"
              name="difficulty"
              label={t("gift.difficulty")}
              error={err("difficulty")}
            >
              {(["1", "2", "3"] as const).map((d) => (
                <option
                  key={d}
                  value={d}
                  selected={(value("difficulty") || "2") === d}
                >
                  {t(`gift.difficulty.${d}`)}
                </option>
              ))}
            </SelectField>
            <TextAreaField
              id="gift-text"
              name="text"
              label={t("gift.text")}
              hint={t("gift.text_hint")}
              value={value("text")}
              rows={12}
              spellcheck={false}
              error={err("text")}
            />
            <TextField
              id="gift-file"
              name="file"
              type="file"
              label={t("gift.file")}
              accept=".gift,.txt,text/plain"
              error={err("file")}
            />
            <p class="actions">
              <button
                type="submit"
                name="action"
                value="preview"
                class={importable ? "secondary" : undefined}
              >
                {t("gift.preview")}
              </button>{" "}
              {importable > 0 && (
                <button type="submit" name="action" value="import">
                  {t("gift.import", { count: importable })}
                </button>
              )}
            </p>
          </ActionForm>
          <section aria-labelledby="gift-export-heading">
            <h2 id="gift-export-heading">{t("gift.export.heading")}</h2>
            <p>{t("gift.export.lead")}</p>
            {info.banks.length === 0 ? <p>{t("gift.export.none")}</p> : (
              <ul>
                {info.banks.map((b) => (
                  <li key={b.id}>
                    <a
                      href={`/author/gift/export?course=${
                        encodeURIComponent(info.courseId)
                      }&bank=${encodeURIComponent(b.id)}`}
                      download={`${b.id}.gift.txt`}
                    >
                      {t("gift.export.bank", {
                        bank: b.title,
                        count: b.questions,
                      })}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </section>
  );
}
