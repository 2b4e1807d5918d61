import assert from "node:assert/strict";
import { forgetCourseHeads } from "@/lib/content/course_view.ts";
import { importContent } from "./course_import.ts";
import { courseTree, editTree } from "./course_tree.ts";
import { checkFiles, openWorkspace } from "./workspace.ts";
import { englishText } from "@/lib/content/source.ts";
import { T0, VALID_CONTENT as FIXTURE } from "./testing.ts";

async function setup() {
  const kv = await Deno.openKv(":memory:");
  forgetCourseHeads();
  await importContent(kv, T0, FIXTURE);
  return kv;
}
const open = async (kv: Deno.Kv) => (await openWorkspace(kv, "demo", FIXTURE))!;

Deno.test("the tree lists modules with lessons and the assessments by kind", async () => {
  using kv = await setup();
  const ws = await open(kv);
  const tree = courseTree(ws, (await checkFiles(ws.files)).problems);
  assert.equal(tree.course?.path, "courses/demo/course.yaml");
  assert.deepEqual(
    tree.modules.map((m) => [m.dir, m.lessons.map((l) => l.title)]),
    [
      ["01-basics", ["售前、售中、售后"]],
    ],
  );
  assert.deepEqual(tree.groups.map((g) => g.kind), [
    "bank",
    "scenario",
    "drill",
    "survey",
    "rubric",
    "exam",
    "observation",
    "plan",
  ]);
});

Deno.test("create, rename, reorder and delete become drafts that load without problems", async () => {
  using kv = await setup();
  let r = await editTree(
    kv,
    await open(kv),
    {
      op: "create-lesson",
      module: "01-basics",
      slug: "greeting",
      title: "开场问候",
    },
    "trainer",
    T0,
  );
  assert.deepEqual(r, {
    ok: true,
    paths: ["courses/demo/01-basics/02-greeting.md"],
  });
  r = await editTree(
    kv,
    await open(kv),
    {
      op: "create-lesson",
      module: "01-basics",
      slug: "greeting",
      title: "again",
    },
    "trainer",
    T0,
  );
  assert.deepEqual(r, { ok: false, reason: "exists" });

  r = await editTree(
    kv,
    await open(kv),
    {
      op: "move",
      path: "courses/demo/01-basics/02-greeting.md",
      direction: "up",
    },
    "trainer",
    T0,
  );
  assert.equal(r.ok, true);
  let ws = await open(kv);
  let tree = courseTree(ws, []);
  assert.deepEqual(tree.modules[0].lessons.map((l) => l.title), [
    "开场问候",
    "售前、售中、售后",
  ]);
  r = await editTree(
    kv,
    ws,
    {
      op: "move",
      path: "courses/demo/01-basics/01-stages.md",
      direction: "up",
    },
    "trainer",
    T0,
  );
  assert.deepEqual(r, { ok: false, reason: "edge" });

  r = await editTree(
    kv,
    ws,
    {
      op: "rename",
      path: "courses/demo/01-basics/01-stages.md",
      title: "问候的三步",
    },
    "trainer",
    T0,
  );
  assert.equal(r.ok, true);
  ws = await open(kv);
  tree = courseTree(ws, []);
  assert.equal(tree.modules[0].lessons[0].title, "问候的三步");
  // The lesson keeps everything else.
  assert.match(ws.files["courses/demo/01-basics/01-stages.md"], /minutes: 15/);

  r = await editTree(
    kv,
    ws,
    { op: "create-module", slug: "extra", title: "加练" },
    "trainer",
    T0,
  );
  assert.equal(r.ok, true);
  ws = await open(kv);
  assert.deepEqual(courseTree(ws, []).modules.map((m) => m.dir), [
    "01-basics",
    "02-extra",
  ]);
  r = await editTree(
    kv,
    ws,
    { op: "move", path: "courses/demo/02-extra", direction: "up" },
    "trainer",
    T0,
  );
  assert.equal(r.ok, true);
  ws = await open(kv);
  assert.deepEqual(courseTree(ws, []).modules.map((m) => m.dir), [
    "02-extra",
    "01-basics",
  ]);
  r = await editTree(
    kv,
    ws,
    { op: "delete", path: "courses/demo/02-extra" },
    "trainer",
    T0,
  );
  assert.equal(r.ok, true);
  ws = await open(kv);
  tree = courseTree(ws, []);
  assert.deepEqual(tree.modules.map((m) => m.dir), ["01-basics"]);
  assert.deepEqual(tree.deleted, ["courses/demo/02-extra/module.yaml"]);
  // The new lesson and the swapped order load (only content checks may still ask for more).
  const { problems } = await checkFiles(ws.files);
  assert.deepEqual(
    problems.filter((p) =>
      /Unrecognized|Invalid|expected/.test(englishText(p))
    ),
    [],
  );
});

Deno.test("a tree edit that races another trainer's save changes nothing", async () => {
  using kv = await setup();
  const stale = await open(kv);
  // Another trainer saves course.yaml after this workspace was opened.
  const { saveDraft } = await import("./draft_store.ts");
  await saveDraft(
    kv,
    {
      courseId: "demo",
      path: "courses/demo/course.yaml",
      text: stale.files["courses/demo/course.yaml"] + "# 注释\n",
      basedOn: null,
    },
    "other",
    T0,
  );
  const r = await editTree(
    kv,
    stale,
    {
      op: "create-module",
      slug: "extra",
      title: "加练",
    },
    "trainer",
    T0,
  );
  assert.deepEqual(r, { ok: false, reason: "conflict" });
  // Neither file of the edit was written: no half-made module.
  const ws = await open(kv);
  assert.equal(ws.files["courses/demo/02-extra/module.yaml"], undefined);
  assert.match(ws.files["courses/demo/course.yaml"], /# 注释/);
});
