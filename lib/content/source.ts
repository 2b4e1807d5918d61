/**
 * Turns content files into data plus positions, so every problem, from a YAML
 * syntax error to a cross-file check, can name `path:line:col` of the field an
 * author has to fix. Positions are kept as a plain pointer -> [line, col]
 * record (not as YAML nodes) so the loaded tree stays plain, serialisable data.
 *
 * @module
 */
import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
} from "yaml";
import type { z } from "zod";

/** One thing wrong with the content, at a 1-based line and column of a file. */
export interface Problem {
  /** Relative to the content root, with `/` separators. */
  path: string;
  line: number;
  col: number;
  message: string;
}

/** A path into parsed data, as zod reports it. */
export type DataPath = readonly PropertyKey[];

/** Positions of every mapping key and sequence item of one YAML document, by pointer. */
export type PosIndex = Record<string, [line: number, col: number]>;

/** A parsed YAML document; `data` is undefined when it had syntax errors. */
export interface ParsedYaml {
  data: unknown;
  pos: PosIndex;
  problems: Problem[];
  /** Pointers of empty-valued keys in `{ }` mappings: usually text cut at an unquoted ",". */
  flowEmptyKeys?: string[];
}

/** Joins a data path into a {@link PosIndex} key (RFC 6901 style escaping). */
export function pointer(path: DataPath): string {
  return path.map((k) => String(k).replaceAll("~", "~0").replaceAll("/", "~1"))
    .join("/");
}

/**
 * The position of the node at `path`, or of its nearest ancestor that exists
 * (a missing field is reported at the object that lacks it).
 */
export function locate(
  pos: PosIndex,
  path: DataPath,
): { line: number; col: number } {
  for (let n = path.length; n >= 0; n--) {
    const hit = pos[pointer(path.slice(0, n))];
    if (hit) return { line: hit[0], col: hit[1] };
  }
  return { line: 1, col: 1 };
}

/** A problem at the node `path` of a document. */
export function problemAt(
  file: string,
  pos: PosIndex,
  path: DataPath,
  message: string,
): Problem {
  return { path: file, ...locate(pos, path), message };
}

/** Parses one YAML document, recording where each key and item starts. */
/**
 * `lineOffset` is the number of file lines before the document (frontmatter,
 * ```quiz fences); columns need no offset because fence indentation stays in
 * the text handed to the parser.
 */
export function parseYaml(
  text: string,
  file: string,
  lineOffset = 0,
): ParsedYaml {
  const lineCounter = new LineCounter();
  // Duplicate keys are errors (uniqueKeys), so a key typed twice is not lost silently.
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
  });
  const at = (offsetInText: number) => {
    const { line, col } = lineCounter.linePos(offsetInText);
    return [line + lineOffset, col] as [number, number];
  };
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e) => {
      const [line, col] = at(e.pos[0]);
      // Chinese text often holds ": " or ","; both end a plain YAML value.
      const hint = e.code === "BLOCK_AS_IMPLICIT_KEY"
        ? ' (quote text that contains ": ")'
        : / at node end$/.test(firstLine(e.message))
        ? " (a value that starts with a quote must end with it: wrap the whole text in the other quote kind, or use “ ” inside)"
        : "";
      return {
        path: file,
        line,
        col,
        message: `YAML syntax error: ${firstLine(e.message)}${hint}`,
      };
    });
    return { data: undefined, pos: {}, problems };
  }
  const pos: PosIndex = { "": at(doc.contents?.range[0] ?? 0) };
  const flowEmptyKeys: string[] = [];
  const walk = (node: unknown, path: PropertyKey[]) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key)
          ? String(pair.key.value)
          : String(pair.key);
        const keyNode = pair.key as Node | null;
        const child = [...path, key];
        pos[pointer(child)] = at(keyNode?.range?.[0] ?? node.range?.[0] ?? 0);
        if (
          node.flow &&
          (pair.value === null ||
            (isScalar(pair.value) && pair.value.value === null))
        ) {
          flowEmptyKeys.push(pointer(child));
        }
        walk(pair.value, child);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const child = [...path, i];
        pos[pointer(child)] = at(
          (item as Node | null)?.range?.[0] ?? node.range?.[0] ?? 0,
        );
        walk(item, child);
      });
    }
  };
  walk(doc.contents, []);
  return {
    data: doc.toJS({ maxAliasCount: 100 }),
    pos,
    problems: [],
    flowEmptyKeys,
  };
}

