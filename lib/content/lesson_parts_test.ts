import assert from "node:assert/strict";
import { splitAtChecks } from "./lesson_parts.ts";

Deno.test("splitAtChecks() splits top-level placeholders", () => {
  const { parts, checks } = splitAtChecks(
    '<p>a</p><div data-inline-check="0"></div><p>b</p>',
  );
  assert.deepEqual(parts, ["<p>a</p>", "<p>b</p>"]);
  assert.deepEqual(checks, [0]);
});

Deno.test("splitAtChecks() closes and reopens elements around a nested placeholder", () => {
  const html =
    '<aside class="callout" id="x"><p>tip</p><div data-inline-check="1"></div><p>more</p></aside><p>end</p>';
  const { parts, checks } = splitAtChecks(html);
  assert.deepEqual(parts, [
    '<aside class="callout" id="x"><p>tip</p></aside>',
    '<aside class="callout"><p>more</p></aside><p>end</p>',
  ]);
  assert.deepEqual(checks, [1]);
});

Deno.test("splitAtChecks() leaves HTML without checks unchanged, void elements included", () => {
  const html = '<p>a<br>b<img src="/x.png" alt=""></p>';
  assert.deepEqual(splitAtChecks(html), { parts: [html], checks: [] });
});
