/**
 * Zod schemas for every authored content format in `docs/content-format.md`.
 * They check shape only (fields, types, enums, ranges); rules that need more
 * than one field or file (answer keys, references, scenario graphs) live in
 * `check.ts`, so each rule reports at the line that breaks it.
 *
 * Every object is strict: a misspelt field name is an error, not silently
 * ignored content.
 *
 * @module
 */
import { z } from "zod";

import {
  Id,
  ID_PATTERN,
  Ids,
  Text,
} from "@/lib/content/question_shapes/fields.ts";
import {
  QUESTION_TYPES,
  questionShapes,
} from "@/lib/content/question_shapes.ts";

export { Id, ID_PATTERN };

/** The five dimensions a scenario choice scores and a reply may feed. */
export const Dimension = z.enum([
  "empathy",
  "accuracy",
  "process",
  "compliance",
  "efficiency",
]);
export type Dimension = z.infer<typeof Dimension>;

/** Parts of a good reply a rubric's required criteria look for. */
export const ReplyElement = z.enum([
  "greeting",
  "empathy",
  "paraphrase",
  "solution",
  "time",
  "closing",
]);
export type ReplyElement = z.infer<typeof ReplyElement>;

/** Kinds of wording a rubric's forbidden criteria catch. */
export const ForbiddenCategory = z.enum([
  "vague",
  "superlative",
  "blame",
  "promise",
  "privacy",
]);
export type ForbiddenCategory = z.infer<typeof ForbiddenCategory>;

/** The four complaint-psychology types of a scenario persona. */
export const Psychology = z.enum([
  "venting",
  "compensation",
  "recognition",
  "solution",
]);
export type Psychology = z.infer<typeof Psychology>;

/** The seven question types (lib/question_types/ has one folder each). */
export const QuestionType = z.enum(QUESTION_TYPES);
export type QuestionType = z.infer<typeof QuestionType>;

// ---------------------------------------------------------------- courses

/** `courses/<course>/course.yaml`. */
export const CourseSchema = z.strictObject({
  id: Id,
  title: Text,
  summary: Text,
  audience: Text,
  language: z.literal("zh-CN"),
  /** Module folder names, in teaching order. */
  modules: z.array(z.string().min(1)).min(1),
  skills: z.array(z.strictObject({ id: Id, title: Text })).min(1),
});
export type Course = z.infer<typeof CourseSchema>;

/** One rule of a module quiz or exam draw; every filter is optional. */
/** A parallel form of the pre/post-test blueprint a question belongs to. */
export const Form = z.enum(["a", "b"]);

export const DrawRuleSchema = z.strictObject({
  module: Id.optional(),
  /** Only questions of this parallel form (pre-test a, post-test b). */
  form: Form.optional(),
  skills: Ids.optional(),
  types: z.array(QuestionType).optional(),
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  count: z.int().min(1),
});
export type DrawRule = z.infer<typeof DrawRuleSchema>;

const Percent = z.number().min(0).max(100);

/** The scored module quiz configured in `module.yaml`. */
export const ModuleQuizSchema = z.strictObject({
  bank: Id,
  draw: z.array(DrawRuleSchema.omit({ module: true })).min(1),
  passPercent: Percent,
  maxAttempts: z.int().min(1).optional(),
  cooldownMinutes: z.int().min(0).optional(),
  timeLimitMinutes: z.int().min(1).optional(),
  /** Ask a confidence rating beside each question (lib/quiz/confidence.ts). */
  confidence: z.boolean().optional(),
});
export type ModuleQuiz = z.infer<typeof ModuleQuizSchema>;

/** `courses/<course>/<NN-module>/module.yaml`. */
export const ModuleSchema = z.strictObject({
  id: Id,
  title: Text,
  order: z.int().min(1),
  objectives: z.array(Text).min(1),
  quiz: ModuleQuizSchema.optional(),
});
export type Module = z.infer<typeof ModuleSchema>;

/** The YAML frontmatter of a lesson `.md` file. */
export const LessonFrontmatterSchema = z.strictObject({
  id: Id,
  title: Text,
  // One knowledge unit; the course design puts an interaction every 15-20 minutes.
  minutes: z.int().min(15, { error: "problem.schema.minutes_min" })
    .max(20, {
      error: "problem.schema.minutes_max",
    }),
  objectives: z.array(Text).min(1),
  skills: Ids.min(1),
  quizBank: Id.optional(),
  scenarios: Ids.optional(),
});
export type LessonFrontmatter = z.infer<typeof LessonFrontmatterSchema>;

