import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { OnboardingStyles } from "@/components/certification/OnboardingStyles.tsx";
import { ISSUER_NAME } from "@/lib/certification/open_badge.ts";
import {
  type VerifyView,
  verifyView,
} from "@/lib/certification/verify_view.ts";
import { publicOrigin } from "@/lib/http/public_origin.ts";
import type { AppState } from "@/lib/http/state.ts";
import { formatDate, translator } from "@/lib/i18n/i18n.ts";

interface Data {
  view: VerifyView;
  verifyUrl: string;
}

export const handler: Handlers<Data, AppState> = {
  async GET(_req, ctx) {
    const view = await verifyView(ctx.state.kv, ctx.params.id, new Date());
    if (!view) return ctx.renderNotFound();
    return ctx.render({
      view,
      verifyUrl: `${publicOrigin(ctx.url)}/verify/${view.id}`,
    });
  },
};

/**
 * The printable certificate: one A4 landscape page, Chinese and English side
 * by side whatever the UI language, with the verify link to check it.
 */
export default function PrintPage(
  { data, state }: PageProps<Data, AppState>,
) {
  const { view, verifyUrl } = data;
  const zh = translator("zh-CN");
  const en = translator("en");
  const level = view.level;
  return (
    <>
      <OnboardingStyles />
      <Head>
        <title>
          {state.t("onboarding.print.title", { name: view.holderName })}
        </title>
      </Head>
      <p class="no-print">
        {state.t("onboarding.print.hint")}{" "}
        <a href={`/verify/${view.id}`}>{state.t("onboarding.print.back")}</a>
      </p>
      <article class="certificate" aria-label={zh("onboarding.print.heading")}>
        <p class="certificate-issuer">{ISSUER_NAME}</p>
        <div class="certificate-langs">
          <section lang="zh-CN">
            <h1>{zh("onboarding.print.heading")}</h1>
            <p>{zh("onboarding.print.certifies")}</p>
            <p class="certificate-name">{view.holderName}</p>
            <p>
              {zh("onboarding.print.completed", {
                level: level?.title ?? view.levelId,
              })}
            </p>
            {level && <p class="certificate-desc">{level.description}</p>}
            <p>
              {zh("onboarding.print.dates", {
                issued: formatDate("zh-CN", view.issuedAt),
                expires: formatDate("zh-CN", view.validUntil),
              })}
            </p>
          </section>
          <section lang="en">
            <h2 class="certificate-h">{en("onboarding.print.heading")}</h2>
            <p>{en("onboarding.print.certifies")}</p>
            <p class="certificate-name">{view.holderName}</p>
            <p>
              {en("onboarding.print.completed", {
                level: level?.titleEn ?? view.levelId,
              })}
            </p>
            {level && <p class="certificate-desc">{level.descriptionEn}</p>}
            <p>
              {en("onboarding.print.dates", {
                issued: formatDate("en", view.issuedAt),
                expires: formatDate("en", view.validUntil),
              })}
            </p>
          </section>
        </div>
        <p class="certificate-status">
          {zh(`onboarding.cert.status.${view.check.status}`)} ·{" "}
          <span lang="en">
            {en(`onboarding.cert.status.${view.check.status}`)}
          </span>
        </p>
        <p class="certificate-verify">
          {zh("onboarding.print.verify")} /{" "}
          <span lang="en">
            {en("onboarding.print.verify")}
          </span>
          <br />
          <a href={verifyUrl}>{verifyUrl}</a>
        </p>
      </article>
    </>
  );
}
