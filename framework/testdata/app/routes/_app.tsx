import type { PageProps } from "$fresh/server.ts";

export default function App(
  { Component, state }: PageProps<unknown, { trail?: string[] }>,
) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
      </head>
      <body data-app="yes" data-trail={(state.trail ?? []).join(">")}>
        <Component />
      </body>
    </html>
  );
}
