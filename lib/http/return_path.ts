/**
 * The local path to go back to after an action, from the Referer: only a
 * same-origin page counts, anything else means the home page.
 */
export function localReturnPath(referer: string | null, here: URL): string {
  if (!referer) return "/";
  try {
    const from = new URL(referer);
    if (from.origin !== here.origin) return "/";
    const path = "/" + from.pathname.replace(/^\/+/, "");
    return path + from.search;
  } catch {
    return "/";
  }
}
