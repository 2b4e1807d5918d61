/**
 * `<Head>` as in Fresh 1.7 (the layer's contract): its children move into
 * the document's `<head>`; a `<title>` set by a page replaces the one the
 * `_app` wrote (one title per page); a `<meta>` with the same `name` or
 * `property` replaces the app's too; among `<Head>` elements the last one
 * with the same title/name/property/`key` wins. Everything else in the app's
 * head stays where it is.
 */
import assert from "node:assert/strict";
import { fixtureGet } from "./fresh_fixture.ts";

function headOf(html: string): string {
  return html.slice(html.indexOf("<head>"), html.indexOf("</head>"));
}

const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;

Deno.test("Head: a page's <title> replaces the app's, one title per page", async () => {
  const head = headOf((await fixtureGet("/docs/one")).body);
  assert.equal(count(head, /<title>/g), 1);
  assert.match(head, /<title>Doc one · Fixture<\/title>/);
  assert.doesNotMatch(head, /<title>Fixture<\/title>/);
});

Deno.test("Head: without a page title the app's title stays", async () => {
  const head = headOf((await fixtureGet("/docs")).body);
  assert.equal(count(head, /<title>/g), 1);
  assert.match(head, /<title>Fixture<\/title>/);
  assert.match(head, /<meta name="description" content="from the app"\/>/);
});

Deno.test("Head: a meta with the app's name is replaced; other app elements stay", async () => {
  const head = headOf((await fixtureGet("/docs/one")).body);
  assert.equal(count(head, /name="description"/g), 1);
  assert.match(head, /<meta name="description" content="about Doc one"\/>/);
  assert.match(head, /<meta property="og:title" content="Fixture"\/>/);
  assert.match(head, /<meta charset="utf-8"\/>/);
  assert.match(head, /<link rel="stylesheet" href="\/site.css\?__frsh_c=/);
  assert.match(head, /<meta name="robots" content="noindex"\/>/);
});

Deno.test("Head: among <Head> elements the last title, name and key win", async () => {
  const head = headOf((await fixtureGet("/head")).body);
  assert.equal(count(head, /<title>/g), 1);
  assert.match(head, /<title>second<\/title>/);
  assert.equal(count(head, /name="description"/g), 1);
  assert.match(head, /content="two"/);
  assert.equal(count(head, /property="og:title"/g), 1);
  assert.match(head, /<meta property="og:title" content="page og"\/>/);
  assert.equal(count(head, /rel="canonical"/g), 1);
  assert.match(head, /<link rel="canonical" href="\/b"\/>/);
});
