import type { PageProps } from "$fresh/server.ts";
import { ErrorPage } from "@/components/ErrorPage.tsx";
import type { AppState } from "@/lib/http/state.ts";

export default function NotFound({ state }: PageProps<unknown, AppState>) {
  return <ErrorPage t={state.t} lang={state.lang} status={404} />;
}
