import type { Handlers } from "$fresh/server.ts";
import { z } from "zod";
import {
  dismissConflictCopy,
  DraftPathSchema,
} from "@/lib/authoring/draft_store.ts";
import { seeOther } from "@/lib/http/responses.ts";
import type { SignedInState } from "@/lib/http/state.ts";

const DismissInput = z.strictObject({
  path: DraftPathSchema,
  id: z.string().regex(/^[0-9A-Z]{26}$/),
});

/** Drops a conflict copy a trainer has dealt with (confirmed on the editor page). */
export const handler: Handlers<unknown, SignedInState> = {
  async POST(req, ctx) {
    const form = await req.formData();
    const input = DismissInput.safeParse({
      path: form.get("path"),
      id: form.get("id"),
    });
    if (!input.success) return ctx.renderNotFound();
    await dismissConflictCopy(
      ctx.state.kv,
      ctx.params.course,
      input.data.path,
      input.data.id,
    );
    return seeOther(
      `/author/${ctx.params.course}/edit?path=${
        encodeURIComponent(input.data.path)
      }`,
    );
  },
};
