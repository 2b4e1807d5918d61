import assert from "node:assert/strict";
import {
  exposedIdentifiers,
  findIdentifiers,
  halfWidth,
  luhn,
} from "./identifiers.ts";

const kinds = (text: string) =>
  findIdentifiers(text).map((h) => [h.kind, h.form, h.text]);

Deno.test("findIdentifiers() finds full phone numbers, also full-width or spaced, with exact offsets", () => {
  const text =
    "您的手机号是13800138000，备用１３９１２３４５６７８，另一个 158 0000 2222";
  const hits = findIdentifiers(text);
  assert.deepEqual(hits.map((h) => [h.kind, h.form]), [
    ["phone", "full"],
    ["phone", "full"],
    ["phone", "full"],
  ]);
  for (const h of hits) assert.equal(text.slice(h.start, h.end), h.text);
  assert.equal(hits[1].text, "１３９１２３４５６７８");
});

Deno.test("findIdentifiers() tells masked forms from full ones", () => {
  assert.deepEqual(kinds("手机138****0001"), [[
    "phone",
    "masked",
    "138****0001",
  ]]);
  assert.deepEqual(kinds("手机尾号0001"), [["phone", "masked", "尾号0001"]]);
  assert.deepEqual(kinds("卡号6222 **** **** 1234"), [[
    "bank-card",
    "masked",
    "6222 **** **** 1234",
  ]]);
  assert.deepEqual(kinds("身份证1101**********4518"), [[
    "id-number",
    "masked",
    "1101**********4518",
  ]]);
  assert.deepEqual(kinds("收件人张*"), [["name", "masked", "收件人张*"]]);
});

Deno.test("findIdentifiers() reads placeholders by what stands before them", () => {
  assert.deepEqual(kinds("手机号是[数字1]"), [[
    "phone",
    "placeholder",
    "[数字1]",
  ]]);
  assert.deepEqual(kinds("身份证号：[数字2]"), [[
    "id-number",
    "placeholder",
    "[数字2]",
  ]]);
  assert.deepEqual(kinds("订单[数字3]已发货"), [[
    "number",
    "placeholder",
    "[数字3]",
  ]]);
  assert.deepEqual(kinds("寄到【地址】"), [[
    "address",
    "placeholder",
    "【地址】",
  ]]);
  assert.deepEqual(kinds("[姓名x]您好"), [["name", "placeholder", "[姓名x]"]]);
});

Deno.test("findIdentifiers() finds ID and card numbers, but not order or tracking numbers", () => {
  assert.deepEqual(kinds("身份证110101199003074518"), [[
    "id-number",
    "full",
    "110101199003074518",
  ]]);
  assert.deepEqual(kinds("卡号6222021234567890123"), [[
    "bank-card",
    "full",
    "6222021234567890123",
  ]]);
  // A Luhn-valid 16-digit run is a card even without the word.
  assert.ok(luhn("4111111111111111"));
  assert.deepEqual(kinds("请核对4111111111111111"), [[
    "bank-card",
    "full",
    "4111111111111111",
  ]]);
  assert.deepEqual(kinds("订单号2024031512345678901已备注"), []);
  assert.deepEqual(kinds("运单号SF1234567890123"), []);
  assert.deepEqual(kinds("客服热线400-800-1234"), []);
});

Deno.test("findIdentifiers() finds street addresses and e-mail", () => {
  assert.deepEqual(kinds("地址杭州市西湖区文三路88号"), [[
    "address",
    "full",
    "杭州市西湖区文三路88号",
  ]]);
  assert.deepEqual(kinds("幸福小区3栋502室"), [[
    "address",
    "full",
    "幸福小区3栋502室",
  ]]);
  assert.deepEqual(kinds("邮箱 li.na@example.com"), [[
    "email",
    "full",
    "li.na@example.com",
  ]]);
  assert.deepEqual(kinds("北京市朝阳区***"), []);
});

Deno.test("exposedIdentifiers() keeps what a reader sees in full", () => {
  const text =
    "手机138****0001，备用13912345678，订单[数字1]，电话[数字2]，收件人[姓名1]";
  assert.deepEqual(exposedIdentifiers(text).map((h) => h.text), [
    "13912345678",
    "[数字2]",
  ]);
});

Deno.test("halfWidth() keeps offsets", () => {
  const s = "１２：３０，ＯＫ";
  assert.equal(halfWidth(s), "12:30,OK");
  assert.equal(halfWidth(s).length, s.length);
});
