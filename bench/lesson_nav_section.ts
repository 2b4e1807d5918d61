/**
 * Lesson-to-lesson navigation with Partials (bench/lesson_nav.ts, from the
 * Partials work) as a bench section.
 */
import { benchLessonNavigation } from "./lesson_nav.ts";
import { pct, type Section } from "./rows.ts";

export const lessonNavigation: Section = {
  name: "navigation",
  async run() {
    const nav = await benchLessonNavigation();
    return [{
      metric:
        `lesson-to-lesson navigation with Partials vs full page loads (bytes received in chromium, ${nav.steps} steps)`,
      value: `${nav.partialBytes} B`,
      reference: `${nav.fullBytes} B`,
      ratio: pct(nav.partialBytes / nav.fullBytes),
      budget: "< 100%",
      ok: nav.partialBytes < nav.fullBytes,
    }];
  },
  notes:
    `Lesson-to-lesson navigation (bench/lesson_nav.ts): the demo learner walks the first module of the onboarding course by its "next" links in chromium, once with Partials (each click fetches only the lesson area, its head and its islands' state) and once loading the same lessons as full pages with the cache already warm; the figure is every byte received, headers included, from the browser's network events. The lesson text is most of a page, so the saving is the header, footer and boot tags of each page.`,
};
