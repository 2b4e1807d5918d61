import { type FreshContext, HttpError } from "$fresh/server.ts";
import { isSecureOrigin } from "@/lib/http/public_origin.ts";
import { parseCookie, stringifySetCookie } from "cookie";
import { decide } from "@/lib/auth/policy.ts";
import { listMembershipsOfUser } from "@/lib/identity/cohort_store.ts";
import { getSignedIn } from "@/lib/identity/sign_in.ts";
import {
  FormTooLargeError,
  PRE_SESSION_COOKIE,
  presentedToken,
  tokensMatch,
} from "@/lib/http/csrf.ts";
import { toHttpError } from "@/lib/http/domain_errors.ts";
import { isSameOriginRequest } from "@/lib/http/origin_check.ts";
import { SESSION_COOKIE } from "@/lib/http/session_cookie.ts";
import { withSecurityHeaders } from "@/lib/http/security_headers.ts";
import { RequestState } from "@/lib/http/request_state.ts";
import type { AppState } from "@/lib/http/state.ts";
import {
  LANGUAGE_COOKIE,
  negotiateLanguage,
  translator,
} from "@/lib/i18n/i18n.ts";
import { getStore } from "@/lib/startup.ts";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Security headers on every answer, error pages included (they come back
 * through here). Static files get theirs once per file, from fresh.config.ts.
 */
async function securityHeaders(_req: Request, ctx: FreshContext<AppState>) {
  // Nothing to wait for or catch on the static path: hand the promise on.
  if (ctx.destination === "static") return ctx.next();
  return withSecurityHeaders(await ctx.next());
}

/**
 * Every request: language, store, session, CSRF and the access policy, in
 * this one place.
 */
async function access(req: Request, ctx: FreshContext<AppState>) {
  // Static files need no language, store or session: keep their path short.
  if (ctx.destination === "static") return ctx.next();
  const cookies = parseCookie(req.headers.get("cookie") ?? "");
  const lang = negotiateLanguage(
    cookies[LANGUAGE_COOKIE],
    req.headers.get("accept-language"),
  );
  const kv = await getStore();
  const now = new Date();
  const signedIn = cookies[SESSION_COOKIE]
    ? await getSignedIn(kv, cookies[SESSION_COOKIE]!, now)
    : null;
  // The cohort only matters when evidence is written (state changes), so
  // reads skip that lookup.
  const cohortId =
    signedIn && !SAFE.has(req.method) && signedIn.user.role === "learner"
      ? (await listMembershipsOfUser(kv, signedIn.user.id, 1))[0]?.cohortId
      : undefined;
  const heldToken = signedIn?.session.csrfToken ??
    cookies[PRE_SESSION_COOKIE] ?? null;
  const state = new RequestState(
    lang,
    translator(lang),
    kv,
    signedIn
      ? {
        id: signedIn.user.id,
        name: signedIn.user.name,
        role: signedIn.user.role,
        cohortId,
        csrfToken: signedIn.session.csrfToken,
      }
      : null,
    heldToken,
  );
  ctx.state = state;

  if (!SAFE.has(req.method)) {
    if (!isSameOriginRequest(req)) {
      throw new HttpError(403, "Cross-site request refused");
    }
    let presented: string | null;
    try {
      presented = await presentedToken(req);
    } catch (error) {
      if (error instanceof FormTooLargeError) {
        throw new HttpError(413, error.message);
      }
      throw error;
    }
    if (!tokensMatch(presented, heldToken)) {
      throw new HttpError(403, "Stale request refused");
    }
  }
  const decision = decide(
    ctx.destination === "route" ? ctx.route : null,
    signedIn?.user.role ?? null,
  );
  if (decision === "login") {
    if (
      !SAFE.has(req.method) ||
      (req.headers.get("accept") ?? "").includes("application/json")
    ) {
      return Response.json({ errors: { session: "Sign in first" } }, {
        status: 401,
      });
    }
    const next = encodeURIComponent(ctx.url.pathname + ctx.url.search);
    return new Response(null, {
      status: 303,
      headers: { location: `/login?next=${next}` },
    });
  }
  if (decision === "home") {
    return new Response(null, { status: 303, headers: { location: "/" } });
  }
  if (decision === "forbid") {
    throw new HttpError(403, "Not allowed for this role");
  }

  let res: Response;
  try {
    res = await ctx.next();
  } catch (error) {
    throw toHttpError(error);
  }
  if (state.issuedToken) {
    res.headers.append(
      "set-cookie",
      stringifySetCookie({
        name: PRE_SESSION_COOKIE,
        value: state.issuedToken,
        path: "/",
        httpOnly: true,
        sameSite: "strict",
        secure: isSecureOrigin(ctx.url),
      }),
    );
  }
  return res;
}

export const handler = [securityHeaders, access];
