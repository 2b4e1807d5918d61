/**
 * The reply library (`assessments/replies/*.yaml`) is checked like every
 * other content: each reply is graded by the rubric grader learners are
 * scored by (no red line; the criteria its stage requires, no vague words),
 * its `{名}` placeholders must be known names with both braces, its
 * `{{policy}}` figures must be the ones it lists and exist, a number a house
 * figure covers must be written as the figure, not copied, it must name
 * lessons that exist, and no two replies may say nearly the same thing.
 * Contradicting figures are reported by policy_figures.ts, which scans every
 * content file.
 *
 * @module
 */
import { gradeReply } from "@/lib/rubric/rubric.ts";
import type { ContentTree, Loaded } from "../../content/loader.ts";
import type { ReplySet } from "../../content/reply_schema.ts";
import {
  figureValues,
  findFigures,
  PLACEHOLDER,
} from "../../content/policy.ts";
import {
  type DataPath,
  locate,
  msg,
  parseYaml,
  type PosIndex,
  type Problem,
  problemAt,
  type ProblemMessage,
} from "../../content/source.ts";
import {
  fillSamples,
  findPlaceholders,
  PLACEHOLDERS,
  strayBraces,
} from "@/lib/replies/placeholders.ts";
import { DEFAULT_REPLY_RUBRIC, STAGE_ELEMENTS } from "@/lib/replies/stages.ts";
import { bigrams, similarity } from "./near_duplicates.ts";

/** Text similarity (character bigrams, placeholders left out) at or above which two replies are near-duplicates. */
export const REPLY_NEAR_DUPLICATE = 0.72;

interface RawReply {
  text?: unknown;
  tone?: unknown;
  avoid?: unknown;
}

