import type { FreshContext } from "$fresh/server.ts";
import { isSecureOrigin } from "@/lib/http/public_origin.ts";
import { parseCookie, stringifySetCookie } from "cookie";
import { decide } from "@/lib/auth/policy.ts";
import { listMembershipsOfUser } from "@/lib/identity/teams/cohort_store.ts";
import { getSignedIn } from "@/lib/identity/accounts/sign_in.ts";
import {
  PRE_SESSION_COOKIE,
  type Presented,
  presentedForm,
  tokensMatch,
} from "@/lib/http/csrf.ts";
import {
  keptFields,
  RefusedError,
  roleRefusal,
  signInLocation,
} from "@/lib/auth/refusal.ts";
import { localReturnPath } from "@/lib/http/return_path.ts";
import { toHttpError } from "@/lib/http/domain_errors.ts";
import { guardFormReading } from "@/lib/http/body.ts";
import { codedErrors } from "@/lib/http/responses.ts";
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
  const res = await ctx.next();
  // Here rather than in `access`: an error page (a refused form shown
  // again) may issue the token too, and it comes back through here only.
  const issued = (ctx.state as Partial<RequestState>).issuedToken;
  if (issued) {
    res.headers.append(
      "set-cookie",
      stringifySetCookie({
        name: PRE_SESSION_COOKIE,
        value: issued,
        path: "/",
        httpOnly: true,
        sameSite: "strict",
        secure: isSecureOrigin(ctx.url),
      }),
    );
  }
  return withSecurityHeaders(res);
}

/** True for API calls (islands posting JSON), which get JSON errors. */
function wantsJson(req: Request): boolean {
  return (req.headers.get("accept") ?? "").includes("application/json") ||
    (req.headers.get("content-type") ?? "").includes("application/json");
}

/**
 * Every request: language, store, session, CSRF and the access policy, in
 * this one place; whatever escapes, from here or the route, becomes the page
 * its error stands for (lib/http/domain_errors.ts).
 */
async function access(req: Request, ctx: FreshContext<AppState>) {
  // Static files need no language, store or session: keep their path short.
  if (ctx.destination === "static") return ctx.next();
  try {
    return await checkedAccess(req, ctx);
  } catch (error) {
    if (!(ctx.state instanceof RequestState)) {
      // It failed before the state was built (reading the store or the
      // session): the error page still needs the visitor's language.
      const lang = negotiateLanguage(
        parseCookie(req.headers.get("cookie") ?? "")[LANGUAGE_COOKIE],
        req.headers.get("accept-language"),
      );
      ctx.state = { lang, t: translator(lang), user: null } as AppState;
    }
    throw toHttpError(error, { method: req.method, path: ctx.url.pathname });
  }
}

async function checkedAccess(req: Request, ctx: FreshContext<AppState>) {
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

  // A state change from another site is refused as forged before anything
  // else (its cookies may not even have come along, so it can look signed
  // out).
  if (!SAFE.has(req.method) && !isSameOriginRequest(req)) {
    throw new RefusedError({ reason: "forged" }, "cross-site request");
  }
  // Then access: a refusal changes nothing, so it may be decided before the
  // token check, and a signed-out visitor is sent to sign in rather than
  // told their form looked forged.
  const route = ctx.destination === "route" ? ctx.route : null;
  const decision = decide(route, signedIn?.user.role ?? null);
  if (decision === "login") {
    if (wantsJson(req)) {
      return codedErrors(state.t, {
        code: "sign-in-required",
        field: "session",
      });
    }
    if (SAFE.has(req.method)) {
      return new Response(null, {
        status: 303,
        headers: {
          location: signInLocation(ctx.url.pathname + ctx.url.search),
        },
      });
    }
    // A form sent while signed out changes nothing: say so, and sign in
    // back to the page the form was on.
    throw new RefusedError({
      reason: "sign-in",
      next: localReturnPath(req.headers.get("referer"), ctx.url),
    });
  }
  if (decision === "home") {
    return new Response(null, { status: 303, headers: { location: "/" } });
  }
  if (decision === "forbid") throw new RefusedError(roleRefusal(route ?? ""));

  if (!SAFE.has(req.method)) {
    guardFormReading(req);
    // A form over the size limit throws FormTooLargeError: a 413 page.
    const presented: Presented = await presentedForm(req);
    if (!tokensMatch(presented.token, heldToken)) {
      // From our own pages (the Origin says so), so what was typed is the
      // user's own: show the form again with it.
      throw new RefusedError({
        reason: "expired",
        action: ctx.url.pathname + ctx.url.search,
        fields: presented.form ? keptFields(presented.form) : [],
      }, "stale token");
    }
  }

  return await ctx.next();
}

export const handler = [securityHeaders, access];
