/**
 * The course tree a workspace shows (modules in course.yaml order with their
 * lessons in file order, then the shared banks, scenarios, drills, surveys,
 * the plan and the policy file) and the edits a trainer makes to it:
 * create, rename, reorder, delete. Every edit only writes drafts, through
 * the draft store's versionstamp check, so it is published (or not) like
 * any other change and never overwrites another trainer's save.
 *
 * @module
 */
import { parseDocument } from "yaml";
import { z } from "zod";
import type { Problem } from "@/lib/content/source.ts";
import { type DraftFile, saveDrafts } from "./draft_store.ts";
import { type FileKind, fileKind } from "./editor_check.ts";
import type { FileSet, Workspace } from "./workspace.ts";

/** One file in the tree. */
export interface TreeFile {
  path: string;
  kind: FileKind;
  /** The title inside the file, or its name when it has none yet. */
  title: string;
  /** Changed (or new) in the draft. */
  draft: boolean;
  problems: number;
}

/** One module folder. */
export interface TreeModule {
  dir: string;
  /** Folder path, `courses/<course>/<dir>`. */
  path: string;
  title: string;
  moduleFile: TreeFile | null;
  lessons: TreeFile[];
}

/** The whole tree. */
export interface CourseTree {
  course: TreeFile | null;
  coverage: TreeFile | null;
  modules: TreeModule[];
  /** Files deleted in the draft. */
  deleted: string[];
  groups: { kind: FileKind; files: TreeFile[] }[];
}

const GROUPS: FileKind[] = [
  "bank",
  "scenario",
  "drill",
  "survey",
  "rubric",
  "exam",
  "observation",
  "plan",
  "certification",
  "policy",
];

/** Reads `title` from YAML text, or null. */
export function yamlTitle(text: string): string | null {
  try {
    const title = parseDocument(text).get("title");
    return typeof title === "string" ? title : null;
  } catch {
    return null;
  }
}

/** A lesson's frontmatter text and the rest, or null without frontmatter. */
function splitFront(text: string): { front: string; rest: string } | null {
  const m = /^---\r?\n([\s\S]*?\r?\n)---(\r?\n|$)/.exec(text);
  return m ? { front: m[1], rest: text.slice(m[0].length) } : null;
}

function titleOf(path: string, text: string): string | null {
  if (path.endsWith(".md")) {
    const split = splitFront(text);
    return split ? yamlTitle(split.front) : null;
  }
  return yamlTitle(text);
}

/** Module folder names from course.yaml, in teaching order. */
function moduleOrder(files: FileSet, courseDir: string): string[] {
  const text = files[`${courseDir}/course.yaml`];
  if (text === undefined) return [];
  try {
    const modules = parseDocument(text).toJS()?.modules;
    return Array.isArray(modules) ? modules.map(String) : [];
  } catch {
    return [];
  }
}

