import type { PageProps } from "$fresh/server.ts";
import { ErrorPage } from "@/components/ErrorPage.tsx";
import type { FieldErrors } from "@/lib/forms/form.ts";
import type { AppState } from "@/lib/http/state.ts";

/** A refused request whose form is on another page: its status and why. */
export interface RefusedInput {
  status: number;
  /** Each bad field's message key. */
  errors: FieldErrors;
}

/**
 * The page of a handler that has no form of its own (a link, a button on
 * another page) when its input is refused: the error page for the status,
 * saying what was wrong with each field.
 */
export function RefusedInputPage(
  { data, state: { t, lang } }: PageProps<RefusedInput, AppState>,
) {
  const detail = Object.values(data.errors).map((key) => t(key!)).join(" ");
  return <ErrorPage t={t} lang={lang} status={data.status} detail={detail} />;
}
