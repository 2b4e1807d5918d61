/**
 * Shows HTML that lib/content/markdown.ts produced and sanitized. The only
 * place a page injects raw HTML, so it is easy to audit.
 */
export function SanitizedHtml(props: { html: string; class?: string }) {
  const raw = { __html: props.html };
  // deno-lint-ignore react-no-danger
  return <div class={props.class} dangerouslySetInnerHTML={raw} />;
}