/** Builds the tree of a workspace; `problems` are the whole workspace's. */
export function courseTree(
  ws: Workspace,
  problems: readonly Problem[],
): CourseTree {
  const drafted = new Set(ws.drafts.map((d) => d.path));
  const count = new Map<string, number>();
  for (const p of problems) count.set(p.path, (count.get(p.path) ?? 0) + 1);
  const file = (path: string): TreeFile => ({
    path,
    kind: fileKind(path),
    title: titleOf(path, ws.files[path]) ?? path.split("/").at(-1)!,
    draft: drafted.has(path),
    problems: count.get(path) ?? 0,
  });
  const paths = Object.keys(ws.files).sort();
  const dir = ws.courseDir;
  const folders = [
    ...new Set(
      paths.filter((p) => p.startsWith(`${dir}/`) && p.split("/").length === 4)
        .map((p) => p.split("/")[2]),
    ),
  ];
  const order = moduleOrder(ws.files, dir);
  const dirs = [
    ...order.filter((d) => folders.includes(d)),
    ...folders.filter((d) => !order.includes(d)),
  ];
  const modules = dirs.map((d): TreeModule => {
    const modulePath = `${dir}/${d}/module.yaml`;
    const moduleFile = ws.files[modulePath] !== undefined
      ? file(modulePath)
      : null;
    return {
      dir: d,
      path: `${dir}/${d}`,
      title: moduleFile?.title ?? d,
      moduleFile,
      lessons: paths.filter((p) =>
        p.startsWith(`${dir}/${d}/`) && p.endsWith(".md") &&
        p.split("/").length === 4
      ).map(file),
    };
  });
  const has = (p: string) => ws.files[p] !== undefined;
  return {
    course: has(`${dir}/course.yaml`) ? file(`${dir}/course.yaml`) : null,
    coverage: has(`${dir}/coverage.yaml`) ? file(`${dir}/coverage.yaml`) : null,
    modules,
    deleted: ws.drafts.filter((d) => d.text === null).map((d) => d.path),
    groups: GROUPS.map((kind) => ({
      kind,
      files: paths.filter((p) =>
        p.startsWith("assessments/") && fileKind(p) === kind
      )
        .map(file),
    })).filter((g) => g.files.length > 0),
  };
}

/** A file or folder name: lowercase letters, digits and dashes. */
const Slug = z.string().trim().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(60);
const Title = z.string().trim().min(1).max(120);

/** The tree edits, as forms send them. */
export const TreeEditInput = z.discriminatedUnion("op", [
  z.strictObject({
    op: z.literal("create-lesson"),
    module: Slug,
    slug: Slug,
    title: Title,
  }),
  z.strictObject({ op: z.literal("create-module"), slug: Slug, title: Title }),
  z.strictObject({
    op: z.literal("create-assessment"),
    kind: z.enum(["scenario", "drill", "survey", "bank"]),
    slug: Slug,
    title: Title,
  }),
  z.strictObject({ op: z.literal("rename"), path: z.string(), title: Title }),
  z.strictObject({
    op: z.literal("move"),
    path: z.string(),
    direction: z.enum(["up", "down"]),
  }),
  z.strictObject({ op: z.literal("delete"), path: z.string() }),
]);
export type TreeEditInput = z.infer<typeof TreeEditInput>;

/** Why an edit was refused, as a reason code for the view. */
export type TreeEditRefusal =
  | "exists"
  | "not_found"
  | "no_title"
  | "edge"
  | "conflict";

/** What an edit did: the files it changed, or why it changed nothing. */
export type TreeEditResult =
  | { ok: true; paths: string[] }
  | { ok: false; reason: TreeEditRefusal };

const ASSESSMENT_FOLDER = {
  scenario: "scenarios",
  drill: "drills",
  survey: "surveys",
  bank: "quizzes",
} as const;

/** A starting text for a new file: it loads, and content:check says what is still missing. */
function template(
  kind: "lesson" | "module" | keyof typeof ASSESSMENT_FOLDER,
  id: string,
  title: string,
  extra: { order?: number; skill?: string; module?: string } = {},
): string {
  const q = JSON.stringify;
  switch (kind) {
    case "lesson":
      return `---\nid: ${id}\ntitle: ${
        q(title)
      }\nminutes: 15\nobjectives:\n  - ${q(title)}\nskills: [${
        extra.skill ?? "todo"
      }]\n---\n\n## ${title}\n\n`;
    case "module":
      return `id: ${id}\ntitle: ${q(title)}\norder: ${
        extra.order ?? 1
      }\nobjectives:\n  - ${q(title)}\n`;
    case "bank":
      return `id: ${id}\ntitle: ${q(title)}\nquestions: []\n`;
    case "survey":
      return `id: ${id}\ntitle: ${q(title)}\nquestions: []\n`;
    case "drill":
      return `id: ${id}\ntitle: ${q(title)}\nmodule: ${
        extra.module ?? "todo"
      }\nitems: []\n`;
    case "scenario":
      return `id: ${id}\ntitle: ${q(title)}\nsummary: ${q(title)}\nmodule: ${
        extra.module ?? "todo"
      }\nskills: [${
        extra.skill ?? "todo"
      }]\npersona:\n  name: 顾客\n  channel: chat\n  psychology: venting\n  mood: 40\nfirstResponseSeconds: 30\nstart: open\nnodes:\n  open:\n    customer: 你好\n    choices:\n      - id: greet\n        text: 您好，请问有什么可以帮您？\n        scores: { empathy: 1 }\n        feedback: 先问候。\n        next: done\nendings:\n  done:\n    outcome: resolved\n    customer: 好的，谢谢。\n    debrief: 完成。\n`;
  }
}

