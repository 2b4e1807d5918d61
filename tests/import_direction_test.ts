/**
 * Imports run one way. This test reads the import graph of the project's own
 * files and fails on an edge that runs backwards, naming the file and the
 * import. docs/architecture.md explains the layers; this table is the rule.
 *
 * Layers, top to bottom:
 *
 *   routes/                      pages and handlers: parse, call lib/, render
 *   components/  islands/        server-only markup / small browser parts
 *   lib/                         the domain; inside it content/ is below
 *                                quiz/, scenario/, drill/ and rubric/, and
 *                                authoring/ (the course checker) above them
 *   framework/  ($fresh/)        the Fresh-compatible layer; knows no app
 *
 * Test files (`*_test.ts`) and `testdata/` are exempt: a test may reach up to
 * what it checks against (the policy test walks the route manifest).
 */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";

/** One forbidden direction: files under `from` may not import files under any `to`. */
interface Rule {
  from: string;
  to: string[];
  why: string;
}

/** The app's own files outside framework/ (what framework/ may never import). */
const APP = [
  "lib/",
  "islands/",
  "components/",
  "routes/",
  "main.ts",
  "dev.ts",
  "fresh.gen.ts",
  "fresh.config.ts",
];

/** Every forbidden import direction; a prefix match on project-relative paths. */
export const RULES: Rule[] = [
  {
    from: "lib/",
    to: [
      "islands/",
      "components/",
      "routes/",
      "main.ts",
      "dev.ts",
      "fresh.gen.ts",
    ],
    why: "lib/ is the domain below every view; types a view needs live in lib/",
  },
  {
    from: "components/",
    to: ["routes/"],
    why: "components are rendered by routes, never the reverse",
  },
  {
    from: "islands/",
    to: ["routes/", "components/"],
    why: "islands ship to the browser: plain-data props and lib/ only",
  },
  {
    from: "framework/",
    to: APP,
    why: "the framework knows no app (its own testdata apps aside)",
  },
  {
    from: "lib/content/",
    to: [
      "lib/quiz/",
      "lib/scenario/",
      "lib/drill/",
      "lib/rubric/",
      "lib/authoring/",
      "lib/learning/",
    ],
    why:
      "content (schema, loading, stores) is below the engines that use it; checks that need an engine's rules go in lib/authoring/",
  },
  {
    from: "lib/rubric/",
    to: ["lib/quiz/", "lib/scenario/", "lib/drill/", "lib/authoring/"],
    why:
      "quiz, scenario and drill grade replies with the rubric, not the reverse",
  },
  {
    from: "lib/quiz/",
    to: ["lib/authoring/"],
    why: "the course checker sits above the engines it checks with",
  },
  {
    from: "lib/scenario/",
    to: ["lib/authoring/"],
    why: "the course checker sits above the engines it checks with",
  },
  {
    from: "lib/drill/",
    to: ["lib/authoring/"],
    why: "the course checker sits above the engines it checks with",
  },
];

/**
 * Cycles between lib/ folders that exist today, each a sorted folder list.
 * The rule is that lib/ folders (and the concept folders inside them, such as
 * identity/accounts and identity/teams) form a DAG: no chain of imports leads
 * from a folder back to itself. A new cycle fails the test, and so does a
 * listed one that is gone, so the list only shrinks. It is empty: keep it so.
 */
export const KNOWN_LIB_CYCLES: string[][] = [];

/** One import: the importing file and the file it resolves to (project-relative). */
export interface Edge {
  from: string;
  to: string;
  specifier: string;
}

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const SCANNED = ["lib", "islands", "components", "routes", "framework"];

/** Project files to read: .ts/.tsx under the scanned folders, tests and fixtures aside. */
async function projectFiles(): Promise<string[]> {
  const out: string[] = [];
  async function walk(dir: string) {
    for await (const e of Deno.readDir(ROOT + dir)) {
      const path = `${dir}/${e.name}`;
      if (e.isDirectory) {
        if (!["node_modules", "_fresh", "testdata"].includes(e.name)) {
          await walk(path);
        }
      } else if (/\.tsx?$/.test(e.name) && !/_test\.tsx?$/.test(e.name)) {
        out.push(path);
      }
    }
  }
  for (const dir of SCANNED) await walk(dir);
  return out.sort();
}

