/**
 * `deno task content:check [dir]`: validates every course and assessment
 * under `dir` (the project root by default), prints each problem as
 * `path:line:col: message`, then a table of what the content holds. Exits 1
 * when there is any problem, so CI and the lead see broken content at once.
 *
 * @module
 */
import { resolve } from "node:path";
import {
  checkContent,
  type ContentCounts,
  countContent,
} from "../lib/authoring/check.ts";
import {
  loadContent,
  PROJECT_ROOT,
  sortProblems,
} from "../lib/content/loader.ts";
import { type Problem, problemLine } from "../lib/content/source.ts";
import {
  bankBalance,
  formatBankBalance,
} from "../lib/authoring/checks/bank_balance.ts";
import { parse as parseYamlText } from "yaml";
import { type Policy, PolicySchema } from "../lib/content/policy.ts";
import type { ReplySet } from "../lib/content/reply_schema.ts";
import { policyImpact } from "../lib/replies/policy_impact.ts";

/**
 * The policy file as last committed, to list what an uncommitted policy
 * change touches; null outside a git checkout or when it is not committed.
 */
async function committedPolicy(root: string): Promise<Policy | null> {
  try {
    const out = await new Deno.Command("git", {
      args: ["show", "HEAD:assessments/policy.yaml"],
      cwd: root,
      stdout: "piped",
      stderr: "null",
    }).output();
    if (!out.success) return null;
    const parsed = PolicySchema.safeParse(
      parseYamlText(new TextDecoder().decode(out.stdout)),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Lines naming each changed house figure and the library replies re-checked for it. */
export function formatPolicyImpact(
  before: Policy,
  after: Policy,
  sets: readonly ReplySet[],
): string[] {
  return policyImpact(before, after, sets).map((c) =>
    `policy ${c.figure}: ${c.from ?? "(new)"} -> ${
      c.to ?? "(removed)"
    }; replies re-checked: ${c.replies.join(", ") || "none"}`
  );
}

/** Formats one problem the way editors and terminals link to it, in English. */
export function formatProblem(p: Problem): string {
  return problemLine(p);
}

/** The counts as an aligned two-column table. */
export function formatCounts(c: ContentCounts): string {
  const q = c.questions;
  const rows: [string, string][] = [
    [
      "courses / modules / lessons",
      `${c.courses} / ${c.modules} / ${c.lessons}`,
    ],
    ["inline checks", `${c.inlineChecks}`],
    ["questions", `${Object.values(q).reduce((a, b) => a + b, 0)}`],
    ...Object.entries(q).map(([type, n]) =>
      [`  ${type}`, `${n}`] as [string, string]
    ),
    ["scenarios", `${c.scenarios}`],
    ["  decision points", `${c.decisionPoints}`],
    ["  free-text nodes", `${c.freeTextNodes}`],
    [
      "  psychology types",
      `${c.psychologies.join(", ") || "none"}${
        c.allPsychologies ? " (all four)" : " (not all four)"
      }`,
    ],
    ["drill sets / items", `${c.drillSets} / ${c.drillItems}`],
    ["rubrics", `${c.rubrics}`],
    ["surveys", `${c.surveys}`],
    ["observations", `${c.observations}`],
    ["exams", `${c.exams}`],
    ["plans", `${c.plans}`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join("\n");
}

if (import.meta.main) {
  const root = Deno.args[0] ? resolve(Deno.args[0]) : PROJECT_ROOT;
  const { tree, problems: loadProblems } = await loadContent(root);
  const problems = sortProblems([...loadProblems, ...checkContent(tree)]);
  for (const p of problems) console.log(formatProblem(p));
  if (problems.length > 0) console.log("");
  console.log(formatCounts(countContent(tree)));
  console.log("");
  for (const b of bankBalance(tree)) console.log(formatBankBalance(b));
  console.log("");
  const sets = (tree.replySets ?? []).map((s) => s.data);
  console.log(
    `reply library: ${
      sets.reduce((n, s) => n + s.replies.length, 0)
    } replies in ${sets.length} situations, each graded`,
  );
  const before = await committedPolicy(root);
  if (before && tree.policy) {
    for (const line of formatPolicyImpact(before, tree.policy.data, sets)) {
      console.log(line);
    }
  }
  console.log("");
  console.log(
    problems.length === 0
      ? "Content OK"
      : `${problems.length} problem${problems.length === 1 ? "" : "s"}`,
  );
  Deno.exit(problems.length > 0 ? 1 : 0);
}
