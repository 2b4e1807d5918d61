/**
 * Reads `courses/` and `assessments/` into one typed {@link ContentTree}.
 * Loading never throws on bad content: a file that does not parse or fit its
 * schema becomes problems and is left out of the tree, and its id is kept in
 * `tree.invalid` so `checkContent` does not also report every reference to it
 * as missing.
 *
 * @module
 */
import { fileURLToPath } from "node:url";
import type { z } from "zod";
import {
  type Certification,
  CertificationSchema,
  type Course,
  CourseSchema,
  type Coverage,
  CoverageSchema,
  type Drill,
  DrillSchema,
  type Exam,
  ExamSchema,
  type InlineQuiz,
  inlineQuizSchemaFor,
  type LessonFrontmatter,
  LessonFrontmatterSchema,
  type Module,
  ModuleSchema,
  type Observation,
  ObservationSchema,
  type Plan,
  PlanSchema,
  type QuestionBank,
  QuestionBankSchema,
  type Rubric,
  RubricSchema,
  type Scenario,
  ScenarioSchema,
  type Survey,
  SurveySchema,
} from "./schema.ts";
import { fillData, fillText, type Policy, PolicySchema } from "./policy.ts";
import { type ReplySet, ReplySetSchema } from "./reply_schema.ts";
import {
  msg,
  parseYaml,
  type PosIndex,
  type Problem,
  splitLesson,
  validate,
} from "./source.ts";
import {
  type ContentSource,
  fileTreeSource,
  joinPath as join,
  readSourceText,
} from "./content_source.ts";
import { filesHash } from "./files_hash.ts";

/** The project root, where `courses/` and `assessments/` live by default. */
export const PROJECT_ROOT: string = fileURLToPath(
  new URL("../../", import.meta.url),
);

/** A validated file: its data plus the positions of its fields. */
export interface Loaded<T> {
  /** Relative to the content root, `/` separated. */
  path: string;
  data: T;
  pos: PosIndex;
}

/** A ```quiz fence that passed its schema. */
export interface InlineCheck {
  /** Line of the opening fence in the lesson file. */
  line: number;
  data: InlineQuiz;
  /** Positions already in lesson-file lines. */
  pos: PosIndex;
}

/** A lesson: frontmatter, raw Markdown body and its valid inline checks. */
export interface LoadedLesson extends Loaded<LessonFrontmatter> {
  body: string;
  /** File line where the body starts. */
  bodyLine: number;
  checks: InlineCheck[];
  /** All ```quiz fences, valid or not, so a broken one still counts as present. */
  fenceCount: number;
}

/** A module folder: module.yaml and its lessons in file-name order. */
export interface LoadedModule extends Loaded<Module> {
  /** Folder name, as listed in course.yaml. */
  dir: string;
  lessons: LoadedLesson[];
}

/** A course folder with its modules in course.yaml order. */
export interface LoadedCourse extends Loaded<Course> {
  dir: string;
  modules: LoadedModule[];
  coverage?: Loaded<Coverage>;
  /** See {@link courseHash}. */
  hash: string;
}

/** Kinds of id that must be unique across the tree. */
export type Kind =
  | "course"
  | "module"
  | "lesson"
  | "bank"
  | "question"
  | "rubric"
  | "scenario"
  | "drill"
  | "survey"
  | "observation"
  | "exam"
  | "plan"
  | "certification"
  | "replies";

/** All content, typed; only files that passed their schema are in it. */
export interface ContentTree {
  courses: LoadedCourse[];
  banks: Loaded<QuestionBank>[];
  rubrics: Loaded<Rubric>[];
  scenarios: Loaded<Scenario>[];
  drills: Loaded<Drill>[];
  surveys: Loaded<Survey>[];
  observations: Loaded<Observation>[];
  exams: Loaded<Exam>[];
  plans: Loaded<Plan>[];
  certifications: Loaded<Certification>[];
  /** `assessments/replies/*.yaml`: the reply library, one file per situation. */
  replySets?: Loaded<ReplySet>[];
  /** Ids read from files that failed validation: they exist, so references to them are not "missing". */
  invalid: Partial<Record<Kind, string[]>>;
  /** `assessments/policy.yaml`, when present and valid: the house figures placeholders are filled from. */
  policy?: Loaded<Policy>;
  /** Raw text of every content file read, by path, for checks that scan wording (placeholders are not filled here). */
  sources?: Record<string, string>;
}

/** Where the house policy lives, relative to the content root. */
export const POLICY_PATH = "assessments/policy.yaml";

/** The folders of `assessments/` and what each holds. */
const ASSESSMENT_DIRS = {
  quizzes: ["banks", "bank", QuestionBankSchema],
  rubrics: ["rubrics", "rubric", RubricSchema],
  scenarios: ["scenarios", "scenario", ScenarioSchema],
  drills: ["drills", "drill", DrillSchema],
  surveys: ["surveys", "survey", SurveySchema],
  observations: ["observations", "observation", ObservationSchema],
  exams: ["exams", "exam", ExamSchema],
  plans: ["plans", "plan", PlanSchema],
  certifications: ["certifications", "certification", CertificationSchema],
  replies: ["replySets", "replies", ReplySetSchema],
} as const;

