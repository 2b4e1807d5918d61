import type { RouteConfig } from "$fresh/server.ts";

export const config: RouteConfig = { skipAppWrapper: true };

export default function Bare() {
  return (
    <html>
      <body class="bare">bare</body>
    </html>
  );
}