// Static imports and re-exports start a line (so JSDoc examples, whose lines
// start with " * ", are not read as imports); the clause holds no ";".
const STATIC =
  /^[ \t]*(?:(?:import|export)\b[^;"'`]*?\bfrom|import)[ \t\n]*["']([^"'\n]+)["']/gm;
// Dynamic imports may sit anywhere in code; lines that are comments are skipped.
const DYNAMIC = /\bimport\(\s*["']([^"'\n]+)["']\s*\)/g;

/** The specifiers a source file imports (static, type-only, re-exports, dynamic). */
export function specifiers(source: string): string[] {
  const found = [...source.matchAll(STATIC)].map((m) => m[1]);
  for (const line of source.split("\n")) {
    if (/^\s*(\/\/|\*|\/\*)/.test(line)) continue;
    found.push(...[...line.matchAll(DYNAMIC)].map((m) => m[1]));
  }
  // A dynamic import split over lines: `import(\n  "x"\n)`.
  for (const m of source.matchAll(/\bimport\(\s*\n\s*["']([^"'\n]+)["']/g)) {
    found.push(m[1]);
  }
  return found;
}

/** A specifier as a project-relative path, or null for packages (npm:, preact, node:). */
export function resolve(fromFile: string, specifier: string): string | null {
  if (specifier.startsWith("@/")) return specifier.slice(2);
  if (specifier.startsWith("$fresh/")) {
    return "framework/" + specifier.slice("$fresh/".length);
  }
  if (specifier.startsWith("./") || specifier.startsWith("../")) {
    return new URL(specifier, `file:///${fromFile}`).pathname.slice(1);
  }
  return null;
}

/** Every import edge between the project's own files. */
async function readGraph(): Promise<Edge[]> {
  const edges: Edge[] = [];
  for (const file of await projectFiles()) {
    const source = await Deno.readTextFile(ROOT + file);
    for (const specifier of new Set(specifiers(source))) {
      const to = resolve(file, specifier);
      if (to !== null) edges.push({ from: file, to, specifier });
    }
  }
  return edges;
}

/** The edges that break a rule, each as a readable line. */
export function backwardEdges(edges: Edge[], rules: Rule[] = RULES): string[] {
  const out: string[] = [];
  for (const e of edges) {
    for (const rule of rules) {
      if (!e.from.startsWith(rule.from)) continue;
      const hit = rule.to.find((t) => e.to.startsWith(t));
      if (hit) {
        out.push(
          `${e.from} imports "${e.specifier}" (${rule.from} -> ${hit}): ${rule.why}`,
        );
      }
    }
  }
  return out;
}

/**
 * The lib/ folder a path belongs to, as its path below lib/ ("quiz",
 * "identity/teams", "identity/audit/report"), or the lib/ root file itself
 * ("errors.ts"); null outside lib/. Nested folders count on their own, so a
 * cycle between two concepts of one folder fails too.
 */
export function libFolder(path: string): string | null {
  const parts = path.split("/");
  if (parts[0] !== "lib" || parts.length < 2) return null;
  return parts.length === 2 ? parts[1] : parts.slice(1, -1).join("/");
}

/** Cycles between lib/ folders: strongly connected components of two or more. */
export function libCycles(edges: Edge[]): string[][] {
  const graph = new Map<string, Set<string>>();
  for (const e of edges) {
    const a = libFolder(e.from), b = libFolder(e.to);
    if (a === null || b === null || a === b) continue;
    if (!graph.has(a)) graph.set(a, new Set());
    if (!graph.has(b)) graph.set(b, new Set());
    graph.get(a)!.add(b);
  }
  // Tarjan's algorithm.
  const index = new Map<string, number>(), low = new Map<string, number>();
  const stack: string[] = [], onStack = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)!) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return cycles.sort((a, b) => a.join().localeCompare(b.join()));
}

/** The lib/ edges that make up a cycle, for the failure message. */
function cycleEdges(edges: Edge[], cycle: string[]): string[] {
  return edges.filter((e) => {
    const a = libFolder(e.from), b = libFolder(e.to);
    return a !== b && cycle.includes(a ?? "") && cycle.includes(b ?? "");
  }).map((e) => `${e.from} -> ${e.to}`);
}

