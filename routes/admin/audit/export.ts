import type { Handlers } from "$fresh/server.ts";
import { auditCsv } from "@/lib/identity/audit/report/audit_csv.ts";
import { auditExport } from "@/lib/identity/audit/report/audit_page.ts";
import {
  AuditQuery,
  type AuditQueryField,
  toFilter,
} from "@/lib/identity/audit/audit_query.ts";
import { formValues, parseForm } from "@/lib/forms/form.ts";
import type { SignedInState } from "@/lib/http/state.ts";

/** GET /admin/audit/export: the filtered log as CSV (the same filter as the page). */
export const handler: Handlers<unknown, SignedInState> = {
  async GET(_req, ctx) {
    const parsed = parseForm<typeof AuditQuery, AuditQueryField>(
      AuditQuery,
      formValues(ctx.url.searchParams, ["actor", "action", "from", "to"]),
      "audit.filter.invalid",
    );
    if (!parsed.ok) {
      // Each bad field's problem, in the admin's language.
      const lines = Object.values(parsed.errors).map((key) =>
        ctx.state.t(key!)
      );
      return new Response(lines.join("\n") + "\n", {
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
