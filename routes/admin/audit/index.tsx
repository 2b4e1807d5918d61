import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { AdminNav } from "@/components/AdminNav.tsx";
import { AuditFilterForm } from "@/components/admin/AuditFilterForm.tsx";
import { AuditTable } from "@/components/admin/AuditTable.tsx";
import { ListOrEmpty } from "@/components/EmptyState.tsx";
import {
  type ActorOption,
  actorOptions,
  auditPage,
  type AuditPageData,
} from "@/lib/identity/audit/report/audit_page.ts";
import {
  AuditQuery,
  type AuditQueryField,
  filterSearch,
  toFilter,
} from "@/lib/identity/audit/audit_query.ts";
import { type FieldErrors, formValues, parseForm } from "@/lib/forms/form.ts";
import type { SignedInState } from "@/lib/http/state.ts";

interface Data extends AuditPageData {
  query: AuditQuery;
  /** The raw query values, to show back in the filter form. */
  values: Record<string, unknown>;
  errors: FieldErrors<AuditQueryField>;
  actors: ActorOption[];
}

const FIELDS = ["actor", "action", "from", "to", "cursor"];

export const handler: Handlers<Data, SignedInState> = {
  async GET(_req, ctx) {
    const { kv } = ctx.state;
    const values = formValues(ctx.url.searchParams, FIELDS);
    const parsed = parseForm<typeof AuditQuery, AuditQueryField>(
      AuditQuery,
      values,
      "audit.filter.invalid",
    );
    // A bad filter shows every entry, with the field marked: nothing hidden.
    const query: AuditQuery = parsed.ok ? parsed.data : {};
    const [page, actors] = await Promise.all([
      auditPage(kv, toFilter(query), query.cursor),
      actorOptions(kv),
    ]);
    return ctx.render({
      ...page,
      query,
      values,
      errors: parsed.ok ? {} : parsed.errors,
      actors,
    }, { status: parsed.ok ? 200 : 422 });
  },
};

export default function AuditPage(
  { data, state: { t, lang } }: PageProps<Data, SignedInState>,
) {
  const filtered = Boolean(
    data.query.actor || data.query.action || data.query.from ||
      data.query.to,
  );
  return (
    <section>
      <Head>
        <title>{`${t("admin.audit.title")} · ${t("app.name")}`}</title>
      </Head>
      <AdminNav t={t} current="/admin/audit" />
      <h1>{t("admin.audit.title")}</h1>
      <p class="lead">{t("audit.lead")}</p>
      <AuditFilterForm
        t={t}
        values={data.values}
        errors={data.errors}
        actors={data.actors}
      />
      <p>
        <a
          class="button secondary small"
          href={`/admin/audit/export${
            filterSearch({ ...data.query, cursor: undefined })
          }`}
          download
        >
          {t("audit.export")}
        </a>
      </p>
      <ListOrEmpty
        count={data.entries.length}
        title={t(
          filtered ? "audit.empty_filtered.title" : "admin.audit.empty.title",
        )}
        body={t(
          filtered ? "audit.empty_filtered.body" : "admin.audit.empty.body",
        )}
      >
        <AuditTable
          entries={data.entries}
          names={data.names}
          t={t}
          lang={lang}
        />
      </ListOrEmpty>
      {(data.query.cursor || data.next) && (
        <nav class="pager" aria-label={t("admin.pager")}>
          {data.query.cursor && (
            <a
              href={`/admin/audit${
                filterSearch({ ...data.query, cursor: undefined })
              }`}
            >
              {t("admin.audit.first")}
            </a>
          )}
          {data.next && (
            <a
              href={`/admin/audit${filterSearch(data.query, data.next)}`}
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