// ---------------------------------------------------------------- questions

/** Fields every bank question has; inline checks may leave them out. */
const bankFields = {
  id: Id,
  module: Id,
  skills: Ids.min(1),
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)], {
    error: "problem.schema.difficulty",
  }),
  /** The parallel form of the pre/post-test blueprint this question is in, if any. */
  form: Form.optional(),
  /** The decision an agent makes that the question tests ("质量问题不按无理由退货处理"). */
  decision: Text.optional(),
};

function questionUnion<const F extends z.ZodRawShape>(fields: F) {
  const s = questionShapes;
  return z.discriminatedUnion("type", [
    z.strictObject({ ...fields, ...s.single }),
    z.strictObject({ ...fields, ...s.multiple }),
    z.strictObject({ ...fields, ...s.truefalse }),
    z.strictObject({ ...fields, ...s.ordering }),
    z.strictObject({ ...fields, ...s.matching }),
    z.strictObject({ ...fields, ...s.fillin }),
    z.strictObject({ ...fields, ...s.written }),
  ]);
}

/** A bank question: one of the seven types, told apart by `type`. */
export const QuestionSchema = questionUnion(bankFields);
export type Question = z.infer<typeof QuestionSchema>;

/** A question written in place in a lesson's ```quiz fence. */
export const InlineQuestionSchema = questionUnion({
  id: bankFields.id.optional(),
  module: bankFields.module.optional(),
  skills: bankFields.skills.optional(),
  difficulty: bankFields.difficulty.optional(),
  form: bankFields.form,
  decision: bankFields.decision,
});
export type InlineQuestion = z.infer<typeof InlineQuestionSchema>;

/** A ```quiz fence that points at a bank question instead. */
export const InlineRefSchema = z.strictObject({ ref: Id });
export type InlineRef = z.infer<typeof InlineRefSchema>;

/**
 * A ```quiz fence: a question or `{ref}`. Parse with {@link inlineQuizSchemaFor}
 * to get errors for the intended shape rather than a union of both.
 */
export const InlineQuizSchema = z.union([
  InlineRefSchema,
  InlineQuestionSchema,
]);
export type InlineQuiz = z.infer<typeof InlineQuizSchema>;

/** Picks the inline quiz schema the author meant: `{ref}` when `ref` is present. */
export function inlineQuizSchemaFor(data: unknown): z.ZodType<InlineQuiz> {
  const isRef = typeof data === "object" && data !== null && "ref" in data;
  return isRef ? InlineRefSchema : InlineQuestionSchema;
}

/** `assessments/quizzes/<bank>.yaml`. */
export const QuestionBankSchema = z.strictObject({
  id: Id,
  title: Text,
  questions: z.array(QuestionSchema).min(1),
});
export type QuestionBank = z.infer<typeof QuestionBankSchema>;

// ---------------------------------------------------------------- rubrics

/** A required criterion: what a reply must contain, as patterns. */
export const RequiredCriterionSchema = z.strictObject({
  id: Id,
  label: Text,
  element: ReplyElement,
  patterns: z.array(z.string().min(1)).min(1),
  examples: z.array(Text).optional(),
  hint: Text,
});
export type RequiredCriterion = z.infer<typeof RequiredCriterionSchema>;

/** `assessments/rubrics/<id>.yaml`: criteria for free-text replies. */
export const RubricSchema = z.strictObject({
  id: Id,
  title: Text,
  length: z.strictObject({ min: z.int().min(0), max: z.int().min(1) }),
  required: z.array(RequiredCriterionSchema).min(1),
  forbidden: z.array(z.strictObject({
    id: Id,
    label: Text,
    category: ForbiddenCategory,
    patterns: z.array(z.string().min(1)).min(1),
    deduction: z.number().min(0).max(100),
    hint: Text,
  })).default([]),
});
export type Rubric = z.infer<typeof RubricSchema>;

// ---------------------------------------------------------------- scenarios

