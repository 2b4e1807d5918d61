import type { Handlers } from "$fresh/server.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import { getLibrary } from "@/lib/replies/library.ts";
import { logCopy } from "@/lib/replies/usage_store.ts";

/** Counts one copy of a reply (the copy button posts here; CSRF by header). */
export const handler: Handlers<unknown, SignedInState> = {
  async POST(_req, ctx) {
    const lib = await getLibrary(ctx.state.kv);
    if (!lib?.byId.has(ctx.params.id)) return ctx.renderNotFound();
    await logCopy(ctx.state.kv, ctx.params.id, new Date());
    return new Response(null, { status: 204 });
  },
};
