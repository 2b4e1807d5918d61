/**
 * Security headers for every response. The island boot script is an external
 * file, so the policy needs no 'unsafe-inline' for scripts.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** Adds the security headers to a response (in place) and returns it. */
export function withSecurityHeaders(res: Response): Response {
  const h = res.headers;
  // Responses from fetch() or Response.redirect() have immutable headers.
  try {
    h.set("content-security-policy", CONTENT_SECURITY_POLICY);
    h.set("x-content-type-options", "nosniff");
    h.set("referrer-policy", "strict-origin-when-cross-origin");
    h.set("x-frame-options", "DENY");
    h.set("cross-origin-opener-policy", "same-origin");
    return res;
  } catch {
    const copy = new Response(res.body, res);
    return withSecurityHeaders(copy);
  }
}
