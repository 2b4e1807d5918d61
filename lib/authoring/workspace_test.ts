import assert from "node:assert/strict";
import { listAuditAbout } from "@/lib/identity/audit/audit_store.ts";
import { getContentStatus } from "@/lib/content/content_status_store.ts";
import {
  forgetCourseHeads,
  getCourseVersionView,
  getCourseView,
} from "@/lib/content/course_view.ts";
import { importContent } from "./course_import.ts";
import {
  draftEdit,
  importedCopy,
  LESSON,
  publishNow,
  saveDemoDraft,
  T0,
} from "./testing.ts";
import { getDraft, listConflictCopies, listDrafts } from "./draft_store.ts";
import { listVersionNotes } from "./version_note_store.ts";
import {
  DraftHasProblemsError,
  openWorkspace,
  publishWorkspace,
  rollbackCourse,
  versionFiles,
} from "./workspace.ts";
import { englishText } from "@/lib/content/source.ts";

const SCENARIO = "assessments/scenarios/late-parcel.yaml";
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

Deno.test("two trainers save one file: the later save gets a conflict and both texts stay retrievable", async () => {
  await using s = await importedCopy();
  const ws = (await openWorkspace(s.kv, "demo", s.root))!;
  const published = ws.files[LESSON];
  /** Saves the published lesson with its "正文。" replaced by `to`. */
  const edit = (
    to: string,
    by: string,
    at: Date,
    basedOn: string | null = null,
  ) =>
    saveDemoDraft(
      s.kv,
      LESSON,
      published.replace("正文。", to),
      by,
      at,
      basedOn,
    );
  // Both open the published text (no draft yet: basedOn null).
  const a = await edit("甲的正文。", "trainer-a", later(1));
  assert.equal(a.ok, true);
  const b = await edit("乙的正文。", "trainer-b", later(2));
  assert.equal(b.ok, false);
  if (b.ok) return;
  // The conflict shows the other change, and nothing was overwritten.
  assert.match(b.theirs!.text!, /甲的正文/);
  assert.equal(b.theirs!.updatedBy, "trainer-a");
  assert.match((await getDraft(s.kv, "demo", LESSON))!.text!, /甲的正文/);
  const copies = await listConflictCopies(s.kv, "demo", LESSON);
  assert.equal(copies.length, 1);
  assert.match(copies[0].text!, /乙的正文/);
  assert.equal(copies[0].by, "trainer-b");
  // Saving again on the current versionstamp succeeds.
  assert.equal(
    a.ok &&
      (await edit("甲乙合并的正文。", "trainer-a", later(3), a.versionstamp))
        .ok,
    true,
  );
  // A stale versionstamp is refused too, not only null.
  const stale = await saveDemoDraft(
    s.kv,
    LESSON,
    "x",
    "trainer-b",
    later(4),
    a.ok ? a.versionstamp : null,
  );
  assert.equal(stale.ok, false);
});

Deno.test("a draft with problems cannot be published; the latest version stays", async () => {
  await using s = await importedCopy();
  await draftEdit(s, SCENARIO, "next: check", "next: nowhere", later(1));
  const draft = (await openWorkspace(s.kv, "demo", s.root))!;
  await assert.rejects(
    () => publishWorkspace(s.kv, draft, "坏的草稿", "trainer", later(2)),
    (e: unknown) => {
      assert.ok(e instanceof DraftHasProblemsError);
      const p = e.problems.find((p) =>
        p.path === SCENARIO && englishText(p).includes("nowhere")
      );
      assert.ok(p, JSON.stringify(e.problems));
      // At the line of the bad `next`, as content:check reports it.
      const line =
        draft.files[SCENARIO].split("\n").findIndex((l) =>
          l.includes("next: nowhere")
        ) + 1;
      assert.equal(p.line, line);
      return true;
    },
  );
  assert.equal((await getCourseView(s.kv, "demo"))!.version, 1);
  assert.equal((await listDrafts(s.kv, "demo")).length, 1);
});

Deno.test("publishing makes a new version with its note and audit entry; old attempts keep theirs; rollback is a new version", async () => {
  await using s = await importedCopy();
  await draftEdit(s, LESSON, "正文。", "新的正文。", later(1));
  const result = await publishNow(s, "补充正文", later(2));
  assert.deepEqual(result, { version: 2, published: true });
  assert.deepEqual(await listDrafts(s.kv, "demo"), []);
  forgetCourseHeads();
  const latest = (await getCourseView(s.kv, "demo"))!;
  assert.equal(latest.version, 2);
  assert.match(latest.render("basics-stages").html, /新的正文/);
  // An attempt started on version 1 still reads version 1.
  const v1 = (await getCourseVersionView(s.kv, "demo", 1))!;
  assert.doesNotMatch(v1.render("basics-stages").html, /新的正文/);
  const notes = await listVersionNotes(s.kv, "demo");
  assert.deepEqual(notes.map((n) => [n.version, n.origin, n.note]), [
    [2, "browser", "补充正文"],
    [1, "files", ""],
  ]);
  const audit = await listAuditAbout(s.kv, "course", "demo");
  assert.equal(audit.entries[0].action, "content.published");
  assert.equal(audit.entries[0].actorId, "trainer");
  assert.equal(audit.entries[0].detail.version, 2);

  const back = await rollbackCourse(
    s.kv,
    "demo",
    1,
    "撤回",
    "trainer",
    later(3),
  );
  assert.deepEqual(back, { version: 3, published: true });
  forgetCourseHeads();
  const v3 = (await getCourseView(s.kv, "demo"))!;
  assert.equal(v3.version, 3);
  assert.doesNotMatch(v3.render("basics-stages").html, /新的正文/);
  assert.deepEqual(
    await versionFiles(s.kv, "demo", 3),
    await versionFiles(s.kv, "demo", 1),
  );
  assert.equal((await listVersionNotes(s.kv, "demo"))[0].restores, 1);
});

Deno.test("a restart keeps a browser publish when files are unchanged and reports a conflict when they changed", async () => {
  await using s = await importedCopy();
  await draftEdit(s, LESSON, "正文。", "浏览器里的正文。", later(1));
  await publishNow(s, "浏览器发布", later(2));
  // Unchanged files: the browser version stays latest.
  let status = await importContent(s.kv, later(3), s.root);
  assert.deepEqual(status.published, [{
    courseId: "demo",
    version: 2,
    imported: false,
  }]);
  assert.deepEqual(status.conflicts, []);
  // The repository's lesson changes: files win as version 3, conflict reported.
  const file = `${s.root}/${LESSON}`;
  await Deno.writeTextFile(
    file,
    (await Deno.readTextFile(file)).replace("正文。", "仓库里的正文。"),
  );
  status = await importContent(s.kv, later(4), s.root);
  assert.deepEqual(status.published, [{
    courseId: "demo",
    version: 3,
    imported: true,
  }]);
  assert.deepEqual(status.conflicts, [{
    courseId: "demo",
    browserVersion: 2,
    fileVersion: 3,
  }]);
  assert.deepEqual((await getContentStatus(s.kv))!.conflicts, status.conflicts);
  // Nothing lost: version 2 still holds the browser text.
  assert.match(
    (await versionFiles(s.kv, "demo", 2))![LESSON],
    /浏览器里的正文/,
  );
});