/** Reports every problem of the reply library. */
export function checkReplies(tree: ContentTree): Problem[] {
  const problems: Problem[] = [];
  const sets = tree.replySets ?? [];
  const rubrics = new Map(tree.rubrics.map((r) => [r.data.id, r.data]));
  const figures = tree.policy?.data.figures ?? [];
  const figureIds = new Set(figures.map((f) => f.id));
  const lessons = new Set(
    tree.courses.flatMap((c) =>
      c.modules.flatMap((m) => m.lessons.map((l) => l.data.id))
    ),
  );
  const seen = new Map<string, string>();
  const texts: {
    id: string;
    where: string;
    set: Loaded<ReplySet>;
    i: number;
    grams: Map<string, number>;
  }[] = [];

  for (const set of sets) {
    const add = (at: DataPath, message: ProblemMessage) =>
      problems.push(problemAt(set.path, set.pos, at, message));
    const name = set.path.split("/").pop()!.replace(/\.ya?ml$/, "");
    if (name !== set.data.id) {
      add(["id"], msg("problem.replies.file_name", { id: set.data.id, name }));
    }
    // Placeholders are filled at load; the raw text shows what was written.
    const raw = (parseYaml(tree.sources?.[set.path] ?? "", set.path).data as {
      replies?: RawReply[];
    } | undefined)?.replies ?? [];

    set.data.replies.forEach((reply, i) => {
      const at = (field: string): DataPath => ["replies", i, field];
      const first = seen.get(reply.id);
      if (first) {
        add(
          at("id"),
          msg("problem.replies.duplicate", { id: reply.id, file: first }),
        );
      } else seen.set(reply.id, set.path);
      const r = raw[i] ?? {};
      const rawText = typeof r.text === "string" ? r.text : reply.text;

      // ---- named placeholders
      for (const p of findPlaceholders(rawText)) {
        if (!p.known) {
          add(
            at("text"),
            msg("problem.replies.unknown_placeholder", {
              name: p.name,
              known: Object.keys(PLACEHOLDERS).map((k) => `{${k}}`).join(" "),
            }),
          );
        }
      }
      for (const offset of strayBraces(rawText)) {
        add(
          at("text"),
          msg("problem.replies.stray_brace", {
            brace: rawText[offset],
            at: offset + 1,
          }),
        );
      }

      // ---- policy figures by reference
      const used = new Set<string>();
      for (const field of [r.text, r.tone, r.avoid]) {
        if (typeof field !== "string") continue;
        for (const m of field.matchAll(PLACEHOLDER)) used.add(m[1]);
      }
      reply.policy.forEach((id, j) => {
        if (!figureIds.has(id)) {
          add(
            ["replies", i, "policy", j],
            msg("problem.replies.unknown_figure", { id }),
          );
        } else if (!used.has(id)) {
          add(
            ["replies", i, "policy", j],
            msg("problem.replies.unused_figure", { id }),
          );
        }
      });
      for (const id of used) {
        if (figureIds.has(id) && !reply.policy.includes(id)) {
          add(
            at("policy"),
            msg("problem.replies.unlisted_figure", { id }),
          );
        }
      }
      // A number a house figure covers is written as the figure, never copied.
      const bare = rawText.replace(PLACEHOLDER, " ").replace(
        /\{[^{}]*\}/g,
        " ",
      );
      for (const found of findFigures(bare)) {
        const copied = figures.find((f) =>
          f.topic?.some((t) => bare.includes(t)) &&
          figureValues(f.value).some((v) =>
            v.kind === found.kind &&
            found.values.every((x) => v.values.includes(x))
          )
        );
        if (copied) {
          add(
            at("text"),
            msg("problem.replies.copied_figure", {
              stated: found.text.trim(),
              id: copied.id,
            }),
          );
        }
      }

      // ---- lessons
      reply.lessons.forEach((id, j) => {
        if (!lessons.has(id)) {
          add(
            ["replies", i, "lessons", j],
            msg("problem.check.missing_ref", {
              kind: msg("problem.kind.lesson"),
              id,
            }),
          );
        }
      });

      // ---- graded like a learner's reply
      const rubricId = reply.rubric ?? DEFAULT_REPLY_RUBRIC;
      const rubric = rubrics.get(rubricId);
      if (!rubric) {
        add(
          at(reply.rubric ? "rubric" : "stage"),
          msg("problem.check.missing_ref", {
            kind: msg("problem.kind.rubric"),
            id: rubricId,
          }),
        );
      } else {
        const v = gradeReply(rubric, fillSamples(reply.text), {
          elements: STAGE_ELEMENTS[reply.stage],
        });
        for (const b of v.blockers) {
          add(
            at("text"),
            msg("problem.replies.red_line", {
              category: b.category,
              code: b.code,
              text: b.span.text,
            }),
          );
        }
        for (const c of v.criteria) {
          if (!c.met) {
            add(
              at("text"),
              msg("problem.replies.criterion", {
                stage: reply.stage,
                label: c.label,
                element: c.element ?? "",
                rubric: rubricId,
                reason: c.reason,
              }),
            );
          }
        }
        for (const d of v.deductions) {
          if (d.kind === "vague") {
            add(
              at("text"),
              msg("problem.replies.vague", {
                spans: d.spans.map((s) => `“${s.text}”`).join(" "),
              }),
            );
          }
        }
      }

      texts.push({
        id: reply.id,
        where: set.path,
        set,
        i,
        grams: bigrams(
          rawText.replace(PLACEHOLDER, "").replace(/\{[^{}]*\}/g, ""),
        ),
      });
    });
  }

  // ---- adapt-drill items name a reply of the library
  for (const d of tree.drills) {
    d.data.items.forEach((item, i) => {
      if (!item.reply) return;
      if (!seen.has(item.reply)) {
        problems.push(problemAt(
          d.path,
          d.pos,
          ["items", i, "reply"],
          msg("problem.replies.unknown_reply", { id: item.reply }),
        ));
      }
      for (const p of findPlaceholders(item.modelAnswer)) {
        problems.push(problemAt(
          d.path,
          d.pos,
          ["items", i, "modelAnswer"],
          msg("problem.replies.unfilled", { name: p.name }),
        ));
      }
    });
  }

  // ---- near-duplicates
  for (let j = 1; j < texts.length; j++) {
    for (let i = 0; i < j; i++) {
      const s = similarity(texts[i].grams, texts[j].grams);
      if (s < REPLY_NEAR_DUPLICATE) continue;
      const first = texts[i];
      const { line } = locate(first.set.pos, ["replies", first.i, "text"]);
      const e = texts[j];
      problems.push(problemAt(
        e.set.path,
        e.set.pos,
        ["replies", e.i, "text"],
        msg("problem.replies.near_duplicate", {
          id: e.id,
          other: first.id,
          where: `${first.where}:${line}`,
          similarity: s.toFixed(2),
        }),
      ));
      break;
    }
  }
  return problems;
}

/** The replies that rely on each house figure (for listing what a policy change touches). */
export function repliesByFigure(
  sets: readonly ReplySet[],
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const s of sets) {
    for (const r of s.replies) {
      for (const id of r.policy) out.set(id, [...out.get(id) ?? [], r.id]);
    }
  }
  return out;
}

export type { PosIndex };
