import type { PageProps } from "$fresh/server.ts";

export default function User(
  { params, state }: PageProps<unknown, { trail: string[] }>,
) {
  return <p class="user">user {params.id} via {state.trail.join(",")}</p>;
}
