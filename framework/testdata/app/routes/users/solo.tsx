import type { RouteConfig } from "$fresh/server.ts";

export const config: RouteConfig = { skipInheritedLayouts: true };

export default function Solo() {
  return <p class="solo">no layouts</p>;
}
