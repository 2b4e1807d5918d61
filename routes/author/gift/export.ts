import type { Handlers } from "$fresh/server.ts";
import { exportBankGift } from "@/lib/gift/gift_import.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import { ID_PATTERN } from "@/lib/content/schema.ts";

/** `GET /author/gift/export?course=&bank=`: the bank as a GIFT text file. */
export const handler: Handlers<unknown, SignedInState> = {
  async GET(_req, ctx) {
    const course = ctx.url.searchParams.get("course") ?? "";
    const bank = ctx.url.searchParams.get("bank") ?? "";
    if (!ID_PATTERN.test(course) || !ID_PATTERN.test(bank)) {
      return ctx.renderNotFound();
    }
    const exported = await exportBankGift(ctx.state.kv, course, bank);
    if (!exported) return ctx.renderNotFound();
    return new Response(exported.text, {
      headers: {
        "content-type": "text/plain; charset=utf-8",
        "content-disposition": `attachment; filename="${bank}.gift.txt"`,
        "cache-control": "no-store",
      },
    });
  },
};
