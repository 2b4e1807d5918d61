import type { Handlers } from "$fresh/server.ts";
import { badgeSvg, bakeSvg } from "@/lib/certification/baked_badge.ts";
import { getCertificate } from "@/lib/certification/certificate_store.ts";
import { findLevel } from "@/lib/certification/levels.ts";
import { ISSUER_NAME } from "@/lib/certification/open_badge.ts";
import type { AppState } from "@/lib/http/state.ts";

/** The badge image baked with the credential (Open Badges 3.0, SVG). */
export const handler: Handlers<unknown, AppState> = {
  async GET(_req, ctx) {
    const cert = await getCertificate(ctx.state.kv, ctx.params.id);
    if (!cert) return ctx.renderNotFound();
    const found = await findLevel(ctx.state.kv, cert.levelId);
    const svg = bakeSvg(
      badgeSvg(found?.level.title ?? cert.levelId, ISSUER_NAME),
      JSON.parse(cert.credential),
    );
    return new Response(svg, {
      headers: {
        "content-type": "image/svg+xml; charset=utf-8",
        "content-disposition": `attachment; filename="badge-${cert.id}.svg"`,
        "cache-control": "no-cache",
      },
    });
  },
};
