import { asset, Head } from "$fresh/runtime.ts";

/** Links the onboarding pages' stylesheet (kept apart from the shared one). */
export function OnboardingStyles() {
  return (
    <Head>
      <link rel="stylesheet" href={asset("/onboarding.css")} />
    </Head>
  );
}
