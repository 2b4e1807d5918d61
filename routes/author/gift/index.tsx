import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { CsrfField } from "@/components/CsrfField.tsx";
import { EmptyState } from "@/components/EmptyState.tsx";
import { FieldError } from "@/components/FieldError.tsx";
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
    const digest = await previewDigest(f);
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
  const invalid = (field: GiftFormField) => errors[field] ? "true" : undefined;
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
          <form
            method="post"
            class="stack"
            enctype="multipart/form-data"
            novalidate
            aria-labelledby="gift-import-heading"
          >
            <h2 id="gift-import-heading">{t("gift.import.heading")}</h2>
            <CsrfField token={csrfToken} />
            <input type="hidden" name="version" value={value("version")} />
            <input
              type="hidden"
              name="previewed"
              value={data.previewed ?? ""}
            />
            <label for="gift-bank">{t("gift.bank")}</label>
            <select
              id="gift-bank"
              name="bank"
              aria-invalid={invalid("bank")}
              aria-describedby="gift-bank-error"
            >
              {info.banks.map((b) => (
                <option key={b.id} value={b.id} selected={bank === b.id}>
                  {`${b.title}（${b.id}）`}
                </option>
              ))}
              <option value={NEW_BANK} selected={bank === NEW_BANK}>
                {t("gift.bank_new")}
              </option>
            </select>
            <FieldError id="gift-bank-error" message={err("bank")} />
            <label for="gift-newBankId">{t("gift.bank_id")}</label>
            <input
              id="gift-newBankId"
              name="newBankId"
              value={value("newBankId")}
              maxLength={60}
              autocomplete="off"
              aria-invalid={invalid("newBankId")}
              aria-describedby="gift-newBankId-error"
            />
            <FieldError id="gift-newBankId-error" message={err("newBankId")} />
            <label for="gift-newBankTitle">{t("gift.bank_title")}</label>
            <input
              id="gift-newBankTitle"
              name="newBankTitle"
              value={value("newBankTitle")}
              maxLength={80}
              aria-invalid={invalid("newBankTitle")}
              aria-describedby="gift-newBankTitle-error"
            />
            <FieldError
              id="gift-newBankTitle-error"
              message={err("newBankTitle")}
            />
            <label for="gift-module">{t("gift.module")}</label>
            <select
              id="gift-module"
              name="module"
              aria-invalid={invalid("module")}
              aria-describedby="gift-module-error"
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
            </select>
            <FieldError id="gift-module-error" message={err("module")} />
            <label for="gift-skill">{t("gift.skill")}</label>
            <select
              id="gift-skill"
              name="skill"
              aria-invalid={invalid("skill")}
              aria-describedby="gift-skill-error"
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
            </select>
            <FieldError id="gift-skill-error" message={err("skill")} />
            <label for="gift-difficulty">{t("gift.difficulty")}</label>
            <select
              id="gift-difficulty"
              name="difficulty"
              aria-invalid={invalid("difficulty")}
              aria-describedby="gift-difficulty-error"
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
            </select>
            <FieldError
              id="gift-difficulty-error"
              message={err("difficulty")}
            />
            <label for="gift-text">{t("gift.text")}</label>
            <textarea
              id="gift-text"
              name="text"
              rows={12}
              spellcheck={false}
              aria-invalid={invalid("text")}
              aria-describedby="gift-text-hint gift-text-error"
            >
              {value("text")}
            </textarea>
            <p class="meta" id="gift-text-hint">{t("gift.text_hint")}</p>
            <FieldError id="gift-text-error" message={err("text")} />
            <label for="gift-file">{t("gift.file")}</label>
            <input
              id="gift-file"
              name="file"
              type="file"
              accept=".gift,.txt,text/plain"
              aria-invalid={invalid("file")}
              aria-describedby="gift-file-error"
            />
            <FieldError id="gift-file-error" message={err("file")} />
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
          </form>
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
