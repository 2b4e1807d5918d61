import type { Handlers } from "$fresh/server.ts";
import { zipFiles } from "@/lib/authoring/course_zip.ts";
import { versionFiles } from "@/lib/authoring/workspace.ts";
import { workspaceOf } from "@/lib/authoring/workspace_page.ts";
import type { SignedInState } from "@/lib/http/state.ts";

/**
 * A course as a zip of its content files: `?version=N` for that version
 * (as published), otherwise the workspace (the latest version with the
 * draft's changes).
 */
export const handler: Handlers<unknown, SignedInState> = {
  async GET(_req, ctx) {
    const { kv } = ctx.state;
    const course = ctx.params.course;
    const raw = ctx.url.searchParams.get("version");
    const version = Number(raw);
    let files: Record<string, string> | null = null;
    let name = course;
    if (raw !== null) {
      if (!Number.isInteger(version) || version < 1) {
        return ctx.renderNotFound();
      }
      files = await versionFiles(kv, course, version).catch(() => null);
      name = `${course}-v${version}`;
    } else {
      files = (await workspaceOf(kv, course))?.files ?? null;
      name = `${course}-draft`;
    }
    if (!files) return ctx.renderNotFound();
    return new Response(zipFiles(files) as Uint8Array<ArrayBuffer>, {
      headers: {
        "content-type": "application/zip",
        "content-disposition": `attachment; filename="${name}.zip"`,
        "cache-control": "private, no-store",
      },
    });
  },
};
