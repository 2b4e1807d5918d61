import { asset, Head } from "$fresh/runtime.ts";

export default function WithHead() {
  return (
    <>
      <Head>
        <title>first</title>
        <meta key="d" name="description" content="one" />
      </Head>
      <Head>
        <title>second</title>
        <meta key="d" name="description" content="two" />
        <link rel="stylesheet" href={asset("/css/site.css")} />
      </Head>
      <p class="head">head</p>
    </>
  );
}
