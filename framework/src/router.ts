/**
 * Turns fresh.gen.ts file paths into URL patterns and orders them by Fresh's
 * precedence: per segment, a literal beats `[param]`, which beats
 * `[[optional]]`, which beats `[...rest]`. Routes without parameters are also
 * kept in an exact-path map so the hot path needs no pattern matching.
 */

/** One segment rank: lower wins. */
const enum Rank {
  Literal = 0,
  Param = 1,
  Optional = 2,
  Rest = 3,
}

/** A file path of the manifest split into its routing parts. */
export interface RoutePath {
  /** `./routes/a/(g)/b.tsx` -> `["a", "(g)", "b"]` (extension dropped). */
  segments: string[];
  /** The folders leading to the file, groups included. */
  folders: string[];
  /** The last segment (file name without extension). */
  name: string;
}

/** Splits a manifest key such as `./routes/a/[id].tsx`. */
export function splitRoutePath(file: string): RoutePath {
  const rel = file.replace(/^\.\/routes\//, "").replace(/\.[jt]sx?$/, "");
  const segments = rel.split("/");
  return { segments, folders: segments.slice(0, -1), name: segments.at(-1)! };
}

/** True for `(group)` folders, which do not appear in the URL. */
export function isGroup(segment: string): boolean {
  return segment.startsWith("(") && segment.endsWith(")");
}

/** Special files: `_app`, `_layout`, `_middleware`, `_404`, `_500`. */
export function isSpecialFile(name: string): boolean {
  return name.startsWith("_");
}

/**
 * The route pattern of a route file's URL segments (groups and `index`
 * removed), in Fresh's form, which is what `ctx.route` reports:
 * `[id]` -> `/:id`, `post-[id]` -> `/post-:id`, `[[lang]]` -> `{/:lang}?`,
 * `[...path]` -> `/:path*`; `dynamic` says whether it holds any parameter.
 * `matcher` is the same pattern with each parameter's segment written out
 * as a greedy `([^/]+)`: it matches the same paths, and URLPattern's default
 * (a lazy `[^/]+?`) made route matching measurably slower.
 */
export function toPathname(
  segments: string[],
): { pathname: string; matcher: string; dynamic: boolean } {
  let pathname = "";
  let matcher = "";
  let dynamic = false;
  const urlSegments = segments.filter((s) => !isGroup(s));
  if (urlSegments.at(-1) === "index") urlSegments.pop();
  for (const seg of urlSegments) {
    const rest = /^\[\.\.\.([A-Za-z_$][\w$]*)\]$/.exec(seg);
    const optional = /^\[\[([A-Za-z_$][\w$]*)\]\]$/.exec(seg);
    if (rest) {
      pathname += `/:${rest[1]}*`;
      matcher += `/:${rest[1]}*`;
      dynamic = true;
    } else if (optional) {
      pathname += `{/:${optional[1]}}?`;
      matcher += `{/:${optional[1]}([^/]+)}?`;
      dynamic = true;
    } else if (seg.includes("[")) {
      // Mixed segments such as `post-[id]` become `post-:id`; a name
      // followed by a name character is closed with braces (`{:id}x`).
      const parts = seg.split(/(\[[A-Za-z_$][\w$]*\])/);
      pathname += "/";
      matcher += "/";
      parts.forEach((part, i) => {
        if (!part.startsWith("[")) {
          pathname += escapePatternLiteral(part);
          matcher += escapePatternLiteral(part);
          return;
        }
        const name = part.slice(1, -1);
        pathname += /^[\w$]/.test(parts[i + 1] ?? "")
          ? `{:${name}}`
          : `:${name}`;
        matcher += `:${name}([^/]+)`;
      });
      dynamic = true;
    } else {
      pathname += "/" + escapePatternLiteral(seg);
      matcher += "/" + escapePatternLiteral(seg);
    }
  }
  return {
    pathname: pathname === "" ? "/" : pathname,
    matcher: matcher === "" ? "/" : matcher,
    dynamic,
  };
}

function escapePatternLiteral(segment: string): string {
  return segment.replace(/[:*?+(){}\\]/g, (c) => "\\" + c);
}

function rank(segment: string): Rank {
  if (segment.startsWith("[...")) return Rank.Rest;
  if (segment.startsWith("[[")) return Rank.Optional;
  if (segment.includes("[")) return Rank.Param;
  return Rank.Literal;
}

/**
 * Compares two route files by Fresh's precedence (negative: `a` first): the
 * first segment whose rank differs decides.
 */
export function compareRoutes(a: string[], b: string[]): number {
  const as = a.filter((s) => !isGroup(s) && s !== "index");
  const bs = b.filter((s) => !isGroup(s) && s !== "index");
  const n = Math.max(as.length, bs.length);
  for (let i = 0; i < n; i++) {
    const sa = as[i];
    const sb = bs[i];
    // A path that ends where the other continues is the more exact match
    // (`/courses` before `/courses/[...rest]`).
    if (sa === undefined) return -1;
    if (sb === undefined) return 1;
    const d = rank(sa) - rank(sb);
    if (d !== 0) return d;
  }
  return as.join("/").localeCompare(bs.join("/"));
}

/** Decodes each captured group; throws URIError on malformed escapes. */
export function decodeParams(
  groups: Record<string, string | undefined>,
): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(groups)) {
    if (/^\d+$/.test(k)) continue; // unnamed groups from regex parts
    params[k] = v === undefined ? "" : decodeURIComponent(v);
  }
  return params;
}

/**
 * A cheap test run before URLPattern: the number of URL segments a route
 * accepts and its literal segments by position. URLPattern decides; this
 * only skips patterns that cannot match.
 */
export interface SegmentFilter {
  min: number;
  max: number;
  literals: [index: number, value: string][];
}

/** Builds the prefilter of a route file's segments. */
export function segmentFilter(segments: string[]): SegmentFilter {
  const url = segments.filter((s) => !isGroup(s));
  if (url.at(-1) === "index") url.pop();
  let min = 0;
  let max = 0;
  let fixed = true;
  const literals: [number, string][] = [];
  for (const seg of url) {
    const r = rank(seg);
    if (r === Rank.Rest) {
      max = Infinity;
      fixed = false;
    } else if (r === Rank.Optional) {
      max++;
      fixed = false;
    } else {
      if (fixed && r === Rank.Literal) literals.push([min, seg]);
      min++;
      max++;
    }
  }
  return { min, max, literals };
}

/** True when `parts` (the path split on "/", without the leading "") may match. */
export function passesFilter(filter: SegmentFilter, parts: string[]): boolean {
  if (parts.length < filter.min || parts.length > filter.max) return false;
  for (const [i, value] of filter.literals) {
    if (parts[i] !== value) return false;
  }
  return true;
}
