import type { Handlers } from "$fresh/server.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import { exportPersonalData } from "@/lib/identity/personal_data/personal_data.ts";

/** The signed-in user's own record as a JSON download (PIPL: the right to a copy). */
export const handler: Handlers<unknown, SignedInState> = {
  async GET(_req, ctx) {
    const record = await exportPersonalData(ctx.state.kv, ctx.state.user.id);
    const day = new Date().toISOString().slice(0, 10);
    return new Response(
      JSON.stringify({ exportedAt: new Date(), ...record }, null, 2),
      {
        headers: {
          "content-type": "application/json; charset=utf-8",
          "content-disposition":
            `attachment; filename="service-academy-record-${day}.json"`,
          "cache-control": "no-store",
        },
      },
    );
  },
};
