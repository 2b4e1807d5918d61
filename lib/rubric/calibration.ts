/**
 * Calibration of the grader against replies labelled by a trainer: per
 * criterion (the six reply elements, the five red lines and "any red line")
 * the agreement, Cohen's kappa, precision and recall. The positive class is
 * "met" for an element and "crossed" for a red line.
 *
 * The labelled set lives in `testdata/calibration.yaml`; `deno task
 * calibrate` prints the table and `calibration_test.ts` holds the bar.
 *
 * @module
 */
import { z } from "zod";
import { parse } from "yaml";
import {
  ReplyElement,
  type Rubric,
  RubricSchema,
} from "@/lib/content/schema.ts";
import { gradeReply, RED_LINES, type RedLine } from "./rubric.ts";

/** Counts of a binary judgement against its labels. */
export interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

/** Figures for one criterion. NaN where the figure is undefined (no positives). */
export interface Figures extends Confusion {
  n: number;
  agreement: number;
  kappa: number;
  precision: number;
  recall: number;
}

/**
 * Cohen's kappa for two raters on a binary label: (po - pe) / (1 - pe), with
 * po the observed agreement and pe the agreement expected by chance from each
 * rater's share of positives. When both raters give one class to every item
 * (pe = 1) kappa is 1 if they agree and NaN otherwise.
 */
export function cohenKappa({ tp, fp, fn, tn }: Confusion): number {
  const n = tp + fp + fn + tn;
  if (n === 0) return NaN;
  const po = (tp + tn) / n;
  const labelPos = (tp + fn) / n;
  const gradePos = (tp + fp) / n;
  const pe = labelPos * gradePos + (1 - labelPos) * (1 - gradePos);
  if (pe === 1) return po === 1 ? 1 : NaN;
  return (po - pe) / (1 - pe);
}

/** Agreement, kappa, precision and recall from a confusion table. */
export function figures(c: Confusion): Figures {
  const n = c.tp + c.fp + c.fn + c.tn;
  return {
    ...c,
    n,
    agreement: n ? (c.tp + c.tn) / n : NaN,
    kappa: cohenKappa(c),
    precision: c.tp + c.fp ? c.tp / (c.tp + c.fp) : NaN,
    recall: c.tp + c.fn ? c.tp / (c.tp + c.fn) : NaN,
  };
}

/** One labelled reply. */
export const LabelledReplySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  rubric: z.string(),
  /** A scenario id or drill situation the reply answers. */
  situation: z.string(),
  elements: z.array(ReplyElement).optional(),
  text: z.string(),
  /** Per asked required criterion id: met or not. */
  labels: z.record(z.string(), z.boolean()),
  /** Red lines the reply crosses. */
  redlines: z.array(z.enum(RED_LINES)).default([]),
  /** Red lines it comes near without crossing (negated, asked back, quoted, within policy). */
  near: z.array(z.enum(RED_LINES)).default([]),
});
export type LabelledReply = z.infer<typeof LabelledReplySchema>;

/** The calibration rows, in display order. */
export const CALIBRATION_ROWS = [
  ...ReplyElement.options,
  ...RED_LINES.map((r) => `redline:${r}` as const),
  "redline:any",
] as const;
export type CalibrationRow = typeof CALIBRATION_ROWS[number];

/** A reply where the grader and the label differ. */
export interface Disagreement {
  id: string;
  row: CalibrationRow;
  label: boolean;
  grader: boolean;
  text: string;
}

/** The result of a calibration run. */
export interface Calibration {
  replies: number;
  rows: Map<CalibrationRow, Figures>;
  disagreements: Disagreement[];
}

/** Grades every labelled reply and compares per row. */
export function calibrate(
  replies: readonly LabelledReply[],
  rubrics: ReadonlyMap<string, Rubric>,
): Calibration {
  const tables = new Map<CalibrationRow, Confusion>(
    CALIBRATION_ROWS.map((r) => [r, { tp: 0, fp: 0, fn: 0, tn: 0 }]),
  );
  const disagreements: Disagreement[] = [];
  const count = (
    row: CalibrationRow,
    label: boolean,
    grader: boolean,
    reply: LabelledReply,
  ) => {
    const t = tables.get(row)!;
    if (label && grader) t.tp++;
    else if (!label && grader) t.fp++;
    else if (label && !grader) t.fn++;
    else t.tn++;
    if (label !== grader) {
      disagreements.push({
        id: reply.id,
        row,
        label,
        grader,
        text: reply.text,
      });
    }
  };
  for (const reply of replies) {
    const rubric = rubrics.get(reply.rubric);
    if (!rubric) throw new Error(`${reply.id}: no rubric "${reply.rubric}"`);
    const v = gradeReply(rubric, reply.text, { elements: reply.elements });
    for (const [id, label] of Object.entries(reply.labels)) {
      const c = v.criteria.find((c) => c.id === id);
      if (!c) {
        throw new Error(`${reply.id}: "${id}" is not a criterion graded here`);
      }
      count(c.element, label, c.met, reply);
    }
    const found = new Set<RedLine>(v.blockers.map((b) => b.category));
    for (const r of RED_LINES) {
      count(`redline:${r}`, reply.redlines.includes(r), found.has(r), reply);
    }
    count("redline:any", reply.redlines.length > 0, found.size > 0, reply);
  }
  return {
    replies: replies.length,
    rows: new Map([...tables].map(([k, c]) => [k, figures(c)])),
    disagreements,
  };
}

/** Reads the bundled rubrics and the labelled set. */
export async function loadCalibration(root: URL): Promise<{
  rubrics: Map<string, Rubric>;
  replies: LabelledReply[];
}> {
  const dir = new URL("assessments/rubrics/", root);
  const rubrics = new Map<string, Rubric>();
  for await (const entry of Deno.readDir(dir)) {
    if (!entry.name.endsWith(".yaml")) continue;
    const rubric = RubricSchema.parse(
      parse(await Deno.readTextFile(new URL(entry.name, dir))),
    );
    rubrics.set(rubric.id, rubric);
  }
  const text = await Deno.readTextFile(
    new URL("lib/rubric/testdata/calibration.yaml", root),
  );
  const replies = z.array(LabelledReplySchema).parse(parse(text));
  return { rubrics, replies };
}

const pct = (x: number) =>
  Number.isNaN(x) ? "  n/a" : `${(100 * x).toFixed(1).padStart(5)}%`;
const num = (x: number) => Number.isNaN(x) ? "  n/a" : x.toFixed(2).padStart(5);

/** The calibration table as text (for the task and the docs). */
export function formatCalibration(c: Calibration): string {
  const lines = [
    `${c.replies} labelled replies`,
    "",
    "criterion              n   agree  kappa  precision  recall   tp  fp  fn",
  ];
  for (const [row, f] of c.rows) {
    lines.push(
      `${row.padEnd(20)} ${String(f.n).padStart(4)}  ${pct(f.agreement)}  ${
        num(f.kappa)
      }     ${num(f.precision)}   ${num(f.recall)}  ${
        String(f.tp).padStart(3)
      } ${String(f.fp).padStart(3)} ${String(f.fn).padStart(3)}`,
    );
  }
  return lines.join("\n");
}
