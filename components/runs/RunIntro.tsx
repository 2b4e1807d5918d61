import { Head } from "$fresh/runtime.ts";
import type { ComponentChildren } from "preact";
import { CsrfField } from "@/components/CsrfField.tsx";

/**
 * The page before a run starts (a scenario, a drill): its title, what the
 * learner should know first (`children`) and the start button.
 */
export function RunIntro(
  { title, section, back, csrfToken, start, children }: {
    title: string;
    /** The list the activity belongs to, in the tab title (and the back link). */
    section: string;
    /** Where a back link to the list goes, if the page shows one. */
    back?: string;
    csrfToken: string;
    /** The start button's words. */
    start: string;
    children?: ComponentChildren;
  },
) {
  return (
    <>
      <Head>
        <title>{`${title} · ${section}`}</title>
      </Head>
      {back && (
        <p class="breadcrumbs-inline">
          <a href={back}>{section}</a>
        </p>
      )}
      <h1>{title}</h1>
      {children}
      <form method="post">
        <CsrfField token={csrfToken} />
        <button type="submit">{start}</button>
      </form>
    </>
  );
}
