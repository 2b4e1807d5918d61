/**
 * Partials, server side, as in Fresh 1.7 (the layer's contract; the browser
 * side is tests/browser/fresh_partials_browser_test.ts):
 * - `Partial` is exported by `$fresh/runtime.ts`; `<Partial name mode>`
 *   marks its area with `<!--frsh-partial:name:mode-->` ...
 *   `<!--/frsh-partial:name-->`;
 * - a page that renders a Partial ships the runtime (client navigation),
 *   even without an island;
 * - a client navigation asks for the page with `?fresh-partial=true`; the
 *   app sees `ctx.isPartial` and the URL without that parameter, and the
 *   answer holds the document head (with `<Head>`), the outermost areas and
 *   the state of the islands inside them only: not the rest of the page,
 *   not the islands outside, not the boot script;
 * - `f-client-nav` (also `={false}`) and `f-partial` reach the browser.
 */
import assert from "node:assert/strict";
import { Partial } from "$fresh/runtime.ts";
import { fixtureGet } from "./fresh_fixture.ts";

Deno.test("partials: $fresh/runtime.ts exports Partial; areas are marked", async () => {
  assert.equal(typeof Partial, "function");
  const { body } = await fixtureGet("/docs/one");
  assert.match(
    body,
    /<main><!--frsh-partial:main:replace--><h1>Doc one<\/h1>[\s\S]*<!--\/frsh-partial:main--><\/main>/,
  );
  assert.match(body, /<body f-client-nav="true">/);
  assert.match(body, /<a href="\/docs\/one" f-client-nav="false"/);
  assert.match(body, /<a href="\/docs\/three" f-partial="\/partials\/three"/);
});

Deno.test("partials: a page with a Partial and no island still ships the runtime", async () => {
  const { body } = await fixtureGet("/partials/three");
  assert.doesNotMatch(body, /<frsh-island/);
  assert.match(body, /<script type="module" src="\/_frsh\/js\/main-/);
  assert.match(body, /id="__frsh_state"[^>]*>\{"islands":\[\]\}/);
  // A page with neither ships nothing.
  const plain = await fixtureGet("/plain");
  assert.doesNotMatch(plain.body, /<script/);
});

Deno.test("partials: ?fresh-partial answers with head, areas and their islands only", async () => {
  const full = await fixtureGet("/docs/one");
  const part = await fixtureGet("/docs/one?fresh-partial=true");
  assert.equal(part.res.status, 200);
  assert.equal(
    part.res.headers.get("content-type"),
    "text/html; charset=utf-8",
  );
  const body = part.body;
  assert.match(body, /<title>Doc one · Fixture<\/title>/);
  assert.match(body, /<meta name="description" content="about Doc one"\/>/);
  assert.match(
    body,
    /<body><!--frsh-partial:main:replace--><h1>Doc one<\/h1>[\s\S]*<!--\/frsh-partial:main--><script type="application\/json" id="__frsh_state"/,
  );
  // Not the navigation, not the island outside the area, no boot script.
  assert.doesNotMatch(body, /aria-label="Site"/);
  assert.doesNotMatch(body, /counter outside/);
  assert.doesNotMatch(body, /<script type="module"/);
  assert.doesNotMatch(body, /modulepreload/);
  const state = JSON.parse(
    /id="__frsh_state"[^>]*>(.*?)<\/script>/.exec(body)![1],
  );
  assert.deepEqual(
    state.islands.map((i: { props: { label: string } }) => i.props.label),
    ["inside-one"],
  );
  assert.ok(
    part.body.length < full.body.length * 0.8,
    `${part.body.length} vs ${full.body.length}`,
  );
});

Deno.test("partials: the app sees ctx.isPartial and the URL without fresh-partial", async () => {
  assert.match((await fixtureGet("/nested?x=1")).body, /full \[\?x=1\]/);
  assert.match(
    (await fixtureGet("/nested?x=1&fresh-partial=true")).body,
    /partial \[\?x=1\]/,
  );
});

Deno.test("partials: nested areas travel inside their outermost one", async () => {
  const { body } = await fixtureGet("/nested?fresh-partial=true");
  assert.equal((body.match(/<!--frsh-partial:main:/g) ?? []).length, 1);
  assert.match(
    body,
    /<!--frsh-partial:main:replace--><!--frsh-partial:outer:replace-->[\s\S]*<!--frsh-partial:inner:append--><p>inner<\/p><!--\/frsh-partial:inner--><!--\/frsh-partial:outer--><!--\/frsh-partial:main-->/,
  );
});

Deno.test("partials: an f-partial route answers with just its area", async () => {
  const { body } = await fixtureGet("/partials/three?fresh-partial=true");
  assert.match(
    body,
    /<!--frsh-partial:main:replace--><h1>Doc three<\/h1><p class="via">via f-partial<\/p><!--\/frsh-partial:main-->/,
  );
});

Deno.test("partials: a page without areas answers an empty document (the browser then loads it fully)", async () => {
  const { body } = await fixtureGet("/plain?fresh-partial=true");
  assert.doesNotMatch(body, /frsh-partial/);
  assert.doesNotMatch(body, /Plain/);
});