function firstLine(message: string): string {
  return message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
}

/** Checks parsed data against a schema; each zod issue becomes a problem at its field. */
export function validate<T>(
  schema: z.ZodType<T>,
  parsed: ParsedYaml,
  file: string,
): { data?: T; problems: Problem[] } {
  if (parsed.problems.length > 0) return { problems: parsed.problems };
  // Object schemas seen by the error map, by pointer, to suggest the field meant.
  const allowedKeys = new Map<string, string[]>();
  const result = schema.safeParse(parsed.data, {
    error: (iss) => {
      if (iss.code === "unrecognized_keys") {
        const shape =
          (iss.inst as { _zod?: { def?: { shape?: Record<string, unknown> } } })
            ?._zod?.def?.shape;
        allowedKeys.set(pointer(iss.path ?? []), Object.keys(shape ?? {}));
      }
      return issueMessage(iss as unknown as RawIssue);
    },
  });
  if (result.success) return { data: result.data, problems: [] };
  const problems: Problem[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === "unrecognized_keys") {
      const allowed = allowedKeys.get(pointer(issue.path)) ?? [];
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        // `{ text: 你好,请稍等 }` parses as text "你好" plus an empty key "请稍等".
        const cut = parsed.flowEmptyKeys?.includes(pointer(path))
          ? ': if it is the rest of the text before it, quote that text ("," ends a value inside { })'
          : suggest(key, allowed);
        problems.push(
          problemAt(
            file,
            parsed.pos,
            path,
            `${label(path)}: unknown field${cut}`,
          ),
        );
      }
      continue;
    }
    const where = label(issue.path);
    problems.push(
      problemAt(
        file,
        parsed.pos,
        issue.path,
        where ? `${where}: ${issue.message}` : issue.message,
      ),
    );
  }
  return { problems };
}

/** Renders a data path the way authors read it: `nodes.open.choices[1].next`. */
export function label(path: DataPath): string {
  let out = "";
  for (const k of path) {
    out += typeof k === "number" ? `[${k}]` : out ? `.${String(k)}` : String(k);
  }
  return out;
}

function suggest(key: string, allowed: string[]): string {
  const near = allowed.find((a) => a.toLowerCase() === key.toLowerCase()) ??
    allowed.find((a) => editDistance(a, key) <= 2);
  if (near) return ` (did you mean "${near}"?)`;
  return allowed.length > 0 ? ` (allowed: ${allowed.join(", ")})` : "";
}

/** Levenshtein distance, to suggest the id or field an author meant. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(
        row[j] + 1,
        row[j - 1] + 1,
        prev + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      prev = tmp;
    }
  }
  return row[b.length];
}

interface RawIssue {
  code: string;
  input?: unknown;
  expected?: string;
  values?: unknown[];
  options?: unknown[];
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  pattern?: string;
  issues?: { message: string }[];
  discriminator?: string;
  message?: string;
}

/** Author-facing wording for zod's issue codes; undefined keeps zod's own. */
function issueMessage(iss: RawIssue): string | undefined {
  switch (iss.code) {
    case "invalid_type":
      if (iss.input === undefined) return "is required";
      if (iss.expected === "int") {
        return `must be a whole number, got ${describe(iss.input)}`;
      }
      return `must be ${article(iss.expected ?? "a value")}, got ${
        describe(iss.input)
      }`;
    case "invalid_value":
      return iss.values?.length === 1
        ? `must be ${JSON.stringify(iss.values[0])}, got ${describe(iss.input)}`
        : `must be one of ${
          iss.values?.map((v) => JSON.stringify(v)).join(", ")
        }, got ${describe(iss.input)}`;
    case "invalid_union":
      if (iss.discriminator) {
        const choices = iss.options?.map((v) => JSON.stringify(v)).join(", ");
        return iss.input === undefined
          ? `is required (one of ${choices})`
          : `must be one of ${choices}, got ${describe(iss.input)}`;
      }
      return undefined;
    case "too_small":
      if (iss.origin === "array") {
        return `needs at least ${iss.minimum} item${
          iss.minimum === 1 ? "" : "s"
        }`;
      }
      if (iss.origin === "string") return "must not be empty";
      return `must be at least ${iss.minimum}, got ${describe(iss.input)}`;
    case "too_big":
      if (iss.origin === "array") {
        return `may have at most ${iss.maximum} items`;
      }
      if (iss.origin === "string") {
        return `may have at most ${iss.maximum} characters`;
      }
      return `must be at most ${iss.maximum}, got ${describe(iss.input)}`;
    case "invalid_format":
      return `must match ${iss.pattern}, got ${describe(iss.input)}`;
    case "invalid_key":
      return iss.issues?.[0]?.message ?? "is not a valid key";
    case "unrecognized_keys":
      return "unknown field";
    default:
      return undefined;
  }
}