/** When a choice is offered or a branch taken; every listed test must hold. */
export const ConditionSchema = z.strictObject({
  moodAtLeast: z.number().min(0).max(100).optional(),
  moodBelow: z.number().min(0).max(100).optional(),
  /** `node.choice` ids the learner must have picked. */
  chose: z.array(
    z.string().regex(/^[a-z0-9-]+\.[a-z0-9-]+$/, {
      error: "problem.schema.node_choice",
    }),
  ).optional(),
  notChose: z.array(
    z.string().regex(/^[a-z0-9-]+\.[a-z0-9-]+$/, {
      error: "problem.schema.node_choice",
    }),
  ).optional(),
});
export type Condition = z.infer<typeof ConditionSchema>;

/**
 * Compliance red lines (../shared/domain.md §6): a choice tagged with one, or
 * a reply the grader blocks, is a breach the run records and that no total
 * can make up for.
 */
export const RedLine = z.enum([
  "promise",
  "blame",
  "privacy",
  "superlative",
  "insult",
]);
export type RedLine = z.infer<typeof RedLine>;

/** A conditional `next`: the first branch whose `when` holds wins. */
export const BranchSchema = z.strictObject({ when: ConditionSchema, next: Id });
export type Branch = z.infer<typeof BranchSchema>;

// The messages are keys of lib/i18n/parts/content_check.ts, as every message this schema names.
const nextRequired = (
  missing:
    | "problem.schema.next_choice"
    | "problem.schema.next_pass"
    | "problem.schema.next_fail",
) =>
  z.string({
    error: (iss) => iss.input === undefined ? missing : undefined,
  }).pipe(Id);

/** One option at a choice node. */
export const ScenarioChoiceSchema = z.strictObject({
  id: Id,
  text: Text,
  scores: z.partialRecord(Dimension, z.number()).default({}),
  mood: z.number().min(-50).max(50).default(0),
  feedback: Text,
  next: nextRequired("problem.schema.next_choice"),
  branches: z.array(BranchSchema).optional(),
  when: ConditionSchema.optional(),
  /** The option crosses this red line: the run records a breach and cannot pass. */
  redLine: RedLine.optional(),
});
export type ScenarioChoice = z.infer<typeof ScenarioChoiceSchema>;

/** The free-text answer of a reply node, scored by a rubric. */
export const ScenarioReplySchema = z.strictObject({
  rubric: Id,
  elements: z.array(ReplyElement).optional(),
  instruction: Text,
  modelAnswer: Text,
  passPercent: Percent,
  next: nextRequired("problem.schema.next_pass"),
  failNext: nextRequired("problem.schema.next_fail"),
  branches: z.array(BranchSchema).optional(),
  dimension: Dimension.optional(),
});
export type ScenarioReply = z.infer<typeof ScenarioReplySchema>;

/** A step of the conversation: the customer speaks, the learner chooses or replies. */
export const ScenarioNodeSchema = z.strictObject({
  customer: Text,
  choices: z.array(ScenarioChoiceSchema).min(1).optional(),
  reply: ScenarioReplySchema.optional(),
}).superRefine((node, ctx) => {
  if ((node.choices === undefined) === (node.reply === undefined)) {
    ctx.addIssue({
      code: "custom",
      message: "problem.schema.choices_or_reply",
    });
  }
});
export type ScenarioNode = z.infer<typeof ScenarioNodeSchema>;

/** Where a conversation stops. */
export const ScenarioEndingSchema = z.strictObject({
  outcome: z.enum(["resolved", "escalated", "lost"]),
  customer: Text,
  debrief: Text,
});
export type ScenarioEnding = z.infer<typeof ScenarioEndingSchema>;

/**
 * What each kind of failure costs a run, in points off its total (the same
 * points the choices give). A run with a failed reply or a breach never
 * passes, whatever these are.
 */
export const ScenarioPenaltiesSchema = z.strictObject({
  /** A reply that fails its node (below `passPercent` or blocked). */
  failedReply: z.number().min(0).max(50).default(8),
  /** A red-line choice or a blocked reply, on top of a failed reply's cost. */
  redLine: z.number().min(0).max(50).default(10),
  /** A first response after `firstResponseSeconds`. */
  late: z.number().min(0).max(50).default(4),
});
export type ScenarioPenalties = z.infer<typeof ScenarioPenaltiesSchema>;

