import { HttpError, type PageProps } from "$fresh/server.ts";
import { ErrorPage } from "@/components/ErrorPage.tsx";
import type { AppState } from "@/lib/http/state.ts";

export default function ServerError(
  { state, error }: PageProps<unknown, AppState>,
) {
  const status = error instanceof HttpError ? error.status : 500;
  return <ErrorPage t={state.t} status={status} />;
}
