/**
 * What the editor shows beside one file while a trainer types: the file's
 * problems from the same load and checks `content:check` runs over the whole
 * workspace (so cross-file problems such as a missing reference appear too),
 * a lesson's preview as learners get it (the same renderer, sanitizer and
 * inline-check questions), a scenario's graph, and the grader's verdict on
 * every model answer in the file.
 *
 * @module
 */
import type { LoadedLesson } from "@/lib/content/loader.ts";
import { splitAtChecks } from "@/lib/content/lesson_parts.ts";
import { renderLesson, type TocEntry } from "@/lib/content/markdown.ts";
import {
  locate,
  type Problem,
  type ProblemMessage,
  splitLesson,
} from "@/lib/content/source.ts";
import type {
  InlineQuestion,
  LessonFrontmatter,
} from "@/lib/content/schema.ts";
import {
  type PublicQuestion,
  toPublicQuestion,
} from "@/lib/quiz/public_question.ts";
import { inlineCheckSeed } from "@/lib/learning/lesson_page.ts";
import { gradeModel, modelReplies } from "./checks/model_answers.ts";
import { type ScenarioGraph, scenarioGraph } from "./scenario_graph.ts";
import { checkFiles, type FileSet } from "./workspace.ts";

/** What kind of file a path is, for the editor's tools. */
export type FileKind =
  | "lesson"
  | "module"
  | "course"
  | "coverage"
  | "bank"
  | "scenario"
  | "drill"
  | "survey"
  | "rubric"
  | "plan"
  | "policy"
  | "exam"
  | "observation"
  | "certification"
  | "other";

const FOLDER_KIND: Record<string, FileKind> = {
  quizzes: "bank",
  scenarios: "scenario",
  drills: "drill",
  surveys: "survey",
  rubrics: "rubric",
  plans: "plan",
  exams: "exam",
  observations: "observation",
  certifications: "certification",
};

/** The kind of a content path. */
export function fileKind(path: string): FileKind {
  if (path === "assessments/policy.yaml") return "policy";
  const parts = path.split("/");
  if (parts[0] === "assessments") return FOLDER_KIND[parts[1]] ?? "other";
  if (path.endsWith(".md")) return "lesson";
  const name = parts.at(-1);
  if (name === "module.yaml") return "module";
  if (name === "course.yaml") return "course";
  if (name === "coverage.yaml") return "coverage";
  return "other";
}

/** A lesson as the learner's page would show it. */
export interface LessonPreview {
  /** Absent while the frontmatter does not load: the body still previews. */
  frontmatter?: LessonFrontmatter;
  /** Sanitized HTML parts; `checks[i]` sits after `parts[i]`. */
  parts: string[];
  checks: { index: number; question: PublicQuestion }[];
  toc: TocEntry[];
}

/** The grader's verdict on one model answer in the file. */
export interface ModelVerdict {
  line: number;
  /** "model answer of q-…", "best choice … of node …" (translated by the view). */
  what: ProblemMessage;
  text: string;
  score: number;
  passPercent: number;
  passed: boolean;
  /** Red lines crossed, by code. */
  blockers: string[];
  /** Required elements not met, by the rubric's labels. */
  missing: string[];
  /** Only red lines count (a scenario's option text). */
  redLinesOnly: boolean;
}

/** Everything the editor shows about one file. */
export interface FileCheck {
  path: string;
  kind: FileKind;
  problems: Problem[];
  /** Problems in the workspace's other files. */
  otherProblems: number;
  preview?: LessonPreview;
  graph?: ScenarioGraph;
  verdicts: ModelVerdict[];
}

/**
 * Checks `files` with `path` set to `text` (null: the file is being deleted)
 * and describes that file.
 */
export async function checkFile(
  files: FileSet,
  path: string,
  text: string | null,
): Promise<FileCheck> {
  const all = { ...files };
  if (text === null) delete all[path];
  else all[path] = text;
  const { tree, problems } = await checkFiles(all);
  const kind = fileKind(path);
  const mine = problems.filter((p) => p.path === path);
  const out: FileCheck = {
    path,
    kind,
    problems: mine,
    otherProblems: problems.length - mine.length,
    verdicts: modelReplies(tree).filter((m) => m.path === path).map((m) => {
      const v = gradeModel(m);
      return {
        line: locate(m.pos, m.at).line,
        what: m.what,
        text: m.text,
        score: v.score,
        passPercent: v.passPercent,
        passed: m.redLinesOnly ? v.blockers.length === 0 : v.passed,
        blockers: [...new Set(v.blockers.map((b) => b.code))],
        missing: v.criteria.filter((c) => !c.met).map((c) => c.label),
        redLinesOnly: m.redLinesOnly,
      };
    }),
  };
  if (kind === "scenario") {
    const s = tree.scenarios.find((s) => s.path === path);
    if (s) out.graph = scenarioGraph(s.data);
  }
  if (kind === "lesson" && text !== null) {
    const course = tree.courses.find((c) => path.startsWith(`${c.dir}/`));
    const lesson = course?.modules.flatMap((m) => m.lessons).find((l) =>
      l.path === path
    );
    out.preview = lesson
      ? previewOf(
        course!.data.id,
        lesson,
        tree.banks.flatMap((b) => b.data.questions),
      )
      : bodyOnly(text, path);
  }
  return out;
}

function previewOf(
  courseId: string,
  lesson: LoadedLesson,
  questions: readonly InlineQuestion[],
): LessonPreview {
  const rendered = renderLesson(lesson.body);
  const { parts, checks } = splitAtChecks(rendered.html);
  const byId = new Map(
    questions.map((q) => [(q as { id?: string }).id, q] as const),
  );
  return {
    frontmatter: lesson.data,
    parts,
    checks: checks.flatMap((index) => {
      const data = lesson.checks[index]?.data;
      const q = data && ("ref" in data ? byId.get(data.ref) : data);
      // The same seed a learner's page uses, so the options show in the same order.
      return q
        ? [{
          index,
          question: toPublicQuestion(
            q,
            inlineCheckSeed(courseId, lesson.data.id, index),
            true,
          ),
        }]
        : [];
    }),
    toc: rendered.toc,
  };
}

/**
 * A lesson whose frontmatter does not load yet still previews its body, so
 * a typo in the header does not blank the preview.
 */
function bodyOnly(text: string, path: string): LessonPreview {
  const source = splitLesson(text, path);
  const rendered = renderLesson(source.body);
  const { parts } = splitAtChecks(rendered.html);
  return {
    parts,
    checks: [],
    toc: rendered.toc,
  };
}
