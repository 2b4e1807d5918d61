import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { CsvErrors } from "@/components/invitations/CsvErrors.tsx";
import { ImportedLinks } from "@/components/invitations/ImportedLinks.tsx";
import { ImportForm } from "@/components/invitations/ImportForm.tsx";
import { NoCohorts } from "@/components/invitations/NoCohorts.tsx";
import { publicOrigin } from "@/lib/http/public_origin.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import {
  importBodyTooLarge,
  type ImportedView,
  type ImportRefused,
  submitImport,
} from "@/lib/identity/invitations/import_submit.ts";
import {
  type CohortOption,
  invitableCohorts,
} from "@/lib/identity/invitations/invitation_view.ts";

interface Data extends Partial<Pick<ImportRefused, "csvErrors" | "fileName">> {
  cohorts: CohortOption[];
  cohortId: string;
  errors: ImportRefused["errors"];
  imported?: ImportedView;
  origin?: string;
}

export const handler: Handlers<Data, SignedInState> = {
  async GET(_req, ctx) {
    const cohorts = await invitableCohorts(ctx.state.kv, ctx.state.user);
    const wanted = ctx.url.searchParams.get("cohort") ?? "";
    return ctx.render({
      cohorts,
      cohortId: cohorts.some((c) => c.id === wanted) ? wanted : "",
      errors: {},
    });
  },
  async POST(req, ctx) {
    const { kv, user } = ctx.state;
    const cohorts = await invitableCohorts(kv, user);
    const page = (status: number, more: Partial<Data>) =>
      ctx.render({ cohorts, cohortId: "", errors: {}, ...more }, { status });
    // Refuse a body that cannot hold an acceptable file before reading it.
    if (importBodyTooLarge(req.headers.get("content-length"))) {
      await req.body?.cancel();
      return await page(413, {
        errors: { file: "invitations.import.file_too_large" },
      });
    }
    let form: FormData;
    try {
      form = await req.formData();
    } catch {
      return await page(400, {
        errors: { file: "invitations.import.file_required" },
      });
    }
    const outcome = await submitImport(kv, user.id, cohorts, form, new Date());
    if (!outcome.ok) return await page(outcome.status, outcome);
    const res = await page(201, {
      imported: outcome.imported,
      origin: publicOrigin(ctx.url),
    });
    // The links are passwords in all but name: keep them out of caches.
    res.headers.set("cache-control", "no-store");
    return res;
  },
};

export default function ImportPage(
  { data, state: { t, lang, csrfToken, user } }: PageProps<
    Data,
    SignedInState
  >,
) {
  if (data.imported) {
    return (
      <ImportedLinks
        imported={data.imported}
        origin={data.origin ?? ""}
        t={t}
        lang={lang}
      />
    );
  }
  return (
    <section>
      <Head>
        <title>{`${t("invitations.import.title")} · ${t("app.name")}`}</title>
      </Head>
      <p>
        <a href="/invitations">{t("invitations.import.back")}</a>
      </p>
      <h1>{t("invitations.import.title")}</h1>
      <p class="lead">{t("invitations.import.lead")}</p>
      {data.csvErrors && (
        <CsvErrors
          errors={data.csvErrors}
          fileName={data.fileName ?? ""}
          t={t}
        />
      )}
      {data.cohorts.length === 0
        ? <NoCohorts t={t} role={user.role} />
        : (
          <ImportForm
            t={t}
            csrfToken={csrfToken}
            cohorts={data.cohorts}
            cohortId={data.cohortId}
            errors={data.errors}
          />
        )}
    </section>
  );
}
