import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { AdminNav } from "@/components/AdminNav.tsx";
import { CertificateStatusBadge } from "@/components/certification/CertificateStatusBadge.tsx";
import { OnboardingStyles } from "@/components/certification/OnboardingStyles.tsx";
import { ConfirmForm } from "@/components/ConfirmForm.tsx";
import { CsrfField } from "@/components/CsrfField.tsx";
import { ListOrEmpty } from "@/components/EmptyState.tsx";
import { FieldError } from "@/components/FieldError.tsx";
import { TextAreaField } from "@/components/TextAreaField.tsx";
import { TextField } from "@/components/TextField.tsx";
import { DecisionForm, RevokeForm } from "@/lib/certification/admin_forms.ts";
import { type FieldErrors, formValues, parseForm } from "@/lib/forms/form.ts";
import {
  AlreadyRevokedError,
  type Certificate,
  certificateStatus,
  listCertificates,
  revokeCertificate,
  setDecision,
} from "@/lib/certification/certificate_store.ts";
import { levelName } from "@/lib/certification/levels.ts";
import { getCourseView } from "@/lib/content/course_view.ts";
import type { Certification } from "@/lib/content/schema.ts";
import { seeOther } from "@/lib/http/responses.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import { formatDate } from "@/lib/i18n/i18n.ts";
import { findUserByLogin } from "@/lib/identity/accounts/user_store.ts";
import {
  onboardingCourseId,
  refreshForLearner,
} from "@/lib/onboarding/today.ts";

interface Data {
  certificates: Certificate[];
  levels: Certification[];
  now: Date;
  done: string | null;
  /** Which form failed and its fields. */
  failed?: {
    form: "revoke" | "decide";
    id?: string;
    errors: FieldErrors;
    values: Record<string, string>;
  };
}

async function load(kv: Deno.Kv, done: string | null): Promise<Data> {
  const courseId = await onboardingCourseId(kv);
  const view = courseId ? await getCourseView(kv, courseId) : null;
  return {
    certificates: await listCertificates(kv, 500),
    levels: view?.published.certifications ?? [],
    now: new Date(),
    done,
  };
}

export const handler: Handlers<Data, SignedInState> = {
  async GET(_req, ctx) {
    return ctx.render(
      await load(ctx.state.kv, ctx.url.searchParams.get("done")),
    );
  },
  async POST(req, ctx) {
    const { kv, user } = ctx.state;
    const values = formValues(await req.formData(), [
      "action",
      "certificateId",
      "reason",
      "confirm",
      "login",
      "levelId",
      "kind",
    ]);
    // What was typed, shown again beside the problems.
    const form: Record<string, string> = {};
    for (const [k, v] of Object.entries(values)) {
      if (typeof v === "string") form[k] = v;
    }
    const now = new Date();
    if (form.action === "revoke") {
      const input = parseForm(RevokeForm, values, "error.code.invalid");
      if (!input.ok) {
        return ctx.render({
          ...(await load(kv, null)),
          failed: {
            form: "revoke",
            id: form.certificateId,
            errors: input.errors,
            values: form,
          },
        }, { status: 422 });
      }
      try {
        await revokeCertificate(kv, input.data.certificateId, {
          by: user.id,
          reason: input.data.reason,
        }, now);
      } catch (e) {
        if (!(e instanceof AlreadyRevokedError)) throw e;
      }
      return seeOther("/admin/certificates?done=revoked");
    }
    const input = parseForm(DecisionForm, values, "error.code.invalid");
    const learner = input.ok
      ? await findUserByLogin(kv, input.data.login)
      : null;
    if (!input.ok || !learner || learner.role !== "learner") {
      return ctx.render({
        ...(await load(kv, null)),
        failed: {
          form: "decide",
          errors: input.ok
            ? { login: "onboarding.admin.error.login" }
            : input.errors,
          values: form,
        },
      }, { status: 422 });
    }
    await setDecision(kv, learner.id, input.data.levelId, {
      kind: input.data.kind,
      reason: input.data.reason,
      by: user.id,
      at: now,
    });
    if (input.data.kind === "grant") {
      await refreshForLearner(kv, learner, ctx.url, now);
    }
    return seeOther(`/admin/certificates?done=${input.data.kind}`);
  },
};

