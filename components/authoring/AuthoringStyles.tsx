import { Head } from "$fresh/runtime.ts";
import { asset } from "$fresh/runtime.ts";

/** The authoring pages' stylesheet (only these pages need it). */
export function AuthoringStyles() {
  return (
    <Head>
      <link rel="stylesheet" href={asset("/authoring.css")} />
    </Head>
  );
}