/**
 * Loads every course and assessment from `from`: a folder (the project root
 * by default; tests pass a fixture folder) or any {@link ContentSource}, such
 * as a trainer's draft. Problems are sorted by path and line.
 */
export async function loadContent(
  from: string | ContentSource = PROJECT_ROOT,
): Promise<{ tree: ContentTree; problems: Problem[] }> {
  const source = typeof from === "string" ? fileTreeSource(from) : from;
  const loader = new Loader(source);
  const tree: ContentTree = {
    courses: [],
    banks: [],
    rubrics: [],
    scenarios: [],
    drills: [],
    surveys: [],
    observations: [],
    exams: [],
    plans: [],
    certifications: [],
    replySets: [],
    invalid: {},
    sources: {},
  };
  loader.tree = tree;
  if ((await source.readBytes(POLICY_PATH)) !== null) {
    tree.policy = await loader.yaml(POLICY_PATH, undefined, PolicySchema);
    for (const f of tree.policy?.data.figures ?? []) {
      loader.values.set(f.id, f.value);
    }
  }
  const assessmentFiles = await source.listFiles("assessments");
  for (const file of assessmentFiles) {
    const rel = loader.rel(file);
    const [, folder, name] = rel.split("/");
    const entry = ASSESSMENT_DIRS[folder as keyof typeof ASSESSMENT_DIRS];
    if (!entry || !/\.ya?ml$/.test(name ?? "") || rel.split("/").length !== 3) {
      continue;
    }
    const [list, kind, schema] = entry;
    const loaded = await loader.yaml(file, kind, schema as z.ZodType<unknown>);
    if (loaded) (tree[list] as Loaded<unknown>[]).push(loaded);
  }
  const assessmentBytes = await Promise.all(
    assessmentFiles.map(async (f) => [f, await loader.bytes(f)] as const),
  );
  for (const dir of await source.listDirs("courses")) {
    const course = await loader.course(dir, assessmentBytes);
    if (course) tree.courses.push(course);
  }
  return { tree, problems: sortProblems(loader.problems) };
}

/** Sorts problems by path, then line, then column. */
export function sortProblems(problems: Problem[]): Problem[] {
  return problems.toSorted((a, b) =>
    a.path < b.path
      ? -1
      : a.path > b.path
      ? 1
      : a.line - b.line || a.col - b.col
  );
}

/**
 * A course's content hash: SHA-256 (hex) over every file under the course
 * folder plus every file under `assessments/`, each as `path\0size\0bytes` in
 * path order. Assessments are shared between courses and cheap to include
 * whole, so the hash changes whenever anything a learner of the course could
 * see changes, without having to trust the references to be complete.
 */
export function courseHash(
  files: readonly (readonly [path: string, bytes: Uint8Array])[],
): string {
  return filesHash(files);
}

class Loader {
  problems: Problem[] = [];
  tree!: ContentTree;
  /** Policy figure values by id, filled into `{{id}}` placeholders. */
  values = new Map<string, string>();
  constructor(readonly source: ContentSource) {}

  /** Paths are already relative to the content root. */
  rel(file: string): string {
    return file;
  }

  async bytes(file: string): Promise<Uint8Array> {
    return (await this.source.readBytes(file)) ?? new Uint8Array();
  }

  async text(file: string): Promise<string> {
    return (await readSourceText(this.source, file)) ?? "";
  }

  /** Records an id from a file that failed validation, if one can be read. */
  noteInvalid(kind: Kind, raw: unknown) {
    const id = (raw as { id?: unknown } | null)?.id;
    if (typeof id === "string") (this.tree.invalid[kind] ??= []).push(id);
    if (kind === "bank") {
      const questions = (raw as { questions?: unknown } | null)?.questions;
      if (Array.isArray(questions)) {
        for (const q of questions) this.noteInvalid("question", q);
      }
    }
  }

  async yaml<T>(
    file: string,
    kind: Kind | undefined,
    schema: z.ZodType<T>,
  ): Promise<Loaded<T> | undefined> {
    const path = this.rel(file);
    const text = await this.text(file);
    this.tree.sources![path] = text;
    const parsed = parseYaml(text, path);
    parsed.data = fillData(parsed.data, this.values);
    const { data, problems } = validate(schema, parsed, path);
    this.problems.push(...problems);
    if (data === undefined) {
      if (kind) this.noteInvalid(kind, parsed.data ?? idsFromText(text));
      return undefined;
    }
    return { path, data, pos: parsed.pos };
  }

