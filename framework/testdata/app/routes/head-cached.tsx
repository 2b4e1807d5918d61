import { Head } from "$fresh/runtime.ts";

// The app's head has cached parts (a title and a description in a
// RenderCache): this page's <Head> must replace them too.
export default function HeadCached() {
  return (
    <>
      <Head>
        <title>page title</title>
        <meta name="description" content="page description" />
      </Head>
      <p>cached head</p>
    </>
  );
}
