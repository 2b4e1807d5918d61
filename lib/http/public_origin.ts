/**
 * The origin people reach the platform at. Behind a proxy that ends TLS the
 * request URL says `http://`, so `SA_PUBLIC_ORIGIN` (say
 * `https://academy.example.com`) names the real one: for links sent to
 * people (invitations) and for the `Secure` flag of cookies. Unset, the
 * request's own origin is used.
 */

/** The origin `setting` names, else the request's; throws when malformed. */
export function originFrom(
  setting: string | undefined,
  requestUrl: URL,
): string {
  if (!setting) return requestUrl.origin;
  const url = new URL(setting);
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new Error(`SA_PUBLIC_ORIGIN must be an http(s) URL: ${setting}`);
  }
  return url.origin;
}

// Read once: the environment does not change while the process runs.
const setting = Deno.env.get("SA_PUBLIC_ORIGIN");

/** The origin for links that leave the platform (e-mail, chat). */
export function publicOrigin(requestUrl: URL): string {
  return originFrom(setting, requestUrl);
}

/** True when cookies must be `Secure`: the public origin is https. */
export function isSecureOrigin(requestUrl: URL): boolean {
  return publicOrigin(requestUrl).startsWith("https:");
}
