import type { Handler } from "$fresh/server.ts";

export const handler: Handler = (req, ctx) =>
  Response.json({ method: req.method, route: ctx.route });
