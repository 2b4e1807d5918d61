import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { OnboardingStyles } from "@/components/certification/OnboardingStyles.tsx";
import { findLevel, levelName } from "@/lib/certification/levels.ts";
import type { Certification } from "@/lib/content/schema.ts";
import type { AppState } from "@/lib/http/state.ts";

export const handler: Handlers<Certification, AppState> = {
  async GET(_req, ctx) {
    const found = await findLevel(ctx.state.kv, ctx.params.level);
    return found ? ctx.render(found.level) : ctx.renderNotFound();
  },
};

/** A level's public page: the achievement a credential names. */
export default function LevelPage(
  { data, state }: PageProps<Certification, AppState>,
) {
  const { t, lang } = state;
  const name = levelName(data, lang);
  return (
    <>
      <OnboardingStyles />
      <Head>
        <title>{name}</title>
      </Head>
      <h1>{name}</h1>
      <img
        src={`/certifications/${data.id}/badge.svg`}
        alt=""
        width={120}
        height={120}
      />
      <p class="lead">
        {lang === "en" ? data.descriptionEn : data.description}
      </p>
      <h2>{t("onboarding.level.criteria")}</h2>
      <p lang="zh-CN">{data.criteria}</p>
      <p class="meta">
        {t("onboarding.level.validity", { months: data.validityMonths })}
      </p>
    </>
  );
}
