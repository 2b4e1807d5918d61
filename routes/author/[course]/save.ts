import type { Handlers } from "$fresh/server.ts";
import {
  MAX_DRAFT_CHARS,
  saveDraft,
  SaveDraftInput,
} from "@/lib/authoring/draft_store.ts";
import { workspaceOf } from "@/lib/authoring/workspace_page.ts";
import { readJsonBody } from "@/lib/http/body.ts";
import { codedErrors, fieldErrors, seeOther } from "@/lib/http/responses.ts";
import type { SignedInState } from "@/lib/http/state.ts";

const MAX_BODY_BYTES = MAX_DRAFT_CHARS * 4;

/**
 * Saves one file of the draft: JSON from the editor (answers the result,
 * 409 with the other trainer's change on a conflict), or the editor's plain
 * form without JavaScript (back to the editor).
 */
export const handler: Handlers<unknown, SignedInState> = {
  async POST(req, ctx) {
    const { kv, user, t } = ctx.state;
    const ws = await workspaceOf(kv, ctx.params.course);
    if (!ws) return ctx.renderNotFound();
    const json = (req.headers.get("content-type") ?? "").includes(
      "application/json",
    );
    let raw: unknown;
    if (json) {
      const body = await readJsonBody(req, MAX_BODY_BYTES);
      if (!body.ok) return codedErrors(ctx.state.t, body, "body", body.status);
      raw = body.value;
    } else {
      const form = await req.formData();
      raw = {
        path: form.get("path"),
        text: String(form.get("text") ?? "").replaceAll("\r\n", "\n"),
        basedOn: form.get("basedOn") || null,
      };
    }
    const input = SaveDraftInput.safeParse({
      ...(raw as object),
      courseId: ws.courseId,
    });
    if (!input.success) {
      return fieldErrors(422, { text: t("authoring.editor.bad_input") });
    }
    if (
      ws.files[input.data.path] === undefined &&
      !ws.drafts.some((d) => d.path === input.data.path)
    ) {
      return fieldErrors(404, { path: t("authoring.editor.bad_input") });
    }
    const result = await saveDraft(kv, input.data, user.id, new Date());
    const back = `/author/${ws.courseId}/edit?path=${
      encodeURIComponent(input.data.path)
    }`;
    if (!json) return seeOther(result.ok ? `${back}&saved` : `${back}#copies`);
    if (result.ok) return Response.json(result);
    return Response.json({
      ok: false,
      theirs: result.theirs && {
        text: result.theirs.text,
        updatedBy: result.theirs.updatedBy,
        versionstamp: result.theirs.versionstamp,
      },
      copyId: result.copy.id,
    }, { status: 409 });
  },
};
