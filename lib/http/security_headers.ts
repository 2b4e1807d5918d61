/**
 * Security headers. Pages get the Content-Security-Policy (no inline script:
 * the island boot script is an external file; `frame-ancestors 'none'`
 * forbids framing), nosniff and a referrer policy. Static files get nosniff,
 * plus the CSP when they are HTML or SVG (which can carry scripts). Every
 * header costs throughput, so nothing redundant (X-Frame-Options is covered
 * by frame-ancestors) is sent.
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

function set(res: Response, entries: [string, string][]): Response {
  try {
    for (const [k, v] of entries) res.headers.set(k, v);
    return res;
  } catch {
    // Responses from fetch() or Response.redirect() have immutable headers.
    const copy = new Response(res.body, res);
    for (const [k, v] of entries) copy.headers.set(k, v);
    return copy;
  }
}

const PAGE: [string, string][] = [
  ["content-security-policy", CONTENT_SECURITY_POLICY],
  ["x-content-type-options", "nosniff"],
  ["referrer-policy", "strict-origin-when-cross-origin"],
];
const STATIC: [string, string][] = [["x-content-type-options", "nosniff"]];
const STATIC_ACTIVE: [string, string][] = [...STATIC, [
  "content-security-policy",
  CONTENT_SECURITY_POLICY,
]];

/** Adds the page headers (in place when possible) and returns the response. */
export function withSecurityHeaders(res: Response): Response {
  return set(res, PAGE);
}

/**
 * The headers every response of a static file gets (fresh.config.ts passes
 * this as `staticHeaders`, so they are built once per file): nosniff, and
 * the CSP for HTML and SVG.
 */
export function staticSecurityHeaders(
  { contentType }: { contentType: string },
): Record<string, string> {
  return Object.fromEntries(
    /html|svg/.test(contentType) ? STATIC_ACTIVE : STATIC,
  );
}