Deno.test("the rules catch backward edges and cycles in a made-up graph", () => {
  const edges: Edge[] = [
    { from: "routes/a.tsx", to: "lib/x/y.ts", specifier: "@/lib/x/y.ts" },
    {
      from: "lib/quiz/labels.ts",
      to: "islands/Check.tsx",
      specifier: "@/islands/Check.tsx",
    },
    {
      from: "lib/content/page.ts",
      to: "lib/quiz/public.ts",
      specifier: "@/lib/quiz/public.ts",
    },
    {
      from: "framework/server.ts",
      to: "lib/http/body.ts",
      specifier: "../lib/http/body.ts",
    },
    {
      from: "islands/Chat.tsx",
      to: "components/Box.tsx",
      specifier: "@/components/Box.tsx",
    },
    { from: "lib/quiz/score.ts", to: "lib/content/schema.ts", specifier: "x" },
    { from: "lib/a/one.ts", to: "lib/b/two.ts", specifier: "x" },
    { from: "lib/b/two.ts", to: "lib/c/three.ts", specifier: "x" },
    { from: "lib/c/three.ts", to: "lib/a/one.ts", specifier: "x" },
  ];
  const found = backwardEdges(edges);
  assert.equal(found.length, 4, found.join("\n"));
  assert.match(found[0], /^lib\/quiz\/labels\.ts imports "@\/islands\/Check/);
  assert.match(
    found[1],
    /^lib\/content\/page\.ts .*lib\/content\/ -> lib\/quiz/,
  );
  assert.match(found[2], /^framework\/server\.ts .*framework\/ -> lib\//);
  assert.match(found[3], /^islands\/Chat\.tsx .*islands\/ -> components\//);
  // content <-> quiz is a cycle too, besides a -> b -> c -> a.
  assert.deepEqual(libCycles(edges), [["a", "b", "c"], ["content", "quiz"]]);
  // Concept folders inside one lib/ folder are nodes of their own.
  assert.equal(libFolder("lib/identity/teams/team_store.ts"), "identity/teams");
  assert.equal(libFolder("lib/identity/roles.ts"), "identity");
  assert.equal(libFolder("lib/errors.ts"), "errors.ts");
  assert.equal(libFolder("routes/index.tsx"), null);
  assert.deepEqual(
    libCycles([
      {
        from: "lib/identity/teams/team_store.ts",
        to: "lib/identity/audit/audit_store.ts",
        specifier: "x",
      },
      {
        from: "lib/identity/audit/report/audit_names.ts",
        to: "lib/identity/teams/team_store.ts",
        specifier: "x",
      },
      {
        from: "lib/identity/audit/audit_store.ts",
        to: "lib/identity/audit/report/audit_names.ts",
        specifier: "x",
      },
    ]),
    [["identity/audit", "identity/audit/report", "identity/teams"]],
  );
});

Deno.test("specifiers() reads imports and re-exports, not JSDoc examples", () => {
  const source = [
    'import { a } from "@/lib/a.ts";',
    "import type {",
    "  B,",
    '} from "./b.ts";',
    'export { c } from "../c.ts";',
    'import "./side.ts";',
    "/**",
    ' * import { d } from "@/lib/d.ts";',
    " */",
    'const e = await import("@/lib/e.ts");',
    '// const f = await import("@/lib/f.ts");',
    'export const g = "from \\"nowhere\\"";',
  ].join("\n");
  assert.deepEqual(specifiers(source).sort(), [
    "../c.ts",
    "./b.ts",
    "./side.ts",
    "@/lib/a.ts",
    "@/lib/e.ts",
  ]);
  assert.equal(resolve("lib/quiz/x.ts", "../content/s.ts"), "lib/content/s.ts");
  assert.equal(
    resolve("routes/a.tsx", "$fresh/server.ts"),
    "framework/server.ts",
  );
  assert.equal(resolve("lib/x.ts", "npm:zod"), null);
});

Deno.test("no import in the project runs backwards", async () => {
  const edges = await readGraph();
  // The graph was read: the project has hundreds of internal imports.
  assert.ok(edges.length > 500, `only ${edges.length} edges read`);
  const backward = backwardEdges(edges);
  assert.deepEqual(
    backward,
    [],
    `Backward imports (see docs/architecture.md):\n${backward.join("\n")}`,
  );
});

Deno.test("lib/ folders import each other without new cycles", async () => {
  const edges = await readGraph();
  const cycles = libCycles(edges);
  const key = (c: string[]) => c.join(" <-> ");
  const known = new Set(KNOWN_LIB_CYCLES.map(key));
  const fresh = cycles.filter((c) => !known.has(key(c)));
  assert.deepEqual(
    fresh.map((c) => `${key(c)}:\n  ${cycleEdges(edges, c).join("\n  ")}`),
    [],
    "New import cycles between lib/ folders",
  );
  const gone = KNOWN_LIB_CYCLES.filter((c) =>
    !cycles.some((d) => key(d) === key(c))
  );
  assert.deepEqual(
    gone.map(key),
    [],
    "A known cycle is gone: remove it from KNOWN_LIB_CYCLES",
  );
});
