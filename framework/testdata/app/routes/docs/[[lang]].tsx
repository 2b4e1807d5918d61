import type { PageProps } from "$fresh/server.ts";

export default function Docs({ params }: PageProps) {
  return <p class="docs">docs [{params.lang ?? ""}]</p>;
}
