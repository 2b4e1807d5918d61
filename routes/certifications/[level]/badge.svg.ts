import type { Handlers } from "$fresh/server.ts";
import { badgeSvg } from "@/lib/certification/baked_badge.ts";
import { findLevel } from "@/lib/certification/levels.ts";
import { ISSUER_NAME } from "@/lib/certification/open_badge.ts";
import type { AppState } from "@/lib/http/state.ts";

/** A level's badge image (unbaked): the achievement's `image`. */
export const handler: Handlers<unknown, AppState> = {
  async GET(_req, ctx) {
    const found = await findLevel(ctx.state.kv, ctx.params.level);
    if (!found) return ctx.renderNotFound();
    return new Response(badgeSvg(found.level.title, ISSUER_NAME), {
      headers: {
        "content-type": "image/svg+xml; charset=utf-8",
        "cache-control": "public, max-age=3600",
      },
    });
  },
};