function article(type: string): string {
  if (type === "array") return "a list";
  if (type === "object") return "a mapping";
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function describe(value: unknown): string {
  if (value === null) return "null (an empty value)";
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") {
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  }
  return `${typeof value} ${String(value)}`;
}

/** A ```quiz fence found in a lesson body. */
export interface QuizFence {
  /** The YAML inside the fence. */
  text: string;
  /** File line of the opening fence (1-based); the YAML starts on the next line. */
  line: number;
}

/** A lesson `.md` file cut into frontmatter, body and inline checks. */
export interface LessonSource {
  /** Frontmatter YAML, or undefined when the file does not open with `---`. */
  frontmatter?: string;
  /** The body Markdown after the closing `---`. */
  body: string;
  /** File line (1-based) where the body starts. */
  bodyLine: number;
  fences: QuizFence[];
  problems: Problem[];
}

/**
 * Splits a lesson into frontmatter and body and finds its ```quiz fences,
 * skipping fences nested in longer ones (a doc showing a quiz as an example).
 */
export function splitLesson(text: string, file: string): LessonSource {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const problems: Problem[] = [];
  let bodyStart = 0;
  let frontmatter: string | undefined;
  if (lines[0]?.trim() === "---") {
    const close = lines.findIndex((l, i) => i > 0 && l.trim() === "---");
    if (close === -1) {
      problems.push({
        path: file,
        line: 1,
        col: 1,
        message: "Frontmatter is not closed: add a `---` line after it",
      });
      bodyStart = lines.length;
    } else {
      frontmatter = lines.slice(1, close).join("\n");
      bodyStart = close + 1;
    }
  } else {
    problems.push({
      path: file,
      line: 1,
      col: 1,
      message:
        "Lesson has no frontmatter: start the file with YAML between two `---` lines",
    });
  }
  const fences: QuizFence[] = [];
  let open:
    | { marker: string; quiz: boolean; line: number; from: number }
    | undefined;
  for (let i = bodyStart; i < lines.length; i++) {
    const m = /^(\s*)(`{3,}|~{3,})\s*([^`\s]*)\s*$/.exec(lines[i]);
    if (!m) continue;
    const [, , marker, info] = m;
    if (!open) {
      open = { marker, quiz: info === "quiz", line: i + 1, from: i + 1 };
    } else if (
      marker[0] === open.marker[0] && marker.length >= open.marker.length &&
      info === ""
    ) {
      if (open.quiz) {
        fences.push({
          text: lines.slice(open.from, i).join("\n"),
          line: open.line,
        });
      }
      open = undefined;
    }
  }
  if (open?.quiz) {
    problems.push({
      path: file,
      line: open.line,
      col: 1,
      message: "Quiz fence is not closed: add a closing ``` line",
    });
  }
  return {
    frontmatter,
    body: lines.slice(bodyStart).join("\n"),
    bodyLine: bodyStart + 1,
    fences,
    problems,
  };
}
