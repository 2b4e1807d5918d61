import type { Handlers } from "$fresh/server.ts";
import { formatDateTime } from "@/lib/i18n/i18n.ts";
import {
  invitableCohorts,
  invitationLinksCsv,
  pendingInvitations,
} from "@/lib/identity/invitations/invitation_view.ts";
import { publicOrigin } from "@/lib/http/public_origin.ts";
import type { SignedInState } from "@/lib/http/state.ts";

/** GET /invitations/links: the pending invitations the inviter sees, with their links, as CSV. */
export const handler: Handlers<unknown, SignedInState> = {
  async GET(_req, ctx) {
    const { kv, user, t, lang } = ctx.state;
    const now = new Date();
    const rows = await pendingInvitations(
      kv,
      user,
      await invitableCohorts(kv, user),
      now,
    );
    const res = new Response(
      invitationLinksCsv(rows, publicOrigin(ctx.url), {
        role: (r) => t(`role.${r}`),
        date: (d) => formatDateTime(lang, d),
      }),
    );
    res.headers.set("content-type", "text/csv; charset=utf-8");
    res.headers.set(
      "content-disposition",
      `attachment; filename="invitations-${
        now.toISOString().slice(0, 10)
      }.csv"`,
    );
    // Links are passwords in all but name.
    res.headers.set("cache-control", "no-store");
    return res;
  },
};
