import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { OnboardingStyles } from "@/components/certification/OnboardingStyles.tsx";
import { CertificateStatusBadge } from "@/components/certification/CertificateStatusBadge.tsx";
import { levelName } from "@/lib/certification/levels.ts";
import {
  type VerifyView,
  verifyView,
} from "@/lib/certification/verify_view.ts";
import type { AppState } from "@/lib/http/state.ts";
import { formatDate } from "@/lib/i18n/i18n.ts";

export const handler: Handlers<VerifyView, AppState> = {
  async GET(_req, ctx) {
    const view = await verifyView(ctx.state.kv, ctx.params.id, new Date());
    if (!view) return ctx.renderNotFound();
    const res = await ctx.render(view);
    res.headers.set("cache-control", "no-store");
    return res;
  },
};

/** The public verification page: anyone with the link can check a certificate. */
export default function VerifyPage(
  { data, state }: PageProps<VerifyView, AppState>,
) {
  const { t, lang } = state;
  const name = data.level ? levelName(data.level, lang) : data.levelId;
  const base = `/verify/${data.id}`;
  return (
    <>
      <OnboardingStyles />
      <Head>
        <title>{t("onboarding.verify.title", { level: name })}</title>
      </Head>
      <h1>{t("onboarding.verify.heading")}</h1>
      <section class="card verify-card" aria-labelledby="verify-level">
        <h2 id="verify-level">{name}</h2>
        <CertificateStatusBadge status={data.check.status} t={t} />
        <dl class="facts">
          <dt>{t("onboarding.verify.holder")}</dt>
          <dd>{data.holderName}</dd>
          <dt>{t("onboarding.verify.issued")}</dt>
          <dd>
            <time datetime={data.issuedAt.toISOString()}>
              {formatDate(lang, data.issuedAt)}
            </time>
          </dd>
          <dt>{t("onboarding.verify.expires")}</dt>
          <dd>
            <time datetime={data.validUntil.toISOString()}>
              {formatDate(lang, data.validUntil)}
            </time>
          </dd>
          {data.revokedAt && (
            <>
              <dt>{t("onboarding.verify.revoked_on")}</dt>
              <dd>
                <time datetime={data.revokedAt.toISOString()}>
                  {formatDate(lang, data.revokedAt)}
                </time>
              </dd>
            </>
          )}
          <dt>{t("onboarding.verify.signature")}</dt>
          <dd data-testid="signature">
            {data.check.proof.verified
              ? t("onboarding.verify.signature_ok")
              : t("onboarding.verify.signature_bad")}
          </dd>
          <dt>{t("onboarding.verify.status_list")}</dt>
          <dd data-testid="status-list">
            {data.check.listSaysRevoked
              ? t("onboarding.verify.list_revoked")
              : t("onboarding.verify.list_clear")}
          </dd>
        </dl>
        <p class="meta">{t("onboarding.verify.how")}</p>
        <ul class="link-list">
          <li>
            <a href={`${base}/print`}>{t("onboarding.verify.print")}</a>
          </li>
          <li>
            <a href={`${base}/credential.json`}>
              {t("onboarding.verify.credential")}
            </a>
          </li>
          <li>
            <a href={`${base}/badge.svg`} download={`badge-${data.id}.svg`}>
              {t("onboarding.verify.badge")}
            </a>
          </li>
          <li>
            <a href="/issuer">{t("onboarding.verify.issuer")}</a>
          </li>
        </ul>
      </section>
    </>
  );
}
