/**
 * The page's CSRF token for fetch() calls from islands. It sits in a meta
 * tag rendered per request, so islands in cached fragments never hold one.
 */
export function csrfHeader(): Record<string, string> {
  const meta = document.querySelector<HTMLMetaElement>(
    'meta[name="csrf-token"]',
  );
  return meta ? { "x-csrf-token": meta.content } : {};
}
