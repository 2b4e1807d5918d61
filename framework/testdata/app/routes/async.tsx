import { defineRoute } from "$fresh/server.ts";

export default defineRoute(async (_req, ctx) => {
  await Promise.resolve();
  if (ctx.url.searchParams.has("redirect")) {
    return new Response(null, { status: 303, headers: { location: "/" } });
  }
  return <p class="async">async {ctx.url.searchParams.get("q")}</p>;
});
