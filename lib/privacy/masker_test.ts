import assert from "node:assert/strict";
import { findIdentifiers } from "./identifiers.ts";
import { findSensitive, maskText } from "./masker.ts";

interface Expected {
  kind: string;
  start: number;
  end: number;
}
interface Line {
  n: number;
  text: string;
  expected: Expected[];
}

/** Reads the test set: ⟦kind|text⟧ marks, ⏎ a line break in a message. */
async function readSet(): Promise<Line[]> {
  const raw = await Deno.readTextFile(
    new URL("./testdata/mask_lines.txt", import.meta.url),
  );
  const lines: Line[] = [];
  raw.split("\n").forEach((src, i) => {
    if (!src.trim() || src.startsWith("#")) return;
    let text = "";
    const expected: Expected[] = [];
    const re = /⟦([a-z]+)\|([^⟧]*)⟧/g;
    let at = 0;
    for (const m of src.matchAll(re)) {
      text += src.slice(at, m.index!).replaceAll("⏎", "\n");
      const value = m[2].replaceAll("⏎", "\n");
      expected.push({
        kind: m[1],
        start: text.length,
        end: text.length + value.length,
      });
      text += value;
      at = m.index! + m[0].length;
    }
    text += src.slice(at).replaceAll("⏎", "\n");
    lines.push({ n: i + 1, text, expected });
  });
  return lines;
}

const set = await readSet();

Deno.test("masker: the test set has at least 150 chat lines with every kind", () => {
  assert.ok(set.length >= 150, `${set.length} lines`);
  for (
    const kind of [
      "phone",
      "id",
      "card",
      "email",
      "address",
      "name",
      "order",
      "keep",
    ]
  ) {
    assert.ok(
      set.filter((l) => l.expected.some((e) => e.kind === kind)).length >= 8,
      kind,
    );
  }
});

Deno.test("masker: recall 100% for phone, ID and card numbers, no price, date or time masked; prints its figures", () => {
  const stats = new Map<string, { n: number; found: number }>();
  const misses: string[] = [];
  let maskedChars = 0;
  let maskedOutside = 0;
  for (const line of set) {
    const spans = findSensitive(line.text);
    const masked = (i: number) => spans.some((s) => s.start <= i && i < s.end);
    for (const e of line.expected) {
      const st = stats.get(e.kind) ?? { n: 0, found: 0 };
      st.n += 1;
      const chars = [...Array(e.end - e.start).keys()].map((k) => e.start + k)
        .filter((i) => !/\s/.test(line.text[i]));
      const ok = e.kind === "keep"
        ? chars.every((i) => !masked(i))
        : chars.every(masked);
      if (ok) st.found += 1;
      else {
        misses.push(
          `line ${line.n} ${e.kind}: ${
            JSON.stringify(line.text.slice(e.start, e.end))
          } in ${JSON.stringify(line.text)}`,
        );
      }
      stats.set(e.kind, st);
    }
    for (const s of spans) {
      for (let i = s.start; i < s.end; i++) {
        if (/\s/.test(line.text[i])) continue;
        maskedChars += 1;
        if (
          !line.expected.some((e) =>
            e.kind !== "keep" && e.start <= i && i < e.end
          )
        ) maskedOutside += 1;
      }
    }
  }
  const rows = [...stats].map(([kind, s]) =>
    `${kind.padEnd(8)} ${String(s.n).padStart(4)} ${
      (100 * s.found / s.n).toFixed(1).padStart(6)
    }%`
  );
  console.log(
    [
      `masker on ${set.length} chat lines (recall; for keep: left untouched)`,
      "kind        n   rate",
      ...rows,
      `masked characters outside a marked identifier: ${maskedOutside} of ${maskedChars} (${
        (100 * maskedOutside / Math.max(1, maskedChars)).toFixed(1)
      }%)`,
      ...misses.map((m) => `  miss: ${m}`),
    ].join("\n"),
  );
  for (const kind of ["phone", "id", "card", "keep"]) {
    const s = stats.get(kind)!;
    assert.equal(s.found, s.n, `${kind}: ${misses.join("\n")}`);
  }
  for (const kind of ["email", "address", "name", "order"]) {
    const s = stats.get(kind)!;
    assert.ok(s.found / s.n >= 0.9, `${kind}: ${misses.join("\n")}`);
  }
});

Deno.test("maskText() numbers values per kind, repeats keep their number, and leaves nothing the grader reads as shown", () => {
  const m = maskText(
    "我电话138 0013 8000，备用13900139000，再说一遍 13800138000。订单号2026120712345，12月7日 18:30 付了 59 元",
  );
  assert.equal(
    m.text,
    "我电话[手机号1]，备用[手机号2]，再说一遍 [手机号1]。订单号[订单号1]，12月7日 18:30 付了 59 元",
  );
  assert.deepEqual(m.counts, { phone: 2, order: 1 });
  for (const line of set) {
    const left = findIdentifiers(maskText(line.text).text)
      .filter((h) => h.form === "full");
    assert.deepEqual(left, [], `line ${line.n}: ${maskText(line.text).text}`);
  }
});

Deno.test("maskText() leaves a text without personal data as it is", () => {
  const text = "杯子 89 元，12月8日 下午3点 到的，等了 30 分钟。";
  assert.equal(maskText(text).text, text);
});
