import { type PageProps, RenderCache } from "$fresh/server.ts";

export default function App(
  { Component, state }: PageProps<unknown, { trail?: string[] }>,
) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <RenderCache id="app-head">
          <title>app title</title>
          <meta name="description" content="app description" />
          <meta name="keep" content="kept" />
        </RenderCache>
      </head>
      <body data-app="yes" data-trail={(state.trail ?? []).join(">")}>
        <Component />
      </body>
    </html>
  );
}
