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
import { zh as problemMessages } from "../i18n/parts/content_check.ts";
import { type MessageParam, type Translate, translator } from "../i18n/i18n.ts";

/** A message key of lib/i18n/parts/content_check.ts: what a problem says. */
export type ProblemCode = keyof typeof problemMessages;

/**
 * A value a problem's message names: text or a number from the content
 * (shown as it is, escaped by the view), or a message of its own (a kind of
 * id, what a model reply is) translated with it.
 */
export type ProblemParam = string | number | ProblemMessage;

/** A translatable message: its key and the values it names. */
export interface ProblemMessage {
  code: ProblemCode;
  params?: Record<string, ProblemParam>;
}

/** One thing wrong with the content, at a 1-based line and column of a file. */
export interface Problem extends ProblemMessage {
  /** Relative to the content root, with `/` separators. */
  path: string;
  line: number;
  col: number;
  /** The field it is about, as authors read it (`nodes.open.choices[1].next`), shown before the message. */
  field?: string;
}

/** A message with its params (`msg("problem.check.no_node", { id })`). */
export function msg(
  code: ProblemCode,
  params?: Record<string, ProblemParam>,
): ProblemMessage {
  return params ? { code, params } : { code };
}

/** The names `unique` reports a repeated id of (`problem.item.*`). */
export type ListItem =
  | "option"
  | "choice"
  | "item"
  | "section"
  | "skill"
  | "fact"
  | "criterion"
  | "left"
  | "right"
  | "survey_question";

/** "duplicate option id "b"", with the list's name translated. */
export function duplicateInList(what: ListItem, id: string): ProblemMessage {
  return msg("problem.check.duplicate_in_list", {
    what: msg(`problem.item.${what}`),
    id,
  });
}

/** True when `value` is a key of the content check messages. */
export function isProblemCode(value: unknown): value is ProblemCode {
  return typeof value === "string" && Object.hasOwn(problemMessages, value);
}

/** A problem's sentence in the language of `t`, its field first when it has one. */
export function problemText(
  t: Translate,
  p: ProblemMessage & { field?: string },
): string {
  const params: Record<string, MessageParam> = {};
  for (const [name, value] of Object.entries(p.params ?? {})) {
    params[name] = typeof value === "object" ? problemText(t, value) : value;
  }
  const text = t(p.code, params);
  return p.field ? t("problem.field", { field: p.field, message: text }) : text;
}

/** A problem's sentence in English, the language content:check prints. */
export function englishText(p: ProblemMessage & { field?: string }): string {
  return problemText(translator("en"), p);
}

/** `path:line:col: message`, as content:check prints a problem (English unless `t` says otherwise). */
export function problemLine(
  p: Problem,
  t: Translate = translator("en"),
): string {
  return `${p.path}:${p.line}:${p.col}: ${problemText(t, p)}`;
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
  message: ProblemMessage,
): Problem {
  return { path: file, ...locate(pos, path), ...message };
}

