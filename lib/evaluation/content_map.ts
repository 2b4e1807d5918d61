/**
 * What the evaluator needs to know about a course's content to read its
 * rollups: which skills an activity trains, which exams are the pre- and
 * post-test, each survey's questions, and which skills a QA criterion
 * checks. Built once per published course version; pure.
 *
 * @module
 */
import type { PublishedCourse } from "@/lib/content/published.ts";

/** One survey question as the evaluator reads it. */
export interface SurveyQuestionInfo {
  id: string;
  type: "likert" | "nps" | "choice" | "text";
  prompt: string;
  options?: string[];
}

/** One survey as the evaluator reads it. */
export interface SurveyInfo {
  id: string;
  title: string;
  module?: string;
  minReportN: number;
  questions: SurveyQuestionInfo[];
}

/** The content facts the evaluator reads rollups with. */
export interface EvaluationContent {
  courseId: string;
  /** Activity path ("modules/basics/quiz", "scenarios/x") -> skill ids. */
  skillsOfActivity: Record<string, string[]>;
  /** Module id -> its title and skill ids (lessons, quiz bank, practice). */
  modules: { id: string; title: string; skills: string[] }[];
  skillTitles: Record<string, string>;
  /** Exam ids of the pre- and post-test. */
  preExam?: string;
  postExam?: string;
  surveys: SurveyInfo[];
  /** QA criterion id -> skill ids (the scorecard's `skills`, when given). */
  criterionSkills: Record<string, string[]>;
  /** Skill id -> drill and scenario activity paths that train it. */
  practiceOfSkill: Record<string, string[]>;
}

/** An empty map: summaries then hold only what needs no content. */
export const NO_CONTENT: EvaluationContent = {
  courseId: "",
  skillsOfActivity: {},
  modules: [],
  skillTitles: {},
  surveys: [],
  criterionSkills: {},
  practiceOfSkill: {},
};

/** Builds the evaluator's view of a published course. */
export function evaluationContent(p: PublishedCourse): EvaluationContent {
  const skillsOfActivity: Record<string, string[]> = {};
  const practiceOfSkill: Record<string, string[]> = {};
  const moduleSkills = new Map<string, Set<string>>();
  const addModuleSkills = (m: string, skills: readonly string[]) => {
    const set = moduleSkills.get(m) ?? new Set<string>();
    for (const s of skills) set.add(s);
    moduleSkills.set(m, set);
  };
  for (const m of p.modules) {
    addModuleSkills(m.module.id, m.lessons.flatMap((l) => l.lesson.skills));
  }
  for (const q of p.banks.flatMap((b) => b.questions)) {
    addModuleSkills(q.module, q.skills);
  }
  for (const m of p.modules) {
    skillsOfActivity[`modules/${m.module.id}/quiz`] = [
      ...(moduleSkills.get(m.module.id) ?? []),
    ];
  }
  const practice = [
    ...p.scenarios.map((s) => ({ path: `scenarios/${s.id}`, ...s })),
    ...p.drills.map((d) => ({ path: `drills/${d.id}`, ...d })),
  ];
  for (const a of practice) {
    skillsOfActivity[a.path] = [...a.skills];
    addModuleSkills(a.module, a.skills);
    for (const s of a.skills) (practiceOfSkill[s] ??= []).push(a.path);
  }
  const criterionSkills: Record<string, string[]> = {};
  for (const card of p.observations) {
    for (const section of card.sections) {
      for (const item of section.items) {
        const skills = (item as { skills?: string[] }).skills;
        if (skills?.length) criterionSkills[item.id] = [...skills];
      }
    }
  }
  return {
    courseId: p.course.id,
    skillsOfActivity,
    modules: p.modules.map((m) => ({
      id: m.module.id,
      title: m.module.title,
      skills: [...(moduleSkills.get(m.module.id) ?? [])],
    })),
    skillTitles: Object.fromEntries(
      p.course.skills.map((s) => [s.id, s.title]),
    ),
    preExam: p.exams.find((e) => e.kind === "pretest")?.id,
    postExam: p.exams.find((e) => e.kind === "posttest")?.id,
    surveys: p.surveys.map((s) => ({
      id: s.id,
      title: s.title,
      module: s.module,
      minReportN: s.minReportN ?? 5,
      questions: s.questions.map((q) => ({
        id: q.id,
        type: q.type,
        prompt: q.prompt,
        ...(q.type === "choice" ? { options: q.options } : {}),
      })),
    })),
    criterionSkills,
    practiceOfSkill,
  };
}
