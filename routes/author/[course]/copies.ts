import type { Handlers } from "$fresh/server.ts";
import { z } from "zod";
import {
  dismissConflictCopy,
  DraftPathSchema,
} from "@/lib/authoring/draft_store.ts";
import {
  type RefusedInput,
  RefusedInputPage,
} from "@/components/RefusedInputPage.tsx";
import { formValues, parseForm } from "@/lib/forms/form.ts";
import { seeOther } from "@/lib/http/responses.ts";
import type { SignedInState } from "@/lib/http/state.ts";

const DismissInput = z.strictObject({
  path: DraftPathSchema,
  id: z.string().regex(/^[0-9A-Z]{26}$/, "forms.copies.id_invalid"),
});

/** Drops a conflict copy a trainer has dealt with (confirmed on the editor page). */
export const handler: Handlers<RefusedInput, SignedInState> = {
  async POST(req, ctx) {
    const input = parseForm(
      DismissInput,
      formValues(await req.formData(), ["path", "id"]),
      "forms.copies.id_invalid",
      // The path schema's wording is the content checker's, not a key.
      { fallbacks: { path: "forms.copies.path_invalid" } },
    );
    if (!input.ok) {
      return ctx.render({ status: 422, errors: input.errors }, {
        status: 422,
      });
    }
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

/** A refused dismissal (a form that was tampered with or is stale). */
export default RefusedInputPage;
