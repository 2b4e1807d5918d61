import { HttpError, type PageProps } from "$fresh/server.ts";
import { ErrorPage } from "@/components/ErrorPage.tsx";
import { RefusedError } from "@/lib/auth/refusal.ts";
import { errorKey } from "@/lib/errors.ts";
import { CodedHttpError, UnexpectedError } from "@/lib/http/domain_errors.ts";
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
      detail={error instanceof CodedHttpError
        ? state.t(errorKey(error.code))
        : undefined}
      requestId={error instanceof UnexpectedError ? error.requestId : undefined}
      csrfToken={() => state.csrfToken}
    />
  );
}
