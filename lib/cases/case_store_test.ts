import assert from "node:assert/strict";
import { getCase, listCases, saveCase } from "./case_store.ts";
import { readCaseForm } from "./case_form.ts";

const CONVERSATION = [
  "顾客：你好，我是张伟，电话 138 0013 8000，订单号2026120712345一直没到",
  "客服：您好，让您久等了，我马上帮您查。",
  "顾客：地址是北京市朝阳区建国路100号，卡号6228486018159081，12月5日付的 199 元",
].join("\n");

Deno.test("saveCase() stores only the masked conversation, with what was masked", async () => {
  const kv = await Deno.openKv(":memory:");
  try {
    const saved = await saveCase(
      kv,
      {
        title: "物流延误，顾客留了电话13800138000",
        situation: "logistics",
        conversation: CONVERSATION,
        lessons: ["practice-insale-flow"],
        replies: ["logistics-late"],
        scenarios: ["late-parcel"],
      },
      "trainer-1",
      new Date("2026-12-07T10:00:00Z"),
    );
    const stored = await getCase(kv, saved.id);
    const all = JSON.stringify(
      await Array.fromAsync(kv.list({ prefix: [] }), (e) => e.value),
    );
    for (
      const secret of [
        "13800138000",
        "138 0013 8000",
        "2026120712345",
        "建国路100号",
        "6228486018159081",
      ]
    ) {
      assert.ok(!all.includes(secret), `${secret} was stored`);
    }
    assert.match(stored.conversation, /\[手机号1\]/);
    assert.match(stored.conversation, /\[订单号1\]/);
    assert.match(stored.conversation, /12月5日付的 199 元/);
    assert.match(stored.title, /\[手机号1\]/);
    assert.equal(stored.masked.phone, 1);
    assert.equal(stored.masked["bank-card"], 1);
    assert.deepEqual((await listCases(kv)).map((c) => c.id), [saved.id]);
    await assert.rejects(() => getCase(kv, "nope"));
  } finally {
    kv.close();
  }
});

Deno.test("readCaseForm() names each bad field and refuses links to nothing", () => {
  const known = {
    lessons: new Set(["core-complaint-steps"]),
    replies: new Set(["complaint-thanks", "complaint-follow-up"]),
    scenarios: new Set(["late-parcel"]),
  };
  /** A form with one value per field. */
  const formOf = (fields: Record<string, string>) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    return form;
  };
  const bad = readCaseForm(
    formOf({
      title: "",
      situation: "moon",
      conversation: "太短",
      replies: "complaint-thanks",
    }),
    known,
  );
  assert.equal(bad.ok, false);
  if (!bad.ok) {
    assert.equal(bad.errors.title, "cases.error.title");
    assert.equal(bad.errors.situation, "cases.error.situation");
    assert.equal(bad.errors.conversation, "cases.error.conversation");
  }
  const good = formOf({
    title: "投诉结案",
    situation: "complaint",
    conversation: "顾客：东西坏了。客服：非常抱歉，马上为您补发。",
    replies: "complaint-thanks，complaint-follow-up",
    lessons: "core-complaint-steps",
  });
  const ok = readCaseForm(good, known);
  assert.equal(ok.ok, true);
  if (ok.ok) {
    assert.deepEqual(ok.data.replies, [
      "complaint-thanks",
      "complaint-follow-up",
    ]);
  }
  good.append("scenarios", "no-such-scenario");
  const unknown = readCaseForm(good, known);
  assert.equal(unknown.ok, false);
  if (!unknown.ok) assert.equal(unknown.errors.scenarios, "cases.error.link");
});
