import { Head } from "$fresh/runtime.ts";
import { type Handlers, type PageProps, RenderCache } from "$fresh/server.ts";
import { CourseCard } from "@/components/CourseCard.tsx";
import { EmptyState } from "@/components/EmptyState.tsx";
import {
  type CatalogueEntry,
  catalogueKey,
  listCatalogue,
} from "@/lib/content/catalogue.ts";
import type { AppState } from "@/lib/http/state.ts";
import { StaffHome } from "@/components/home/StaffHome.tsx";
import {
  type StaffHome as StaffHomeData,
  staffHome,
} from "@/lib/home/staff_home.ts";
import { MyLearning } from "@/components/MyLearning.tsx";
import { type MyCourse, myLearning } from "@/lib/learning/my_learning.ts";
import { LearnerToday } from "@/components/home/LearnerToday.tsx";
import { OnboardingStyles } from "@/components/certification/OnboardingStyles.tsx";
import { publicOrigin } from "@/lib/http/public_origin.ts";
import { type TodayView, todayView } from "@/lib/onboarding/today.ts";
import type { CardProgress } from "@/components/CourseCard.tsx";

/** The card's progress from the learner's own courses, if they have one. */
function cardProgress(
  mine: MyCourse[] | null,
  courseId: string,
): CardProgress | null {
  const c = mine?.find((m) => m.id === courseId);
  if (!c) return null;
  const done = c.modules.reduce((n, m) => n + m.done, 0);
  const total = c.modules.reduce((n, m) => n + m.total, 0);
  return { done, total, url: c.resume?.url ?? `/courses/${courseId}` };
}

interface HomeData {
  courses: CatalogueEntry[];
  /** The signed-in learner's progress; null for everyone else. */
  mine: MyCourse[] | null;
  /** The signed-in learner's Today (null outside a cohort and for others). */
  today: TodayView | null;
  /** A staff member's own home (each role starts at its own work). */
  staff?: StaffHomeData | null;
}

export const handler: Handlers<HomeData, AppState> = {
  async GET(_req, ctx) {
    const user = ctx.state.user;
    const staff = user && await staffHome(ctx.state.kv, user, new Date());
    const courses = await listCatalogue(ctx.state.kv);
    // A visitor's home page shows nothing but the published versions.
    if (!user) ctx.state.visitorPageKey = catalogueKey(courses);
    const learner = user?.role === "learner" ? user : null;
    const now = new Date();
    return ctx.render({
      courses,
      staff,
      mine: learner ? await myLearning(ctx.state.kv, learner.id, now) : null,
      today: learner
        ? await todayView(ctx.state.kv, learner, publicOrigin(ctx.url), now)
        : null,
    });
  },
};

export default function Home(
  { data, state: { t, lang } }: PageProps<HomeData, AppState>,
) {
  // The page depends only on the language and the published versions.
  const key = `home:${lang}:${catalogueKey(data.courses)}`;
  // A learner's cards carry their own progress, so only others share the cache.
  const cards = (
    <section aria-labelledby="catalogue-heading">
      <h2 id="catalogue-heading">{t("home.catalogue")}</h2>
      {data.courses.length === 0
        ? (
          <EmptyState title={t("home.empty.title")}>
            {t("home.empty.body")}
          </EmptyState>
        )
        : (
          <ul class="course-grid">
            {data.courses.map((c) => (
              <li key={c.id}>
                <CourseCard
                  course={c}
                  t={t}
                  progress={cardProgress(data.mine, c.id)}
                />
              </li>
            ))}
          </ul>
        )}
    </section>
  );
  const catalogue = data.mine
    ? cards
    : <RenderCache id={key}>{cards}</RenderCache>;
  if (data.staff) {
    // Staff start at their own work; the learner pages stay one link away.
    return (
      <>
        <Head>
          <title>{`${t("app.name")} · ${t(`role.${data.staff.role}`)}`}</title>
        </Head>
        <StaffHome home={data.staff} t={t} lang={lang} />
        {catalogue}
      </>
    );
  }
  return (
    <>
      <RenderCache id={`home-hero:${lang}`}>
        <Head>
          <title>{`${t("app.name")} · ${t("app.tagline")}`}</title>
        </Head>
        <section class="hero">
          <h1>{t("home.title")}</h1>
          <p class="lead">{t("home.lead")}</p>
        </section>
      </RenderCache>
      {data.today && (
        <>
          <OnboardingStyles />
          <LearnerToday data={data.today} t={t} lang={lang} />
        </>
      )}
      {data.mine && <MyLearning courses={data.mine} t={t} />}
      {catalogue}
    </>
  );
}