  async course(
    dir: string,
    assessments: (readonly [string, Uint8Array])[],
  ): Promise<LoadedCourse | undefined> {
    const coursePath = join(dir, "course.yaml");
    const files = await this.source.listFiles(dir);
    const hash = courseHash([
      ...assessments,
      ...await Promise.all(
        files.map(async (f) => [f, await this.bytes(f)] as const),
      ),
    ]);
    if (!files.includes(coursePath)) {
      this.problems.push({
        path: this.rel(dir),
        line: 1,
        col: 1,
        ...msg("problem.load.no_course_yaml"),
      });
      // Treat it like a broken course.yaml: its skills and id are unknown, not absent.
      this.noteInvalid("course", { id: dir.split("/").pop() });
    }
    const course = files.includes(coursePath)
      ? await this.yaml(coursePath, "course", CourseSchema)
      : undefined;
    const coveragePath = join(dir, "coverage.yaml");
    const coverage = files.includes(coveragePath)
      ? await this.yaml(coveragePath, undefined, CoverageSchema)
      : undefined;

    const folders = (await this.source.listDirs(dir)).map((d) =>
      d.slice(dir.length + 1)
    );
    // Without a valid course.yaml the order is unknown; load folders by name so
    // their own problems are still reported.
    const order = course?.data.modules ?? folders;
    const modules: LoadedModule[] = [];
    for (const [i, name] of order.entries()) {
      if (!folders.includes(name)) {
        const at = course?.pos[`modules/${i}`] ?? [1, 1];
        this.problems.push({
          path: course?.path ?? this.rel(coursePath),
          line: at[0],
          col: at[1],
          field: `modules[${i}]`,
          ...msg("problem.load.module_missing", { name, dir: this.rel(dir) }),
        });
        continue;
      }
      const module = await this.module(join(dir, name), name);
      if (module) modules.push(module);
    }
    for (const name of folders.filter((f) => course && !order.includes(f))) {
      const at = course!.pos["modules"] ?? [1, 1];
      this.problems.push({
        path: course!.path,
        line: at[0],
        col: at[1],
        field: "modules",
        ...msg("problem.load.module_unlisted", { name }),
      });
    }
    if (!course) {
      for (const m of modules) {
        this.noteInvalid("module", m.data);
        for (const l of m.lessons) this.noteInvalid("lesson", l.data);
      }
      return undefined;
    }
    return { ...course, dir: this.rel(dir), modules, coverage, hash };
  }

  async module(dir: string, name: string): Promise<LoadedModule | undefined> {
    const files = await this.source.listFiles(dir, false);
    const yamlPath = join(dir, "module.yaml");
    const module = files.includes(yamlPath)
      ? await this.yaml(yamlPath, "module", ModuleSchema)
      : undefined;
    if (!files.includes(yamlPath)) {
      this.problems.push({
        path: this.rel(dir),
        line: 1,
        col: 1,
        ...msg("problem.load.no_module_yaml"),
      });
    }
    const lessons: LoadedLesson[] = [];
    for (const file of files.filter((f) => f.endsWith(".md"))) {
      const lesson = await this.lesson(file);
      if (lesson) lessons.push(lesson);
    }
    if (!module) {
      for (const l of lessons) this.noteInvalid("lesson", l.data);
      return undefined;
    }
    return { ...module, dir: name, lessons };
  }

  async lesson(file: string): Promise<LoadedLesson | undefined> {
    const path = this.rel(file);
    const text = await this.text(file);
    this.tree.sources![path] = text;
    const source = splitLesson(text, path);
    this.problems.push(...source.problems);
    const checks: InlineCheck[] = [];
    for (const fence of source.fences) {
      const parsed = parseYaml(fence.text, path, fence.line);
      parsed.data = fillData(parsed.data, this.values);
      const { data, problems } = validate(
        inlineQuizSchemaFor(parsed.data),
        parsed,
        path,
      );
      this.problems.push(...problems);
      if (data !== undefined) {
        checks.push({ line: fence.line, data, pos: parsed.pos });
      }
    }
    if (source.frontmatter === undefined) return undefined;
    // The frontmatter starts on line 2, after the opening `---`.
    const parsed = parseYaml(source.frontmatter, path, 1);
    parsed.data = fillData(parsed.data, this.values);
    const { data, problems } = validate(LessonFrontmatterSchema, parsed, path);
    this.problems.push(...problems);
    if (data === undefined) {
      this.noteInvalid("lesson", parsed.data);
      return undefined;
    }
    return {
      path,
      data,
      pos: parsed.pos,
      body: fillText(source.body, this.values),
      bodyLine: source.bodyLine,
      checks,
      fenceCount: source.fences.length,
    };
  }
}

/**
 * Best-effort ids of a file with YAML syntax errors, so one typo in a bank
 * does not turn every reference to its questions into a "missing" problem.
 */
function idsFromText(
  text: string,
): { id?: string; questions: { id: string }[] } {
  const id = /^id:\s*["']?([a-z0-9-]+)/m.exec(text)?.[1];
  const questions = [...text.matchAll(/^\s+- id:\s*["']?([a-z0-9-]+)/gm)].map((
    m,
  ) => ({ id: m[1] }));
  return { id, questions };
}
