/**
 * The first CSRF layer: a state-changing request must come from a page of
 * this site, as its Origin (or, failing that, Referer) header shows. Browsers
 * send Origin on every cross-site POST, so a forged form post is refused.
 */

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/** True when `req` is safe or provably same-origin. */
export function isSameOriginRequest(req: Request): boolean {
  if (SAFE.has(req.method)) return true;
  const host = req.headers.get("host") ?? new URL(req.url).host;
  const source = req.headers.get("origin") ?? req.headers.get("referer");
  if (!source || source === "null") return false;
  try {
    return new URL(source).host === host;
  } catch {
    return false;
  }
}