/** Sets `title` in a YAML document or a lesson's frontmatter, keeping the rest. */
function withTitle(path: string, text: string, title: string): string | null {
  const set = (yaml: string) => {
    const doc = parseDocument(yaml);
    if (doc.errors.length > 0) return null;
    doc.set("title", title);
    return doc.toString({ lineWidth: 0 });
  };
  if (!path.endsWith(".md")) return set(text);
  const split = splitFront(text);
  if (!split) return null;
  const front = set(split.front);
  return front === null ? null : `---\n${front}---\n${split.rest}`;
}

/** course.yaml with its module list changed by `edit`. */
function withModules(
  text: string,
  edit: (list: string[]) => string[] | null,
): string | null {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return null;
  const list = doc.toJS()?.modules;
  if (!Array.isArray(list)) return null;
  const next = edit(list.map(String));
  if (!next) return null;
  const node = doc.createNode(next);
  node.flow = true;
  doc.set("modules", node);
  return doc.toString({ lineWidth: 0 });
}

/**
 * Applies one tree edit as drafts. Reordering lessons swaps the two files'
 * texts (lessons are shown in file-name order); reordering modules changes
 * course.yaml's list. Deleting a module deletes its files and its entry.
 */
export async function editTree(
  kv: Deno.Kv,
  ws: Workspace,
  input: TreeEditInput,
  actorId: string,
  now: Date,
): Promise<TreeEditResult> {
  const e = TreeEditInput.parse(input);
  const changes = new Map<string, string | null>();
  const dir = ws.courseDir;
  const coursePath = `${dir}/course.yaml`;
  const firstSkill = () => {
    try {
      return parseDocument(ws.files[coursePath] ?? "").toJS()?.skills?.[0]?.id;
    } catch {
      return undefined;
    }
  };
  const exists = (p: string) => ws.files[p] !== undefined;
  switch (e.op) {
    case "create-lesson": {
      const folder = `${dir}/${e.module}`;
      if (!exists(`${folder}/module.yaml`)) return refuse("not_found");
      const lessons = Object.keys(ws.files).filter((p) =>
        p.startsWith(`${folder}/`) && p.endsWith(".md")
      );
      const n = lessons.length + 1;
      const path = `${folder}/${String(n).padStart(2, "0")}-${e.slug}.md`;
      if (exists(path) || lessons.some((p) => p.endsWith(`-${e.slug}.md`))) {
        return refuse("exists");
      }
      const moduleId = parseDocument(ws.files[`${folder}/module.yaml`]).get(
        "id",
      );
      changes.set(
        path,
        template("lesson", `${moduleId ?? e.module}-${e.slug}`, e.title, {
          skill: firstSkill(),
        }),
      );
      break;
    }
    case "create-module": {
      const folders = new Set(
        Object.keys(ws.files).filter((p) => p.startsWith(`${dir}/`)).map((p) =>
          p.split("/")[2]
        ),
      );
      const n = [...folders].filter((f) => /^\d+-/.test(f)).length + 1;
      const name = `${String(n).padStart(2, "0")}-${e.slug}`;
      if (
        folders.has(name) || [...folders].some((f) => f.endsWith(`-${e.slug}`))
      ) {
        return refuse("exists");
      }
      const course = withModules(
        ws.files[coursePath] ?? "",
        (list) => [...list, name],
      );
      if (course === null) return refuse("not_found");
      changes.set(
        `${dir}/${name}/module.yaml`,
        template("module", e.slug, e.title, { order: n }),
      );
      changes.set(coursePath, course);
      break;
    }
    case "create-assessment": {
      const path = `assessments/${ASSESSMENT_FOLDER[e.kind]}/${e.slug}.yaml`;
      if (exists(path)) return refuse("exists");
      const firstModule = Object.keys(ws.files).find((p) =>
        p.startsWith(`${dir}/`) && p.endsWith("/module.yaml")
      );
      changes.set(
        path,
        template(e.kind, e.slug, e.title, {
          skill: firstSkill(),
          module: firstModule
            ? String(parseDocument(ws.files[firstModule]).get("id"))
            : undefined,
        }),
      );
      break;
    }
    case "rename": {
      if (!exists(e.path)) return refuse("not_found");
      const text = withTitle(e.path, ws.files[e.path], e.title);
      if (text === null) return refuse("no_title");
      changes.set(e.path, text);
      break;
    }
    case "move": {
      if (e.path.endsWith(".md") && exists(e.path)) {
        const folder = e.path.slice(0, e.path.lastIndexOf("/"));
        const siblings = Object.keys(ws.files).filter((p) =>
          p.startsWith(`${folder}/`) && p.endsWith(".md") &&
          !p.slice(folder.length + 1).includes("/")
        ).sort();
        const i = siblings.indexOf(e.path);
        const j = e.direction === "up" ? i - 1 : i + 1;
        if (j < 0 || j >= siblings.length) return refuse("edge");
        changes.set(siblings[i], ws.files[siblings[j]]);
        changes.set(siblings[j], ws.files[siblings[i]]);
        break;
      }
      const name = e.path.startsWith(`${dir}/`) ? e.path.split("/")[2] : "";
      let edge = false;
      const course = withModules(ws.files[coursePath] ?? "", (list) => {
        const i = list.indexOf(name);
        const j = e.direction === "up" ? i - 1 : i + 1;
        if (i < 0) return null;
        if (j < 0 || j >= list.length) {
          edge = true;
          return null;
        }
        const next = [...list];
        [next[i], next[j]] = [next[j], next[i]];
        return next;
      });
      if (edge) return refuse("edge");
      if (course === null) return refuse("not_found");
      changes.set(coursePath, course);
      break;
    }
    case "delete": {
      if (exists(e.path)) {
        changes.set(e.path, null);
        break;
      }
      // A module folder: its files and its entry in course.yaml.
      const files = Object.keys(ws.files).filter((p) =>
        p.startsWith(`${e.path}/`)
      );
      if (!e.path.startsWith(`${dir}/`) || files.length === 0) {
        return refuse("not_found");
      }
      for (const p of files) changes.set(p, null);
      const name = e.path.split("/")[2];
      const course = withModules(
        ws.files[coursePath] ?? "",
        (list) => list.filter((m) => m !== name),
      );
      if (course !== null) changes.set(coursePath, course);
      break;
    }
  }
  return await saveAll(kv, ws, changes, actorId, now);
}

function refuse(reason: TreeEditRefusal): TreeEditResult {
  return { ok: false, reason };
}

async function saveAll(
  kv: Deno.Kv,
  ws: Workspace,
  changes: Map<string, string | null>,
  actorId: string,
  now: Date,
): Promise<TreeEditResult> {
  const stamps = new Map(
    ws.drafts.map((d: DraftFile) => [d.path, d.versionstamp]),
  );
  const inputs = [...changes].map(([path, text]) => ({
    courseId: ws.courseId,
    path,
    text,
    basedOn: stamps.get(path) ?? null,
  }));
  if (!(await saveDrafts(kv, inputs, actorId, now))) return refuse("conflict");
  return { ok: true, paths: [...changes.keys()] };
}
