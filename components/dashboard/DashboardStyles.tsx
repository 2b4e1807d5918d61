import { asset, Head } from "$fresh/runtime.ts";

/** Links the dashboards' stylesheet (kept apart from the shared one). */
export function DashboardStyles() {
  return (
    <Head>
      <link rel="stylesheet" href={asset("/dashboard.css")} />
    </Head>
  );
}
