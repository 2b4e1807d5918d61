import type { FreshContext } from "$fresh/server.ts";

export async function handler(
  _req: Request,
  ctx: FreshContext<{ trail: string[]; dest: string }>,
) {
  ctx.state.trail = ["root"];
  ctx.state.dest = ctx.destination;
  const res = await ctx.next();
  res.headers.append("x-mw", `root:${ctx.destination}`);
  return res;
}
