import type { FreshContext } from "$fresh/server.ts";
import { parseCookie } from "cookie";
import {
  LANGUAGE_COOKIE,
  negotiateLanguage,
  translator,
} from "@/lib/i18n/i18n.ts";
import type { AppState } from "@/lib/http/state.ts";
import {
  withSecurityHeaders,
  withStaticHeaders,
} from "@/lib/http/security_headers.ts";
import { getStore } from "@/lib/startup.ts";
import { isSameOriginRequest } from "@/lib/http/origin_check.ts";
import { HttpError } from "$fresh/server.ts";

/** Language, translator and store for every request; security headers on every answer. */
export async function handler(req: Request, ctx: FreshContext<AppState>) {
  // Static files need no language, store or session: keep their path short.
  if (ctx.destination === "static") return withStaticHeaders(await ctx.next());
  const cookies = parseCookie(req.headers.get("cookie") ?? "");
  const lang = negotiateLanguage(
    cookies[LANGUAGE_COOKIE],
    req.headers.get("accept-language"),
  );
  ctx.state.lang = lang;
  ctx.state.t = translator(lang);
  if (!isSameOriginRequest(req)) {
    throw new HttpError(403, "Cross-site request refused");
  }
  if (ctx.destination === "route" || ctx.destination === "notFound") {
    ctx.state.kv = await getStore();
  }
  return withSecurityHeaders(await ctx.next());
}
