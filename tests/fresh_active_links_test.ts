/**
 * Active links as in Fresh 1.7 (the layer's contract): an `<a>` whose href
 * (a path starting with "/") is the current page gets `aria-current="page"`
 * and `data-current="true"`; one that is an ancestor of it (a parent path,
 * "/" included) gets `aria-current="true"` and `data-ancestor="true"`;
 * others get neither. Query, fragment and a trailing slash do not matter.
 * An `aria-current` the author set is kept. (With the precompile JSX
 * transform, `a` must be in `jsxPrecompileSkipElements`, as in Fresh 1.7.)
 */
import assert from "node:assert/strict";
import { fixtureGet } from "./fresh_fixture.ts";

function link(html: string, text: string): string {
  const m = new RegExp(`<a [^>]*>${text}</a>`).exec(html);
  assert.ok(m, `link ${text}`);
  return m[0];
}

Deno.test("active links: current page, ancestors, and the rest", async () => {
  const { body } = await fixtureGet("/docs/one");
  const one = link(body, "One");
  assert.match(one, /aria-current="page"/);
  assert.match(one, /data-current="true"/);
  assert.doesNotMatch(one, /data-ancestor/);
  const docs = link(body, "Docs");
  assert.match(docs, /aria-current="true"/);
  assert.match(docs, /data-ancestor="true"/);
  assert.doesNotMatch(docs, /data-current/);
  const home = link(body, "Home");
  assert.match(home, /data-ancestor="true"/);
  for (const other of ["Two", "Plain"]) {
    assert.doesNotMatch(
      link(body, other),
      /aria-current|data-current|data-ancestor/,
    );
  }
});

Deno.test("active links: on another page the marks move", async () => {
  const { body } = await fixtureGet("/docs/two");
  assert.match(link(body, "Two"), /aria-current="page"/);
  assert.doesNotMatch(link(body, "One"), /aria-current|data-current/);
  const home = await fixtureGet("/");
  assert.match(link(home.body, "Home"), /aria-current="page"/);
  assert.doesNotMatch(link(home.body, "Docs"), /aria-current|data-ancestor/);
});

Deno.test("active links: query, fragment and trailing slash do not matter; a shared prefix is no ancestor", async () => {
  const { body } = await fixtureGet("/links/a");
  const marks = (text: string) => {
    const a = link(body, text);
    return a.includes('aria-current="page"') &&
        a.includes('data-current="true"')
      ? "current"
      : a.includes('aria-current="true"') && a.includes('data-ancestor="true"')
      ? "ancestor"
      : /aria-current|data-current|data-ancestor/.test(a)
      ? "mixed"
      : null;
  };
  assert.equal(marks("query"), "current");
  assert.equal(marks("slash"), "current");
  assert.equal(marks("parent"), "ancestor");
  assert.equal(marks("parent-slash"), "ancestor");
  assert.equal(marks("root"), "ancestor");
  assert.equal(marks("prefix"), null);
  assert.equal(marks("child"), null);
  assert.equal(marks("other-site"), null);
  assert.equal(marks("relative"), null);
  // The author's own aria-current stays; the data attribute is still set.
  const own = link(body, "own");
  assert.match(own, /aria-current="step"/);
  assert.match(own, /data-current="true"/);
});