/** `assessments/scenarios/<id>.yaml`: a branching chat. */
export const ScenarioSchema = z.strictObject({
  id: Id,
  title: Text,
  summary: Text,
  module: Id,
  skills: Ids.min(1),
  persona: z.strictObject({
    name: Text,
    channel: z.enum(["chat", "phone", "social"]),
    psychology: Psychology,
    mood: z.number().min(0).max(100),
    background: Text.optional(),
  }),
  firstResponseSeconds: z.int().min(1),
  penalties: ScenarioPenaltiesSchema.prefault({}),
  start: Id,
  nodes: z.record(Id, ScenarioNodeSchema),
  endings: z.record(Id, ScenarioEndingSchema),
});
export type Scenario = z.infer<typeof ScenarioSchema>;

// ---------------------------------------------------------------- other assessments

/** `assessments/drills/<id>.yaml`: timed quick replies. */
export const DrillSchema = z.strictObject({
  id: Id,
  title: Text,
  module: Id,
  skills: Ids.min(1),
  rubric: Id,
  items: z.array(z.strictObject({
    id: Id,
    customer: Text,
    seconds: z.int().min(1),
    elements: z.array(ReplyElement).optional(),
    /** What this customer's message needs answered; every one must be met. */
    criteria: z.array(RequiredCriterionSchema).optional(),
    /**
     * An "adapt the reply" item: the id of a library reply the learner
     * starts from, fills in from the customer's message and adjusts.
     */
    reply: Id.optional(),
    modelAnswer: Text,
  })).min(1),
});
export type Drill = z.infer<typeof DrillSchema>;

const SurveyQuestion = z.discriminatedUnion("type", [
  z.strictObject({
    id: Id,
    type: z.literal("likert"),
    prompt: Text,
    optional: z.boolean().optional(),
  }),
  z.strictObject({
    id: Id,
    type: z.literal("nps"),
    prompt: Text,
    optional: z.boolean().optional(),
  }),
  z.strictObject({
    id: Id,
    type: z.literal("choice"),
    prompt: Text,
    options: z.array(Text).min(2),
    optional: z.boolean().optional(),
  }),
  z.strictObject({
    id: Id,
    type: z.literal("text"),
    prompt: Text,
    optional: z.boolean().optional(),
  }),
]);

/** `assessments/surveys/<id>.yaml`: a reaction questionnaire. */
export const SurveySchema = z.strictObject({
  id: Id,
  title: Text,
  when: z.enum(["module-end", "onboarding-end"]),
  module: Id.optional(),
  /** Responses are never shown by name to the learner's manager or trainers. */
  anonymous: z.boolean().optional(),
  /** Below this many responses trainers see no aggregate (default 5). */
  minReportN: z.int().min(1).optional(),
  questions: z.array(SurveyQuestion).min(1),
}).superRefine((s, ctx) => {
  if (s.when === "module-end" && s.module === undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["when"],
      message: "problem.schema.module_end",
    });
  }
});
export type Survey = z.infer<typeof SurveySchema>;

/** What a critical QA item guards against; a breach fails the conversation. */
export const CriticalCategory = z.enum([
  "privacy",
  "promise",
  "abuse",
  "superlative",
  "blame",
]);
export type CriticalCategory = z.infer<typeof CriticalCategory>;

/** `assessments/observations/<id>.yaml`: the on-the-job QA scorecard. */
export const ObservationSchema = z.strictObject({
  id: Id,
  title: Text,
  passPercent: Percent,
  /** Red lines: one breach fails the conversation whatever its points. */
  critical: z.array(
    z.strictObject({ id: Id, category: CriticalCategory, text: Text }),
  ).optional(),
  /** Coaching points, scored. */
  sections: z.array(z.strictObject({
    id: Id,
    title: Text,
    items: z.array(
      z.strictObject({
        id: Id,
        text: Text,
        points: z.number().positive(),
        /** Skills the criterion checks: the QA loop assigns practice by them. */
        skills: Ids.optional(),
      }),
    ).min(1),
  })).min(1),
});
export type Observation = z.infer<typeof ObservationSchema>;

