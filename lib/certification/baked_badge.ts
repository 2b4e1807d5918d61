/**
 * The badge image, and the image "baked" with the credential as Open Badges
 * 3.0 §5.3 describes for SVG: an `openbadges:credential` element in the
 * `https://purl.imsglobal.org/ob/v3p0` namespace right after the `<svg>` tag,
 * holding the credential (embedded proof, so JSON) in CDATA.
 */

/** The OB 3.0 baking namespace. */
export const OB_BAKING_NAMESPACE = "https://purl.imsglobal.org/ob/v3p0";

function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) =>
      ({
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "'": "&apos;",
      })[c]!,
  );
}

/** The unbaked badge for a level: a seal with the level's name. */
export function badgeSvg(levelName: string, subtitle: string): string {
  const name = escapeXml(levelName);
  const sub = escapeXml(subtitle);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240" viewBox="0 0 240 240" role="img" aria-label="${name}">` +
    `<title>${name}</title>` +
    `<circle cx="120" cy="120" r="112" fill="#1d4ed8"/>` +
    `<circle cx="120" cy="120" r="96" fill="none" stroke="#fbbf24" stroke-width="6"/>` +
    `<text x="120" y="112" text-anchor="middle" font-family="'Noto Sans CJK SC','Noto Sans SC',sans-serif" font-size="24" font-weight="700" fill="#ffffff">${name}</text>` +
    `<text x="120" y="146" text-anchor="middle" font-family="'Noto Sans CJK SC','Noto Sans SC',sans-serif" font-size="14" fill="#fde68a">${sub}</text>` +
    `</svg>`;
}

/** Bakes a signed credential into an SVG badge. */
export function bakeSvg(svg: string, credential: unknown): string {
  const open = /<svg\b[^>]*>/.exec(svg);
  if (!open) throw new TypeError("Not an SVG image");
  const json = JSON.stringify(credential);
  // "]]>" cannot appear inside CDATA: split it across two sections.
  const cdata = json.replaceAll("]]>", "]]]]><![CDATA[>");
  const tag = open[0].replace(
    /^<svg\b/,
    `<svg xmlns:openbadges="${OB_BAKING_NAMESPACE}"`,
  );
  return svg.slice(0, open.index) + tag +
    `<openbadges:credential><![CDATA[${cdata}]]></openbadges:credential>` +
    svg.slice(open.index + open[0].length);
}

/** Reads the credential back out of a baked SVG (null when none). */
export function unbakeSvg(svg: string): unknown {
  const m =
    /<openbadges:credential(?:\s[^>]*)?>([\s\S]*?)<\/openbadges:credential>/
      .exec(svg);
  if (!m) return null;
  const text = m[1].replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, "$1");
  return JSON.parse(text);
}
