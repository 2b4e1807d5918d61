import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { ListOrEmpty } from "@/components/EmptyState.tsx";
import { IssuedInvitation } from "@/components/invitations/IssuedInvitation.tsx";
import {
  type FormState,
  InviteForm,
} from "@/components/invitations/InviteForm.tsx";
import { NoCohorts } from "@/components/invitations/NoCohorts.tsx";
import { PendingInvitations } from "@/components/invitations/PendingInvitations.tsx";
import { StaffInviteForm } from "@/components/invitations/StaffInviteForm.tsx";
import { formValues } from "@/lib/forms/form.ts";
import { publicOrigin } from "@/lib/http/public_origin.ts";
import { seeOther } from "@/lib/http/responses.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import type { MessageKey } from "@/lib/i18n/i18n.ts";
import {
  INVITATION_FORM_FIELDS,
  type InviteSlot,
  type IssuedView,
  submitInvitation,
} from "@/lib/identity/invitations/invitation_submit.ts";
import {
  type CohortOption,
  invitableCohorts,
  inviteLink,
  pendingInvitations,
  type PendingRow,
} from "@/lib/identity/invitations/invitation_view.ts";

interface Data {
  cohorts: CohortOption[];
  pending: PendingRow[];
  /** Where links point (the public origin). */
  origin: string;
  /** The form that was refused, with its values and why. */
  failed?: FormState & { slot: InviteSlot };
  /** A page-level message about a revoke (or an unknown action). */
  alert?: MessageKey;
  done?: "revoked";
  issued?: IssuedView;
}

const EMPTY_FORM: FormState = { values: {}, errors: {} };

/** Pending links are passwords in all but name: keep every answer out of caches. */
const noStore = (res: Response) => {
  res.headers.set("cache-control", "no-store");
  return res;
};

export const handler: Handlers<Data, SignedInState> = {
  async GET(_req, ctx) {
    const { kv, user } = ctx.state;
    const cohorts = await invitableCohorts(kv, user);
    return noStore(
      await ctx.render({
        cohorts,
        origin: publicOrigin(ctx.url),
        pending: await pendingInvitations(kv, user, cohorts, new Date()),
        done: ctx.url.searchParams.get("done") === "revoked"
          ? "revoked"
          : undefined,
      }),
    );
  },
  async POST(req, ctx) {
    const { kv, user } = ctx.state;
    const now = new Date();
    const values = formValues(await req.formData(), INVITATION_FORM_FIELDS);
    const cohorts = await invitableCohorts(kv, user);
    const outcome = await submitInvitation(kv, user.id, cohorts, values, now);
    if (outcome.kind === "revoked") {
      return seeOther("/invitations?done=revoked");
    }
    const issued = outcome.kind === "issued";
    return noStore(
      await ctx.render({
        cohorts,
        origin: publicOrigin(ctx.url),
        pending: issued ? [] : await pendingInvitations(kv, user, cohorts, now),
        ...outcome.kind === "issued"
          ? { issued: outcome.issued }
          : outcome.kind === "alert"
          ? { alert: outcome.alert }
          : { failed: outcome },
      }, { status: outcome.kind === "issued" ? 201 : outcome.status }),
    );
  },
};

export default function InvitationsPage(
  { data, state: { t, lang, csrfToken, user } }: PageProps<
    Data,
    SignedInState
  >,
) {
  if (data.issued) {
    return (
      <IssuedInvitation
        issued={data.issued}
        link={inviteLink(data.origin, data.issued.token)}
        t={t}
        lang={lang}
      />
    );
  }
  const formOf = (slot: InviteSlot) =>
    data.failed?.slot === slot ? data.failed : EMPTY_FORM;
  return (
    <section>
      <Head>
        <title>{`${t("invitations.title")} · ${t("app.name")}`}</title>
      </Head>
      <h1>{t("invitations.title")}</h1>
      <p class="lead">{t("invitations.lead")}</p>
      {data.done && (
        <p class="notice" role="status">{t("invitations.revoked")}</p>
      )}
      {data.alert && <p class="feedback wrong" role="alert">{t(data.alert)}</p>}

      <h2>{t("invitations.pending.title")}</h2>
      {data.cohorts.length === 0
        ? <NoCohorts t={t} role={user.role} />
        : (
          <ListOrEmpty
            count={data.pending.length}
            title={t("invitations.pending.empty.title")}
            body={t("invitations.pending.empty.body")}
          >
            <PendingInvitations
              rows={data.pending}
              origin={data.origin}
              t={t}
              lang={lang}
              csrfToken={csrfToken}
            />
          </ListOrEmpty>
        )}

      {data.cohorts.length > 0 && (
        <InviteForm
          t={t}
          csrfToken={csrfToken}
          role={user.role}
          cohorts={data.cohorts}
          form={formOf("cohort")}
        />
      )}
      {user.role === "admin" && (
        <StaffInviteForm t={t} csrfToken={csrfToken} form={formOf("staff")} />
      )}
    </section>
  );
}