/** A problem about the field at `path`: located there, and named before its message. */
export function fieldProblem(
  file: string,
  pos: PosIndex,
  path: DataPath,
  message: ProblemMessage,
): Problem {
  const field = label(path);
  return {
    ...problemAt(file, pos, path, message),
    ...(field ? { field } : {}),
  };
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
      const detail = firstLine(e.message);
      const code = e.code === "BLOCK_AS_IMPLICIT_KEY"
        ? "problem.yaml.syntax_colon"
        : / at node end$/.test(detail)
        ? "problem.yaml.syntax_quote"
        : "problem.yaml.syntax";
      return { path: file, line, col, ...msg(code, { detail }) };
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
    reportInput: true,
    error: (iss) => {
      if (iss.code === "unrecognized_keys") {
        const shape =
          (iss.inst as { _zod?: { def?: { shape?: Record<string, unknown> } } })
            ?._zod?.def?.shape;
        allowedKeys.set(pointer(iss.path ?? []), Object.keys(shape ?? {}));
      }
      return undefined;
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
        const cut = parsed.flowEmptyKeys?.includes(pointer(path));
        problems.push(
          fieldProblem(
            file,
            parsed.pos,
            path,
            cut
              ? msg("problem.schema.unknown_field_cut")
              : suggest(key, allowed),
          ),
        );
      }
      continue;
    }
    problems.push(
      fieldProblem(
        file,
        parsed.pos,
        issue.path,
        issueMessage(issue as unknown as RawIssue),
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

function suggest(key: string, allowed: string[]): ProblemMessage {
  const near = allowed.find((a) => a.toLowerCase() === key.toLowerCase()) ??
    allowed.find((a) => editDistance(a, key) <= 2);
  if (near) return msg("problem.schema.unknown_field_near", { near });
  return allowed.length > 0
    ? msg("problem.schema.unknown_field_allowed", {
      allowed: allowed.join(", "),
    })
    : msg("problem.schema.unknown_field");
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

/** The parts of a zod issue (parsed with `reportInput: true`) its message is made from. */
export interface RawIssue {
  code: string;
  input?: unknown;
  expected?: string;
  values?: unknown[];
  options?: unknown[];
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  pattern?: string;
  issues?: RawIssue[];
  discriminator?: string;
  message?: string;
}

/**
 * The author-facing message of a zod issue: a message key the schema named
 * itself (lib/content/schema.ts), else a handful of generic messages by issue
 * code, with the expected and received values as params.
 */
export function issueMessage(iss: RawIssue): ProblemMessage {
  const got = { got: describe(iss.input) };
  if (isProblemCode(iss.message)) return msg(iss.message, got);
  const list = (values: unknown[] | undefined) =>
    (values ?? []).map((v) => JSON.stringify(v)).join(", ");
  const small = (n: number | bigint | undefined) => Number(n ?? 0);
  switch (iss.code) {
    case "invalid_type":
      if (iss.input === undefined) return msg("problem.schema.required");
      if (iss.expected === "int") {
        return msg("problem.schema.whole_number", got);
      }
      return msg("problem.schema.type", {
        expected: iss.expected ?? "value",
        ...got,
      });
    case "invalid_value":
      return iss.values?.length === 1
        ? msg("problem.schema.literal", {
          value: JSON.stringify(iss.values[0]),
          ...got,
        })
        : msg("problem.schema.one_of", { values: list(iss.values), ...got });
    case "invalid_union":
      if (iss.discriminator) {
        return iss.input === undefined
          ? msg("problem.schema.required_one_of", { values: list(iss.options) })
          : msg("problem.schema.one_of", { values: list(iss.options), ...got });
      }
      return msg("problem.schema.invalid");
    case "too_small":
      if (iss.origin === "array") {
        return msg("problem.schema.min_items", { minimum: small(iss.minimum) });
      }
      if (iss.origin === "string") return msg("problem.schema.empty");
      return msg("problem.schema.min", { minimum: small(iss.minimum), ...got });
    case "too_big":
      if (iss.origin === "array") {
        return msg("problem.schema.max_items", { maximum: small(iss.maximum) });
      }
      if (iss.origin === "string") {
        return msg("problem.schema.max_chars", { maximum: small(iss.maximum) });
      }
      return msg("problem.schema.max", { maximum: small(iss.maximum), ...got });
    case "invalid_format":
      return msg("problem.schema.format", {
        pattern: iss.pattern ?? "",
        ...got,
      });
    case "invalid_key":
      return iss.issues?.[0]
        ? issueMessage(iss.issues[0])
        : msg("problem.schema.invalid_key");
    default:
      return msg("problem.schema.invalid");
  }
}

/** What a wrong value was, for a message's `{got}`: content text stays as written. */
function describe(value: unknown): ProblemParam {
  if (value === null) return msg("problem.got.null");
  if (value === undefined) return msg("problem.got.nothing");
  if (Array.isArray(value)) return msg("problem.got.list");
  if (typeof value === "object") return msg("problem.got.mapping");
  if (typeof value === "string") {
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  }
  return msg("problem.got.value", {
    type: typeof value,
    value: String(value),
  });
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
        ...msg("problem.lesson.frontmatter_open"),
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
      ...msg("problem.lesson.no_frontmatter"),
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
      ...msg("problem.lesson.fence_open"),
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