/** Every certificate, revocation with a reason, and grant/withhold decisions. */
export default function AdminCertificatesPage(
  { data, state, url }: PageProps<Data, SignedInState>,
) {
  const { t, lang } = state;
  const f = data.failed;
  const decideErr = (field: string) => {
    const key = f?.form === "decide" ? f.errors[field] : undefined;
    return key && t(key);
  };
  const decided = (field: string) =>
    f?.form === "decide" ? f.values[field] ?? "" : "";
  const levelById = new Map(data.levels.map((l) => [l.id, l]));
  return (
    <>
      <OnboardingStyles />
      <Head>
        <title>{t("onboarding.admin.title")}</title>
      </Head>
      <AdminNav t={t} current={url.pathname} />
      <h1>{t("onboarding.admin.title")}</h1>
      {data.done && (
        <p class="notice" role="status">
          {t("onboarding.admin.done")}
        </p>
      )}
      <ListOrEmpty
        count={data.certificates.length}
        title={t("onboarding.admin.empty")}
        body={t("onboarding.admin.empty_body")}
      >
        <ul class="plan-list">
          {data.certificates.map((c) => {
            const status = certificateStatus(c, data.now);
            const level = levelById.get(c.levelId);
            const failedHere = f?.form === "revoke" && f.id === c.id;
            return (
              <li key={c.id} data-certificate={c.id}>
                <strong>{c.holderName}</strong>
                {" · "}
                {level ? levelName(level, lang) : c.levelId}
                {" · "}
                {t("onboarding.today.cert_dates", {
                  issued: formatDate(lang, c.issuedAt),
                  expires: formatDate(lang, c.validUntil),
                })}
                {c.grant && (
                  <span class="meta">
                    {" · "}
                    {t("onboarding.admin.granted", {
                      reason: c.grant.reason,
                    })}
                  </span>
                )}
                <CertificateStatusBadge status={status} t={t} />{" "}
                <a href={`/verify/${c.id}`}>{t("onboarding.admin.verify")}</a>
                {c.revoked && (
                  <p class="meta">
                    {t("onboarding.admin.revoked_because", {
                      reason: c.revoked.reason,
                    })}
                  </p>
                )}
                {!c.revoked && (
                  <ConfirmForm
                    summary={t("onboarding.admin.revoke")}
                    submit={t("onboarding.admin.revoke_button")}
                    fields={{ action: "revoke", certificateId: c.id }}
                    csrfToken={state.user.csrfToken}
                    open={failedHere}
                  >
                    <TextAreaField
                      id={`reason-${c.id}`}
                      name="reason"
                      label={t("onboarding.admin.reason")}
                      value={failedHere ? f!.values.reason ?? "" : ""}
                      rows={2}
                      maxLength={500}
                      required
                      error={failedHere && f!.errors.reason
                        ? t(f!.errors.reason)
                        : undefined}
                    />
                    <label class="option">
                      <input
                        type="checkbox"
                        name="confirm"
                        value="yes"
                        required
                        aria-describedby={`confirm-${c.id}-error`}
                      />
                      <span>
                        {t("onboarding.admin.confirm_revoke", {
                          name: c.holderName,
                        })}
                      </span>
                    </label>
                    <FieldError
                      id={`confirm-${c.id}-error`}
                      message={failedHere && f!.errors.confirm
                        ? t(f!.errors.confirm)
                        : undefined}
                    />
                  </ConfirmForm>
                )}
              </li>
            );
          })}
        </ul>
      </ListOrEmpty>
      <h2>{t("onboarding.admin.decide")}</h2>
      <p class="meta">{t("onboarding.admin.decide_lead")}</p>
      <form method="post" class="survey-form">
        <CsrfField token={state.user.csrfToken} />
        <input type="hidden" name="action" value="decide" />
        <TextField
          id="decide-login"
          name="login"
          label={t("onboarding.admin.login")}
          required
          maxLength={100}
          value={decided("login")}
          error={decideErr("login")}
        />
        <label for="decide-level">{t("onboarding.admin.level")}</label>
        <select id="decide-level" name="levelId">
          {data.levels.map((l) => (
            <option key={l.id} value={l.id}>{levelName(l, lang)}</option>
          ))}
        </select>
        <fieldset>
          <legend>{t("onboarding.admin.kind")}</legend>
          <label class="option">
            <input type="radio" name="kind" value="grant" required />
            <span>{t("onboarding.admin.kind.grant")}</span>
          </label>
          <label class="option">
            <input type="radio" name="kind" value="withhold" />
            <span>{t("onboarding.admin.kind.withhold")}</span>
          </label>
        </fieldset>
        <TextAreaField
          id="decide-reason"
          name="reason"
          label={t("onboarding.admin.reason")}
          value={decided("reason")}
          rows={2}
          maxLength={500}
          required
          error={decideErr("reason")}
        />
        <button type="submit">{t("onboarding.admin.decide_button")}</button>
      </form>
    </>
  );
}
