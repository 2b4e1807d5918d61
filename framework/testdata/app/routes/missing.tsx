import type { Handlers } from "$fresh/server.ts";

export const handler: Handlers = {
  GET: (_req, ctx) => ctx.renderNotFound({ why: "gone" }),
};

export default function Missing() {
  return <p>never</p>;
}
