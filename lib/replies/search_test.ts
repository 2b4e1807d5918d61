import assert from "node:assert/strict";
import { loadContent } from "@/lib/content/loader.ts";
import {
  buildIndex,
  type LibraryReply,
  searchReplies,
  terms,
} from "./search.ts";

const { tree } = await loadContent();
const library: LibraryReply[] = (tree.replySets ?? []).flatMap((s) =>
  s.data.replies.map((r) => ({ ...r, situation: s.data.situation }))
);
const index = buildIndex(library);
const top = (q: string, n = 3) =>
  searchReplies(index, { q }).hits.slice(0, n).map((h) => h.reply.id);

Deno.test("terms() segments Chinese, adds bigrams and folds synonyms", () => {
  const t = terms("退钱多久到账");
  assert.ok(t.has("退款"), [...t].join(","));
  assert.ok(t.has("多久"));
  assert.ok(t.has("到账"));
  assert.ok(!t.has("{订单号}"));
});

Deno.test("searchReplies() puts the refund-time replies first for 退款多久到账", () => {
  const ids = top("退款多久到账", 4);
  assert.ok(ids.slice(0, 3).includes("aftersale-refund-time"), ids.join(","));
  for (const id of ids) {
    const r = library.find((x) => x.id === id)!;
    assert.ok(r.policy.includes("refund"), `${id} is not about refund time`);
  }
});

Deno.test("searchReplies() finds by synonym: 退钱, 物流, 包裹丢了", () => {
  assert.ok(
    library.find((r) => r.id === top("钱什么时候退", 1)[0])!.policy.includes(
      "refund",
    ),
    top("钱什么时候退").join(","),
  );
  assert.ok(top("物流到哪了", 3).includes("logistics-status"));
  assert.equal(top("包裹丢了", 1)[0], "logistics-lost");
  assert.equal(top("优惠券用不了", 1)[0], "payment-coupon-check");
});

Deno.test("searchReplies() filters by situation and stage, and pages", () => {
  const r = searchReplies(index, { situation: "complaint", stage: "closing" });
  assert.ok(r.total >= 2);
  assert.ok(
    r.hits.every((h) =>
      h.reply.situation === "complaint" && h.reply.stage === "closing"
    ),
  );
  const all = searchReplies(index, {});
  assert.equal(all.total, library.length);
  assert.equal(all.hits.length, 20);
  const last = searchReplies(index, { page: 99 });
  assert.equal(last.page, last.pages);
  const filtered = searchReplies(index, { q: "退款", situation: "presale" });
  assert.ok(filtered.hits.every((h) => h.reply.situation === "presale"));
});

Deno.test("searchReplies() finds nothing for words the library does not hold", () => {
  const r = searchReplies(index, { q: "量子计算机" });
  assert.equal(r.total, 0);
  assert.deepEqual(r.hits, []);
});
