import type { Handlers } from "$fresh/server.ts";
import { z } from "zod";
import { editorCheck } from "@/components/authoring/editor_data.tsx";
import {
  DraftPathSchema,
  MAX_DRAFT_CHARS,
} from "@/lib/authoring/draft_store.ts";
import { checkFile } from "@/lib/authoring/editor_check.ts";
import { workspaceOf } from "@/lib/authoring/workspace_page.ts";
import { readJsonBody } from "@/lib/http/body.ts";
import { codedErrors, fieldErrors } from "@/lib/http/responses.ts";
import type { SignedInState } from "@/lib/http/state.ts";

const CheckInput = z.strictObject({
  path: DraftPathSchema,
  text: z.string().max(MAX_DRAFT_CHARS),
});

/** A draft file's largest text as UTF-8 JSON, with room for escapes. */
const MAX_BODY_BYTES = MAX_DRAFT_CHARS * 4;

/** Checks a file's unsaved text in its workspace, as content:check would. */
export const handler: Handlers<unknown, SignedInState> = {
  async POST(req, ctx) {
    const ws = await workspaceOf(ctx.state.kv, ctx.params.course);
    if (!ws) return ctx.renderNotFound();
    const body = await readJsonBody(req, MAX_BODY_BYTES);
    if (!body.ok) return codedErrors(ctx.state.t, body, "body", body.status);
    const input = CheckInput.safeParse(body.value);
    if (!input.success) {
      return fieldErrors(422, {
        text: ctx.state.t("authoring.editor.bad_input"),
      });
    }
    const check = await checkFile(ws.files, input.data.path, input.data.text);
    return Response.json(editorCheck(check, ctx.state.t));
  },
};