/** `assessments/exams/<id>.yaml`. */
export const ExamSchema = z.strictObject({
  id: Id,
  title: Text,
  kind: z.enum(["certification", "pretest", "posttest"]),
  bank: Ids.min(1),
  draw: z.array(DrawRuleSchema).min(1),
  scenarios: Ids.optional(),
  timeLimitMinutes: z.int().min(1),
  passPercent: Percent,
  /** Submitted attempts allowed (no limit when absent). */
  maxAttempts: z.int().min(1).optional(),
  /** Hours after a submitted attempt before the next may start. */
  cooldownHours: z.number().min(0).optional(),
  /** Ask a confidence rating beside each question (lib/quiz/confidence.ts). */
  confidence: z.boolean().optional(),
});
export type Exam = z.infer<typeof ExamSchema>;

/**
 * `assessments/certifications/<id>.yaml`: a certification level. Every rule
 * present must hold; the engine (lib/certification/rules.ts) explains each.
 */
export const CertificationSchema = z.strictObject({
  id: Id,
  title: Text,
  /** The level's name on the English certificate. */
  titleEn: Text,
  description: Text,
  descriptionEn: Text,
  /** What the holder did, as the credential's criteria narrative states it. */
  criteria: Text,
  /** The plan whose items count (rule `planItems`). */
  plan: Id.optional(),
  /** A level that must be held (valid) first. */
  requires: Id.optional(),
  validityMonths: z.int().min(1).max(120),
  /** Days before expiry that the learner is reminded to recertify. */
  reminderDays: z.int().min(1).max(180).default(30),
  rules: z.strictObject({
    /** Every plan item (exams and surveys have rules of their own). */
    planItems: z.boolean().optional(),
    quizzes: z.strictObject({ modules: Ids.min(1), minPercent: Percent })
      .optional(),
    scenarios: z.strictObject({
      refs: Ids.min(1),
      minAverage: Percent,
      /** No red-line (forbidden wording) breach in the counted runs. */
      noRedLine: z.boolean(),
    }).optional(),
    exam: z.strictObject({ ref: Id }).optional(),
    surveys: Ids.min(1).optional(),
    /** A behaviour (level 3) score from the on-the-job QA observation. */
    observation: z.strictObject({ ref: Id, minPercent: Percent }).optional(),
  }),
  /** How a holder renews before expiry: the listed rules again, on evidence from the renewal window. */
  recertification: z.strictObject({
    exam: Id.optional(),
    scenarios: z.boolean().optional(),
  }).optional(),
});
export type Certification = z.infer<typeof CertificationSchema>;

/** Plan items that point at other content by id. */
export const PlanRefKind = z.enum([
  "lesson",
  "quiz",
  "scenario",
  "drill",
  "survey",
  "exam",
  "observation",
]);
export type PlanRefKind = z.infer<typeof PlanRefKind>;

const PlanItemSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: PlanRefKind, ref: Id }),
  // Offline work a mentor confirms; it has no content to point at.
  z.strictObject({
    kind: z.literal("shadowing"),
    title: Text,
    minutes: z.int().min(1),
  }),
  z.strictObject({ kind: z.literal("milestone"), title: Text }),
]);

/** The weekdays, Monday first (a plan's `startsOn`; the rota check counts from it). */
export const WEEKDAYS = [
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
] as const;

/** `assessments/plans/<id>.yaml`: the 30-day onboarding plan. */
export const PlanSchema = z.strictObject({
  id: Id,
  title: Text,
  course: Id,
  /** The weekday of day 1 (cohorts start on it), so the rota can be checked against weekends. */
  startsOn: z.enum(WEEKDAYS).optional(),
  days: z.array(z.strictObject({
    day: z.int().min(1).max(30, { error: "problem.schema.day" }),
    title: Text.optional(),
    rest: z.boolean().optional(),
    /** A worked weekend day, or a promotion-day (618, 双11) drill. */
    shift: z.enum(["weekend", "promotion"]).optional(),
    items: z.array(PlanItemSchema).optional(),
  })).min(1),
});
export type Plan = z.infer<typeof PlanSchema>;
export type PlanItem = z.infer<typeof PlanItemSchema>;

/** `courses/<course>/coverage.yaml`: where each domain fact is taught and asked. */
export const CoverageSchema = z.strictObject({
  facts: z.array(z.strictObject({
    id: Id,
    fact: Text,
    /** Phrases that show the fact is there: a mapped lesson must hold one, and so must a mapped question. */
    key: z.array(Text).min(1).optional(),
    lessons: Ids.default([]),
    questions: Ids.default([]),
    scenarios: Ids.optional(),
  })).min(1),
});
export type Coverage = z.infer<typeof CoverageSchema>;
