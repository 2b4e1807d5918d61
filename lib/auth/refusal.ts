/**
 * Why a request was refused, in one place: the root middleware turns every
 * access decision, a failed CSRF check and a domain ForbiddenError into a
 * Refusal, and the error page turns a Refusal into its own text. lib/ holds
 * reason codes only; the words live in the i18n catalogs.
 *
 * | reason    | status | when                                                       |
 * | --------- | ------ | ---------------------------------------------------------- |
 * | sign-in   | 303    | signed out on a page that needs an account (to /login)     |
 * | sign-in   | 401    | signed out when sending a form: a page linking to sign-in  |
 * | role      | 403    | the role may not open the page; `allowed` names who may     |
 * | action    | 403    | the page is open to the role, but not this action          |
 * | not-found | 404    | the record is missing or someone else's (looks the same)   |
 * | forged    | 403    | a state change that did not come from our pages            |
 * | expired   | 403    | a form from our pages whose token no longer holds (kept)   |
 */
import { HttpError } from "$fresh/server.ts";
import { type Audience, ROUTE_POLICY } from "./policy.ts";
import type { Role } from "@/lib/identity/roles.ts";
import { ROLES } from "@/lib/identity/roles.ts";

/** A field of a refused form, kept so the form can be shown again. */
export interface KeptField {
  name: string;
  value: string;
  /** Password fields are shown again empty: their value is never echoed. */
  secret: boolean;
}

/** Why a request was refused. */
export type Refusal =
  | { reason: "sign-in"; next: string }
  | { reason: "role"; allowed: readonly Role[] }
  | { reason: "action" }
  | { reason: "forged" }
  | {
    reason: "expired";
    /** Where the form was sent, to send it again. */
    action: string;
    fields: readonly KeptField[];
  };

/** A refusal on its way to the error page (401 to sign in, else 403). */
export class RefusedError extends HttpError {
  constructor(readonly refusal: Refusal, detail: string = refusal.reason) {
    super(refusal.reason === "sign-in" ? 401 : 403, `Refused (${detail})`);
    this.name = "RefusedError";
  }
}

/** The roles an audience lets in, least privileged first. */
export function allowedRoles(audience: Audience | undefined): Role[] {
  if (audience === undefined || audience === "anonymous-only") return [];
  if (audience === "public" || audience === "signed-in") return [...ROLES];
  return ROLES.filter((r) => audience.includes(r));
}

/** The refusal for a role the policy of `route` does not admit. */
export function roleRefusal(route: string): Refusal {
  return { reason: "role", allowed: allowedRoles(ROUTE_POLICY[route]) };
}

/** Form fields never shown again: the token itself and files. */
const DROPPED = new Set(["_csrf"]);

/**
 * The text fields of a refused form, in order, to show it again. Files are
 * dropped (a browser cannot prefill them); password values are kept out.
 */
export function keptFields(form: FormData): KeptField[] {
  const out: KeptField[] = [];
  for (const [name, value] of form) {
    if (DROPPED.has(name) || typeof value !== "string") continue;
    const secret = /password/i.test(name);
    out.push({ name, value: secret ? "" : value.slice(0, 5000), secret });
  }
  return out.slice(0, 100);
}

/** The sign-in page that brings the visitor back to `path` afterwards. */
export function signInLocation(path: string): string {
  const local = /^\/(?![\\/])/.test(path) ? path : "/";
  return `/login?next=${encodeURIComponent(local)}`;
}
