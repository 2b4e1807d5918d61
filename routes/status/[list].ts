import type { Handlers } from "$fresh/server.ts";
import { signedStatusList } from "@/lib/certification/issuing.ts";
import { publicOrigin } from "@/lib/http/public_origin.ts";
import type { AppState } from "@/lib/http/state.ts";

/** The signed Bitstring Status List credential of certificates. */
export const handler: Handlers<unknown, AppState> = {
  async GET(_req, ctx) {
    if (!/^[0-9]{1,6}$/.test(ctx.params.list)) return ctx.renderNotFound();
    const json = await signedStatusList(
      ctx.state.kv,
      publicOrigin(ctx.url),
      ctx.params.list,
      new Date(),
    );
    return new Response(json, {
      headers: {
        "content-type": "application/json; charset=utf-8",
        // A revocation must show at once.
        "cache-control": "no-cache",
        "access-control-allow-origin": "*",
      },
    });
  },
};
