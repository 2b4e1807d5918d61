/**
 * The workspace over real HTTP, on the fixture course: two trainers saving
 * one file (the second gets 409 with the first one's text, both texts kept),
 * a refused publish changes nothing, the zip export is the version's files,
 * and only trainers and admins reach /author.
 */
import assert from "node:assert/strict";
import { strFromU8, unzipSync } from "fflate";
import { startServer } from "./server.ts";
import { client } from "./session.ts";

const opts = { sanitizeResources: false, sanitizeOps: false };
const server = await startServer({
  env: { SA_CONTENT_DIR: "tests/fixtures/content" },
});
addEventListener("unload", () => {
  try {
    server.process.kill("SIGKILL");
  } catch { /* already stopped */ }
});
const trainer = client(server.origin);
await trainer.signIn("trainer@demo.academy");
const admin = client(server.origin);
await admin.signIn("admin@demo.academy");

async function firstLesson(): Promise<{ course: string; path: string }> {
  const res = await trainer.get("/author");
  const page = await res.text();
  assert.equal(res.status, 200, page.slice(0, 300));
  const course = /href="\/author\/([a-z0-9-]+)"/.exec(page)![1];
  const tree = await (await trainer.get(`/author/${course}`)).text();
  const path = decodeURIComponent(
    /edit\?path=([^"&]+\.md)"/.exec(tree)![1],
  );
  return { course, path };
}

Deno.test({
  ...opts,
  name:
    "authoring http: the later of two saves gets 409 with the other's text; both are kept",
}, async () => {
  const { course, path } = await firstLesson();
  const editor = await (await trainer.get(
    `/author/${course}/edit?path=${encodeURIComponent(path)}`,
  )).text();
  assert.match(editor, /id="editor-text"/);
  const a = await trainer.postJson(`/author/${course}/save`, {
    path,
    text: "---\nid: x\n---\n甲保存的文本\n",
    basedOn: null,
  });
  assert.equal(a.status, 200);
  const saved = await a.json();
  assert.equal(saved.ok, true);
  const b = await admin.postJson(`/author/${course}/save`, {
    path,
    text: "---\nid: x\n---\n乙保存的文本\n",
    basedOn: null,
  });
  assert.equal(b.status, 409);
  // A body that is not JSON (or too large) is refused with a sentence in the
  // trainer's language, never the reader's English.
  for (const route of ["save", "check"]) {
    const bad = await trainer.get(`/author/${course}/${route}`, {
      method: "POST",
      body: "{not json",
      headers: {
        origin: server.origin,
        "content-type": "application/json",
        "x-csrf-token": trainer.csrf,
      },
    });
    assert.equal(bad.status, 400, route);
    const refused = await bad.json();
    assert.equal(refused.code, "body-not-json");
    assert.match(refused.errors.body, /不是有效的 JSON/);
  }
  const conflict = await b.json();
  assert.match(conflict.theirs.text, /甲保存的文本/);
  // The editor now shows the first text and lists the second as a copy.
  const again = await (await trainer.get(
    `/author/${course}/edit?path=${encodeURIComponent(path)}`,
  )).text();
  assert.match(again, /甲保存的文本/);
  assert.match(again, /乙保存的文本/);
  // Publishing this broken draft is refused and nothing changes.
  const before = await (await trainer.get(`/author/${course}/versions`)).text();
  const publish = await trainer.postForm(`/author/${course}/publish`, {
    note: "不应发布",
  });
  assert.equal(publish.status, 422);
  assert.equal(
    await (await trainer.get(`/author/${course}/versions`)).text().then((t) =>
      t.match(/<tbody>[\s\S]*?<\/tr>/)![0]
    ),
    before.match(/<tbody>[\s\S]*?<\/tr>/)![0],
  );
  // A publish without a note is refused before anything is checked.
  const noNote = await trainer.postForm(`/author/${course}/publish`, {
    note: " ",
  });
  assert.equal(noNote.status, 422);
  assert.match(await noNote.text(), /请填写修改说明/);
});

Deno.test({
  ...opts,
  name: "authoring http: a version exports as a zip of its files",
}, async () => {
  const { course, path } = await firstLesson();
  const res = await trainer.get(`/author/${course}/export?version=1`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("content-type"), "application/zip");
  const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
  assert.ok(path in files, Object.keys(files).join(", "));
  assert.match(strFromU8(files[path]), /^---\n/);
  assert.ok(Object.keys(files).some((p) => p.startsWith("assessments/")));
});

Deno.test({
  ...opts,
  name: "authoring http: learners and managers are refused the workspace",
}, async () => {
  for (const login of ["learner@demo.academy", "manager@demo.academy"]) {
    const c = client(server.origin);
    await c.signIn(login);
    const res = await c.get("/author");
    assert.equal(res.status, 403, login);
    await res.body?.cancel();
    const save = await c.postJson("/author/onboarding/save", {
      path: "courses/onboarding/course.yaml",
      text: "x",
      basedOn: null,
    });
    assert.equal(save.status, 403, login);
    await save.body?.cancel();
  }
  await server.stop();
});
