/**
 * axe-core in the page: WCAG 2.0/2.1 A and AA rules, failing with the list
 * of violations (rule, impact, first nodes) so a test says what to fix.
 */
import assert from "node:assert/strict";
import axe from "axe-core";
import type { Page } from "playwright-core";

/** Runs axe on the page as it is now; asserts 0 WCAG 2.1 AA violations. */
export async function assertAccessible(page: Page, what: string) {
  // Evaluated through the driver, not a <script>: the page's CSP forbids
  // inline scripts, and rightly so.
  await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    // deno-lint-ignore no-explicit-any
    const run = (globalThis as any).axe.run;
    const result = await run(document, {
      runOnly: {
        type: "tag",
        values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"],
      },
      // Only violations are asserted: axe then keeps one node per passed or
      // inapplicable rule instead of all of them (its documented speed-up);
      // every violation still lists all its nodes.
      resultTypes: ["violations"],
    });
    // deno-lint-ignore no-explicit-any
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      // deno-lint-ignore no-explicit-any
      nodes: v.nodes.slice(0, 3).map((n: any) => n.target.join(" ")),
    }));
  });
  assert.deepEqual(violations, [], `${what}: axe WCAG 2.1 AA violations`);
}
