import type { Handlers } from "$fresh/server.ts";
import { auditCsv } from "@/lib/identity/audit/report/audit_csv.ts";
import { auditExport } from "@/lib/identity/audit/report/audit_page.ts";
import { AuditQuery, toFilter } from "@/lib/identity/audit/audit_query.ts";
import { formValues } from "@/lib/forms/form.ts";
import type { SignedInState } from "@/lib/http/state.ts";

/** GET /admin/audit/export: the filtered log as CSV (the same filter as the page). */
export const handler: Handlers<unknown, SignedInState> = {
  async GET(_req, ctx) {
    const parsed = AuditQuery.safeParse(
      formValues(ctx.url.searchParams, ["actor", "action", "from", "to"]),
    );
    if (!parsed.success) {
      return new Response("Invalid filter\n", {
        status: 422,
        headers: { "content-type": "text/plain; charset=utf-8" },
      });
    }
    const { entries, names, truncated } = await auditExport(
      ctx.state.kv,
      toFilter(parsed.data),
    );
    const day = new Date().toISOString().slice(0, 10);
    const res = new Response(
      auditCsv(entries, names, ctx.state.t, ctx.state.lang),
    );
    res.headers.set("content-type", "text/csv; charset=utf-8");
    res.headers.set(
      "content-disposition",
      `attachment; filename="audit-${day}.csv"`,
    );
    res.headers.set("cache-control", "no-store");
    if (truncated) res.headers.set("x-audit-truncated", "1");
    return res;
  },
};
