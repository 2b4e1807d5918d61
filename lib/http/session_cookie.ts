import { stringifySetCookie } from "cookie";
import { SESSION_ABSOLUTE_MS } from "@/lib/identity/sessions/session_store.ts";

/** The session cookie's name. */
export const SESSION_COOKIE = "sa_session";

/** Set-Cookie for a new session: HttpOnly, SameSite=Lax, Secure over TLS. */
export function sessionCookie(id: string, secure: boolean): string {
  return stringifySetCookie({
    name: SESSION_COOKIE,
    value: id,
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure,
    maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000),
  });
}

/** Set-Cookie that removes the session cookie. */
export function clearSessionCookie(secure: boolean): string {
  return stringifySetCookie({
    name: SESSION_COOKIE,
    value: "",
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure,
    maxAge: 0,
  });
}
