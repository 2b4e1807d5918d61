import type { Handlers } from "$fresh/server.ts";
import { getCertificate } from "@/lib/certification/certificate_store.ts";
import type { AppState } from "@/lib/http/state.ts";

/** The signed OpenBadgeCredential exactly as it was signed. */
export const handler: Handlers<unknown, AppState> = {
  async GET(_req, ctx) {
    const cert = await getCertificate(ctx.state.kv, ctx.params.id);
    if (!cert) return ctx.renderNotFound();
    return new Response(cert.credential, {
      headers: {
        "content-type": "application/ld+json; charset=utf-8",
        "cache-control": "no-cache",
        "access-control-allow-origin": "*",
      },
    });
  },
};
