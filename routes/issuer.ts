import type { Handlers } from "$fresh/server.ts";
import { issuerDocument } from "@/lib/certification/issuing.ts";
import { publicOrigin } from "@/lib/http/public_origin.ts";
import type { AppState } from "@/lib/http/state.ts";

/**
 * The issuer's controller document (Multikey verification methods, every key
 * ever used): what a third party needs to verify a certificate offline.
 */
export const handler: Handlers<unknown, AppState> = {
  async GET(_req, ctx) {
    const doc = await issuerDocument(
      ctx.state.kv,
      publicOrigin(ctx.url),
      new Date(),
    );
    return new Response(JSON.stringify(doc, null, 2), {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "cache-control": "public, max-age=300",
        "access-control-allow-origin": "*",
      },
    });
  },
};
