import type { Handlers } from "$fresh/server.ts";
import { filterQuery, parseFilters } from "@/lib/dashboard/filters.ts";
import { ValidationError } from "@/lib/errors.ts";
import { isCalendarDate } from "@/lib/identity/dates.ts";
import { seeOther } from "@/lib/http/responses.ts";
import { XAPI_PAGE, XAPI_PAGE_MAX, xapiPage } from "@/lib/export/xapi.ts";
import type { SignedInState } from "@/lib/http/state.ts";

const CURSOR = /^[A-Za-z0-9_-]{1,60}~[A-Za-z0-9_-]{1,60}\.[^\s]{0,40}$/;

/** A Beijing calendar day's start, as the dashboards count days. */
function dayStart(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

/**
 * The xAPI 1.0.3 export of the cohorts the filters select (the viewer's
 * teams only), statements recorded from `since` to `until` (Beijing days,
 * both included), paged as an LRS StatementResult: `more` is the URL of the
 * next page, "" on the last.
 */
export const handler: Handlers<unknown, SignedInState> = {
  async GET(req, ctx) {
    const url = new URL(req.url);
    const p = url.searchParams;
    const { filters } = parseFilters(p);
    const since = p.get("since") ?? "";
    const until = p.get("until") ?? "";
    const cursor = p.get("cursor");
    const limit = Number(p.get("limit") ?? XAPI_PAGE);
    const problem = since && !isCalendarDate(since)
      ? "since"
      : until && !isCalendarDate(until)
      ? "until"
      : since && until && since > until
      ? "range"
      : null;
    if (problem) {
      // The dashboard's form: back to it, the problem named by the field
      // and the dates as typed; an LRS client gets the error itself.
      if (req.headers.get("accept")?.includes("text/html")) {
        return seeOther(
          `/dashboard${
            filterQuery(filters, { xapi: problem, since, until })
          }#xapi-form`,
        );
      }
      throw problem === "range"
        ? new ValidationError("until", `"${until}" is before "${since}"`)
        : new ValidationError(problem, `"${p.get(problem)}" is not a date`);
    }
    if (cursor !== null && !CURSOR.test(cursor)) {
      throw new ValidationError("cursor", "not a cursor of this export");
    }
    if (!Number.isInteger(limit) || limit < 1 || limit > XAPI_PAGE_MAX) {
      throw new ValidationError("limit", `must be 1-${XAPI_PAGE_MAX}`);
    }
    const range = {
      since: since ? dayStart(since) : new Date(0),
      until: until
        ? new Date(dayStart(until).getTime() + 86_400_000)
        : new Date(Date.now() + 60_000),
    };
    const page = await xapiPage(
      ctx.state.kv,
      { id: ctx.state.user.id, role: ctx.state.user.role },
      filters,
      range,
      cursor,
      limit,
    );
    const extra: Record<string, string> = {};
    if (since) extra.since = since;
    if (until) extra.until = until;
    if (p.has("limit")) extra.limit = String(limit);
    const more = page.next
      ? `/dashboard/xapi${
        filterQuery(filters, { ...extra, cursor: page.next })
      }`
      : "";
    return new Response(
      JSON.stringify({ statements: page.statements, more }),
      {
        headers: {
          "content-type": "application/json; charset=utf-8",
          "content-disposition": 'attachment; filename="xapi-statements.json"',
          "x-experience-api-version": "1.0.3",
          "cache-control": "private, no-store",
        },
      },
    );
  },
};
