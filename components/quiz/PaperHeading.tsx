import type { ComponentChildren } from "preact";
import { Head } from "$fresh/runtime.ts";

/** The document title, what stands above the heading (a preview banner), and the heading of a quiz, exam or preview page. */
export function PaperHeading(
  props: { headTitle: string; title: string; top?: ComponentChildren },
) {
  return (
    <>
      <Head>
        <title>{props.headTitle}</title>
      </Head>
      {props.top}
      <h1>{props.title}</h1>
    </>
  );
}
