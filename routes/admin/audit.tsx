import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { AdminNav } from "@/components/AdminNav.tsx";
import { AuditTable } from "@/components/admin/AuditTable.tsx";
import { type AuditNames, auditNames } from "@/lib/identity/audit_names.ts";
import { EmptyState } from "@/components/EmptyState.tsx";
import type { SignedInState } from "@/lib/http/state.ts";
import { type AuditEntry, listAudit } from "@/lib/identity/audit_store.ts";
import { AuditListQuery } from "@/lib/identity/user_admin_form.ts";

/** Entries per page. */
const PAGE = 50;

interface Data {
  entries: AuditEntry[];
  names: AuditNames;
  /** Cursor of the next (older) page, "" on the last. */
  next: string;
  paged: boolean;
  /** The paging link was not valid, so the newest page is shown. */
  badCursor: boolean;
}

/** Deno KV refuses a cursor it cannot decode with this TypeError. */
const isBadCursor = (error: unknown) =>
  error instanceof TypeError && /invalid cursor/i.test(error.message);

export const handler: Handlers<Data, SignedInState> = {
  async GET(_req, ctx) {
    const { kv } = ctx.state;
    const query = AuditListQuery.safeParse({
      cursor: ctx.url.searchParams.get("cursor"),
    });
    if (query.success) {
      try {
        const page = await listAudit(kv, PAGE, query.data.cursor);
        return ctx.render({
          entries: page.entries,
          names: await auditNames(kv, page.entries),
          next: page.cursor,
          paged: Boolean(query.data.cursor),
          badCursor: false,
        });
      } catch (error) {
        if (!isBadCursor(error)) throw error;
      }
    }
    // A mangled or stale paging link: say so and show the newest entries.
    const page = await listAudit(kv, PAGE);
    return ctx.render({
      entries: page.entries,
      names: await auditNames(kv, page.entries),
      next: page.cursor,
      paged: false,
      badCursor: true,
    }, { status: 422 });
  },
};

export default function AuditPage(
  { data, state: { t, lang } }: PageProps<Data, SignedInState>,
) {
  return (
    <section>
      <Head>
        <title>{`${t("admin.audit.title")} · ${t("app.name")}`}</title>
      </Head>
      <AdminNav t={t} current="/admin/audit" />
      <h1>{t("admin.audit.title")}</h1>
      <p class="lead">{t("admin.audit.lead")}</p>
      {data.badCursor && (
        <p class="feedback wrong" role="alert">{t("admin.cursor_invalid")}</p>
      )}
      {data.entries.length === 0
        ? (
          <EmptyState title={t("admin.audit.empty.title")}>
            {t("admin.audit.empty.body")}
          </EmptyState>
        )
        : (
          <AuditTable
            entries={data.entries}
            names={data.names}
            t={t}
            lang={lang}
          />
        )}
      {(data.paged || data.next) && (
        <nav class="pager" aria-label={t("admin.pager")}>
          {data.paged && <a href="/admin/audit">{t("admin.audit.first")}</a>}
          {data.next && (
            <a
              href={`/admin/audit?cursor=${encodeURIComponent(data.next)}`}
              rel="next"
            >
              {t("admin.audit.next")}
            </a>
          )}
        </nav>
      )}
    </section>
  );
}
