/**
 * The `ctx.state` of a page request, as the root middleware builds it. A
 * class, so the lazy CSRF token is a getter on the prototype rather than a
 * property defined on every request's object.
 */
import { newCsrfToken } from "./csrf.ts";
import type { AppState, SessionUser } from "./state.ts";
import type { Language, Translate } from "@/lib/i18n/i18n.ts";

/** Request state with a CSRF token issued only when a page asks for one. */
export class RequestState implements AppState {
  visitorPageKey?: string;
  /** A token minted for this visitor during this request, if any. */
  issuedToken: string | null = null;

  constructor(
    public lang: Language,
    public t: Translate,
    public kv: Deno.Kv,
    public user: SessionUser | null,
    /** The token the visitor already holds: the session's or the cookie's. */
    readonly heldToken: string | null,
  ) {}

  /**
   * The token forms on this page carry. A visitor without one gets a new
   * token only when a page actually renders a form, so pages without forms
   * stay free of Set-Cookie and cacheable by the browser.
   */
  get csrfToken(): string {
    if (this.visitorPageKey && !this.user) {
      // A token rendered into a page cached for every visitor would be
      // shared by all of them.
      throw new Error("A page cached for visitors cannot carry a form");
    }
    return this.heldToken ?? (this.issuedToken ??= newCsrfToken());
  }
}
