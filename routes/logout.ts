import type { Handlers } from "$fresh/server.ts";
import { isSecureOrigin } from "@/lib/http/public_origin.ts";
import { parseCookie } from "cookie";
import { signOut } from "@/lib/identity/accounts/sign_in.ts";
import {
  clearSessionCookie,
  SESSION_COOKIE,
} from "@/lib/http/session_cookie.ts";
import type { AppState } from "@/lib/http/state.ts";

/** Ends the session (POST only, with the CSRF token, like every state change). */
export const handler: Handlers<unknown, AppState> = {
  async POST(req, ctx) {
    const id = parseCookie(req.headers.get("cookie") ?? "")[SESSION_COOKIE];
    if (id) await signOut(ctx.state.kv, id);
    return new Response(null, {
      status: 303,
      headers: {
        location: "/",
        "set-cookie": clearSessionCookie(isSecureOrigin(ctx.url)),
      },
    });
  },
};
