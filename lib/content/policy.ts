/**
 * The house policy file (`assessments/policy.yaml`): every figure an agent
 * quotes (refund days, review and warehouse times, compensation authority,
 * response-time targets, the escalation route) declared once with its source.
 * Content refers to a figure as `{{id}}`; the loader fills the placeholders
 * before anything else sees the text, so lessons, questions, rubrics, model
 * answers and scenarios all show the figure the policy holds today.
 *
 * Also the figure reader the policy check uses: it finds durations, amounts
 * and percentages in Chinese text ("一到三个工作日", "1-2 天", "3、5 或 10 元",
 * "半小时") and turns them into numbers in a base unit.
 *
 * @module
 */
import { z } from "zod";
import { Id, Text } from "./question_shapes/fields.ts";

/** Where a figure comes from: the law, a platform's rules centre, or our own rule. */
export const PolicySource = z.enum(["law", "platform", "house"]);
export type PolicySource = z.infer<typeof PolicySource>;

/** One declared figure. */
export const PolicyFigureSchema = z.strictObject({
  id: Id,
  /** What `{{id}}` is replaced with, as a learner reads it ("1-2 天"). */
  value: Text,
  /** What the figure is about, for trainers. */
  label: Text,
  source: PolicySource,
  /** The law's article, the platform rule or the house rule it rests on. */
  basis: Text,
  /**
   * Words that mark a sentence as being about this figure. A sentence with
   * one of them that states a figure of the same kind (time, money,
   * percent) must state one of the figures its topics allow.
   */
  topic: z.array(Text).optional(),
});
export type PolicyFigure = z.infer<typeof PolicyFigureSchema>;

/** `assessments/policy.yaml`. */
export const PolicySchema = z.strictObject({
  id: Id,
  title: Text,
  figures: z.array(PolicyFigureSchema).min(1),
});
export type Policy = z.infer<typeof PolicySchema>;

/** `{{ id }}`: a policy placeholder. */
export const PLACEHOLDER = /\{\{\s*([a-z0-9]+(?:-[a-z0-9]+)*)\s*\}\}/g;

/** Replaces every known `{{id}}` in `text`; unknown ones stay for the check to report. */
export function fillText(
  text: string,
  values: ReadonlyMap<string, string>,
): string {
  if (!text.includes("{{")) return text;
  return text.replace(
    PLACEHOLDER,
    (whole, id: string) => values.get(id) ?? whole,
  );
}

/** Fills placeholders in every string of parsed data (objects and arrays, recursively). */
export function fillData(
  data: unknown,
  values: ReadonlyMap<string, string>,
): unknown {
  if (values.size === 0) return data;
  if (typeof data === "string") return fillText(data, values);
  if (Array.isArray(data)) return data.map((d) => fillData(d, values));
  if (data !== null && typeof data === "object") {
    return Object.fromEntries(
      Object.entries(data).map(([k, v]) => [k, fillData(v, values)]),
    );
  }
  return data;
}

/** The kind of quantity a figure states; only like kinds are compared. */
export type FigureKind = "time" | "money" | "percent";

/** A figure found in text. */
export interface FoundFigure {
  kind: FigureKind;
  /** Each number stated, in minutes (time), yuan (money) or percent. */
  values: number[];
  /** Offset and length of the matched text. */
  index: number;
  text: string;
}

const DIGITS: Record<string, number> = {
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Reads an Arabic or Chinese numeral ("15", "十五", "二十", "两", "半", "20 万"). */
export function readNumber(raw: string): number | undefined {
  const s = raw.replace(/\s+/g, "");
  const wan = s.endsWith("万");
  const core = wan ? s.slice(0, -1) : s;
  let n: number | undefined;
  if (/^\d+(\.\d+)?$/.test(core)) n = Number(core);
  else if (core === "半") n = 0.5;
  else if (/^[零一二两三四五六七八九十百千]+$/.test(core)) {
    let total = 0;
    let digit = 0;
    for (const ch of core) {
      if (ch in DIGITS) digit = DIGITS[ch];
      else {
        const unit = ch === "十" ? 10 : ch === "百" ? 100 : 1000;
        total += (digit || 1) * unit;
        digit = 0;
      }
    }
    n = total + digit;
  }
  if (n === undefined) return undefined;
  return wan ? n * 10000 : n;
}

const NUM = String
  .raw`(?:\d+(?:\.\d+)?|[零一二两三四五六七八九十百千半]+)\s*万?`;
const SEP = String.raw`\s*(?:-|~|～|–|—|到|至|、|或|和|\/)\s*`;
const UNIT = String
  .raw`(个\s*)?(工作日|小时|钟头|分钟|秒钟|秒|天|日|周|元|块钱|块|%|％|h(?![a-zA-Z])|min(?![a-zA-Z])|s(?![a-zA-Z]))`;
const FIGURE = new RegExp(
  String.raw`(?<![第几\d.]\s*)(${NUM}(?:${SEP}${NUM})*)\s*${UNIT}`,
  "g",
);

const UNIT_VALUE: Record<string, [FigureKind, number]> = {
  工作日: ["time", 1440],
  天: ["time", 1440],
  日: ["time", 1440],
  周: ["time", 10080],
  小时: ["time", 60],
  钟头: ["time", 60],
  h: ["time", 60],
  分钟: ["time", 1],
  min: ["time", 1],
  秒: ["time", 1 / 60],
  秒钟: ["time", 1 / 60],
  s: ["time", 1 / 60],
  元: ["money", 1],
  块: ["money", 1],
  块钱: ["money", 1],
  "%": ["percent", 1],
  "％": ["percent", 1],
};

/** Every time, money or percent figure stated in `text`. */
export function findFigures(text: string): FoundFigure[] {
  const out: FoundFigure[] = [];
  for (const m of text.matchAll(FIGURE)) {
    const [kind, factor] = UNIT_VALUE[m[3]];
    const parts = m[1].split(new RegExp(SEP));
    const values = parts.map(readNumber);
    if (values.some((v) => v === undefined)) continue;
    out.push({
      kind,
      values: values.map((v) => round(v! * factor)),
      index: m.index!,
      text: m[0],
    });
  }
  return out;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** The figures a policy value states ("1-2 天" gives time 1440 and 2880). */
export function figureValues(value: string): FoundFigure[] {
  return findFigures(value);
}
