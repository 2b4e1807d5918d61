import { HttpError, type PageProps } from "$fresh/server.ts";
import { ErrorPage } from "@/components/ErrorPage.tsx";
import { RefusedError } from "@/lib/auth/refusal.ts";
import type { AppState } from "@/lib/http/state.ts";

export default function ServerError(
  { state, error }: PageProps<unknown, AppState>,
) {
  const status = error instanceof HttpError ? error.status : 500;
  return (
    <ErrorPage
      t={state.t}
      lang={state.lang}
      status={status}
      refusal={error instanceof RefusedError ? error.refusal : undefined}
      csrfToken={() => state.csrfToken}
    />
  );
}
