import type { PageProps } from "$fresh/server.ts";

export default function Files({ params }: PageProps) {
  return <p class="files">files [{params.path}]</p>;
}
