/**
 * Forms over real HTTP that answer a bad value by naming the field: the
 * mentor's confirmation (422, the message beside the note, nothing
 * confirmed), the language switch and dismissing a conflict copy (the
 * error page says which value was wrong).
 */
import assert from "node:assert/strict";
import { startModuleServer } from "./server.ts";
import { client } from "./session.ts";

const opts = { sanitizeResources: false, sanitizeOps: false };
const server = await startModuleServer();

const mentor = client(server.origin);
await mentor.signIn("mentor@demo.academy");
const trainer = client(server.origin);
await trainer.signIn("trainer@demo.academy");

/** The items waiting on the page, as the hidden fields of their forms. */
function waiting(page: string): { learnerId: string; itemKey: string }[] {
  return [
    ...page.matchAll(
      /name="learnerId" value="([^"]+)"\/?><input type="hidden" name="itemKey" value="([^"]+)"/g,
    ),
  ].map((m) => ({ learnerId: m[1], itemKey: m[2] }));
}

Deno.test({
  ...opts,
  name:
    "mentor: a note over 500 characters gets 422 with the note's message beside it, and the item stays waiting",
}, async () => {
  const before = await mentor.get("/mentor");
  assert.equal(before.status, 200);
  const items = waiting(await before.text());
  assert.ok(items.length > 0, "the demo mentor has items waiting");
  const item = items[0];
  const res = await mentor.postForm("/mentor", {
    ...item,
    note: "备".repeat(501),
  });
  assert.equal(res.status, 422);
  assert.match(res.headers.get("content-type") ?? "", /text\/html/);
  const page = await res.text();
  // The note of that item's form is marked and its message sits beside it.
  const field = /<input id="(mentor-note-\d+)"[^>]*aria-invalid="true"[^>]*>/
    .exec(page);
  assert.ok(field, "the refused note is marked invalid");
  assert.match(field[0], new RegExp(`aria-describedby="${field[1]}-error"`));
  assert.match(
    page,
    new RegExp(
      `<p id="${
        field[1]
      }-error" class="field-error" role="alert">备注太长了（最多 500 个字）。</p>`,
    ),
  );
  assert.match(field[0], /value="备{501}"/, "what was typed is kept");
  // Nothing was confirmed: the same items are still waiting.
  const after = await mentor.get("/mentor");
  assert.deepEqual(waiting(await after.text()), items);
});

Deno.test({
  ...opts,
  name: "mentor: an unknown item is refused on the page, and nothing changes",
}, async () => {
  const items = waiting(await (await mentor.get("/mentor")).text());
  const res = await mentor.postForm("/mentor", {
    learnerId: items[0].learnerId,
    itemKey: "no-such-item",
    note: "",
  });
  assert.equal(res.status, 404);
  assert.match(await res.text(), /没有找到这条待确认的事项/);
  const bad = await mentor.postForm("/mentor", { learnerId: "", itemKey: "" });
  assert.equal(bad.status, 422);
  assert.match(await bad.text(), /role="alert">没有找到这条待确认的事项/);
  const after = await mentor.get("/mentor");
  assert.deepEqual(waiting(await after.text()), items);
});

Deno.test({
  ...opts,
  name: "mentor: a good note confirms the item, which then leaves the queue",
}, async () => {
  const items = waiting(await (await mentor.get("/mentor")).text());
  const res = await mentor.postForm("/mentor", { ...items[0], note: "很好" });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get("location"), "/mentor?done=1");
  const after = waiting(await (await mentor.get("/mentor")).text());
  assert.deepEqual(after, items.slice(1));
});

Deno.test({
  ...opts,
  name: "language switch: a bad language or an offsite return is 400 naming it",
}, async () => {
  const lang = await mentor.get("/lang?to=xx");
  assert.equal(lang.status, 400);
  assert.match(lang.headers.get("content-type") ?? "", /text\/html/);
  assert.match(await lang.text(), /不支持这种语言。/);
  const next = await mentor.get("/lang?to=en&next=//evil.example");
  assert.equal(next.status, 400);
  const page = await next.text();
  assert.match(page, /只能返回本站的页面。/);
  assert.doesNotMatch(page, /不支持这种语言/);
  assert.equal(next.headers.get("set-cookie"), null, "no language was kept");
});

Deno.test({
  ...opts,
  name: "conflict copies: a bad path or id is 422 naming it",
}, async () => {
  const res = await trainer.postForm("/author/demo/copies", {
    path: "../etc/passwd",
    id: "x",
  });
  assert.equal(res.status, 422);
  assert.match(res.headers.get("content-type") ?? "", /text\/html/);
  const page = await res.text();
  assert.match(page, /这份副本的文件路径不正确/);
  assert.match(page, /这份副本的编号不正确/);
});

Deno.test({ ...opts, name: "forms: stop" }, () => server.stop());
