import type { Role } from "@/lib/auth/policy.ts";
import type { Language, Translate } from "@/lib/i18n/i18n.ts";

/** The signed-in user as pages see it. */
export interface SessionUser {
  id: string;
  name: string;
  role: Role;
  /** The learner's current cohort, if any (for evidence context). */
  cohortId?: string;
  /** The per-session token every form and state-changing request carries. */
  csrfToken: string;
}

/** What the root middleware puts on `ctx.state` for every request. */
export interface AppState {
  lang: Language;
  t: Translate;
  kv: Deno.Kv;
  user: SessionUser | null;
  /** The CSRF token forms on this page must carry (session's, or pre-sign-in). */
  csrfToken: string;
  /**
   * Set by a route whose page, for a signed-out visitor, depends only on
   * the language, the path and this key (say, content versions). The app
   * then renders that page once per key and reuses it; such a page must
   * not render a form (reading `csrfToken` then throws).
   */
  visitorPageKey?: string;
}

/** State of routes the policy lets only signed-in users reach. */
export interface SignedInState extends AppState {
  user: SessionUser;
}
