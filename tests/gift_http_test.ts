/**
 * The GIFT page and export over real HTTP: bad input names its field and
 * saves nothing, an import without a matching preview only previews, a
 * forged form (no CSRF token) is refused, learners may not use it, and the
 * export re-imports unchanged.
 */
import assert from "node:assert/strict";
import { startModuleServer } from "./server.ts";
import { client } from "./session.ts";

const opts = { sanitizeResources: false, sanitizeOps: false };
const server = await startModuleServer();
const trainer = client(server.origin);
await trainer.signIn("trainer@demo.academy");

const base = {
  bank: "basics",
  module: "basics",
  skill: "empathy",
  difficulty: "2",
};
const TEXT =
  "// [id:gift-http-1]\n先安抚情绪，再解决问题。{TRUE####先处理情绪。}";

async function exported(): Promise<string> {
  const res = await trainer.get("/author/gift/export?course=demo&bank=basics");
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-disposition") ?? "", /attachment/);
  return await res.text();
}

Deno.test({
  ...opts,
  name: "gift http: bad input is a 422 naming the field; nothing saved",
}, async () => {
  const before = await exported();
  const cases: [Record<string, string>, RegExp][] = [
    [
      { ...base, action: "preview", text: "" },
      /请粘贴 GIFT 文本或选择一个文件。/,
    ],
    [
      { ...base, action: "preview", text: TEXT, difficulty: "9" },
      /难度请选择 1、2 或 3。/,
    ],
    [
      { ...base, action: "preview", text: TEXT, bank: "nope" },
      /请选择一个题库/,
    ],
    [{
      ...base,
      action: "preview",
      text: TEXT,
      bank: "__new",
      newBankId: "Bad Id",
    }, /题库编号只能用小写字母/],
    [
      { ...base, action: "preview", text: TEXT, module: "<script>" },
      /请选择一个模块。/,
    ],
  ];
  for (const [fields, message] of cases) {
    const res = await trainer.postForm("/author/gift", fields);
    assert.equal(res.status, 422, JSON.stringify(fields));
    const html = await res.text();
    assert.match(html, message);
    assert.doesNotMatch(html, /<script>/);
  }
  assert.equal(await exported(), before);
});

Deno.test({
  ...opts,
  name:
    "gift http: import without the previewed digest only previews; with it, saves",
}, async () => {
  const forged = await trainer.postForm("/author/gift", {
    ...base,
    action: "import",
    text: TEXT,
    version: "1",
    previewed: "x",
  });
  assert.equal(forged.status, 200);
  assert.match(await forged.text(), /预览（尚未保存）/);
  assert.doesNotMatch(await exported(), /gift-http-1/);
  const preview = await (await trainer.postForm("/author/gift", {
    ...base,
    action: "preview",
    text: TEXT,
  })).text();
  const digest = /name="previewed" value="([0-9a-f]{64})"/.exec(preview)?.[1];
  const version = /name="version" value="([^"]+)"/.exec(preview)?.[1];
  assert.ok(digest && version, "the preview carries its digest and version");
  const saved = await trainer.postForm("/author/gift", {
    ...base,
    action: "import",
    text: TEXT,
    version,
    previewed: digest,
  });
  assert.equal(saved.status, 200);
  assert.match(await saved.text(), /已存入题库草稿：新增 1 道，更新 0 道/);
  const gift = await exported();
  assert.equal(gift.match(/\[id:gift-http-1\]/g)?.length, 1);
  // Saved as a draft of the bank's file: the workspace lists it, learners do not see it yet.
  const workspace = await (await trainer.get("/author/demo")).text();
  assert.match(
    workspace,
    /<ul class="change-list">[\s\S]*assessments\/quizzes\/basics\.yaml/,
  );
  // The same import again, on the old version: refused, nothing doubled.
  const stale = await trainer.postForm("/author/gift", {
    ...base,
    action: "import",
    text: TEXT,
    version,
    previewed: digest,
  });
  assert.equal(stale.status, 409);
  assert.equal((await exported()).match(/\[id:gift-http-1\]/g)?.length, 1);
});

Deno.test({
  ...opts,
  name: "gift http: the export of a bank re-imports with nothing to change",
}, async () => {
  const text = await exported();
  const res = await trainer.postForm("/author/gift", {
    ...base,
    action: "preview",
    text,
  });
  const html = await res.text();
  assert.match(html, /新增 0 道、更新 0 道/);
  assert.doesNotMatch(html, /class="feedback wrong"/);
});

Deno.test({
  ...opts,
  name: "gift http: no CSRF token is refused; learners may not open it",
}, async () => {
  const res = await trainer.get("/author/gift", {
    method: "POST",
    body: new URLSearchParams({ ...base, action: "preview", text: TEXT }),
    headers: {
      origin: server.origin,
      "content-type": "application/x-www-form-urlencoded",
    },
  });
  assert.equal(res.status, 403);
  await res.body?.cancel();
  const learner = client(server.origin);
  await learner.signIn("learner@demo.academy");
  for (
    const path of [
      "/author/gift",
      "/author/gift/export?course=demo&bank=basics",
      "/author/items",
    ]
  ) {
    const r = await learner.get(path);
    assert.equal(r.status, 403, path);
    await r.body?.cancel();
  }
});

Deno.test({ ...opts, name: "gift http: stop" }, async () => {
  await server.stop();
});
