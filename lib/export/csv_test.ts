import assert from "node:assert/strict";
import Papa from "papaparse";
import { BOM, csvResponse, toCsv } from "./csv.ts";

Deno.test("toCsv() starts with the UTF-8 BOM and ends rows with CRLF", () => {
  const csv = toCsv(["姓名", "进度"], [["王小明", 80]]);
  assert.ok(csv.startsWith(BOM));
  assert.equal(csv, `${BOM}姓名,进度\r\n王小明,80\r\n`);
  const bytes = new TextEncoder().encode(csv);
  assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
});

Deno.test("toCsv() quotes commas, quotes and line breaks so the file parses back", () => {
  const rows = [["a, b", 'say "hi"', "two\nlines", null, new Date(0), true]];
  const csv = toCsv(["x", "y", "z", "empty", "date", "flag"], rows);
  const parsed = Papa.parse<string[]>(csv.slice(BOM.length).trimEnd(), {
    newline: "\r\n",
  });
  assert.deepEqual(parsed.errors, []);
  assert.deepEqual(parsed.data[1], [
    "a, b",
    'say "hi"',
    "two\nlines",
    "",
    "1970-01-01T00:00:00.000Z",
    "1",
  ]);
});

Deno.test("toCsv() escapes a cell a spreadsheet would run as a formula", () => {
  const csv = toCsv(["note"], [['=HYPERLINK("http://x")'], ["+1"], ["ok"]]);
  const lines = csv.slice(BOM.length).split("\r\n");
  assert.ok(lines[1].includes("'="), lines[1]);
  assert.ok(lines[2].includes("'+1"), lines[2]);
  assert.equal(lines[3], "ok");
});

Deno.test("csvResponse() names the download and says it is UTF-8 CSV", async () => {
  const res = csvResponse(toCsv(["a"], [[1]]), "认证报告-2026.csv");
  assert.equal(res.headers.get("content-type"), "text/csv; charset=utf-8");
  const cd = res.headers.get("content-disposition")!;
  assert.match(cd, /^attachment; filename="_+-2026\.csv"; filename\*=UTF-8''/);
  assert.ok(cd.includes(encodeURIComponent("认证报告")));
  // The BOM survives the response body.
  const bytes = new Uint8Array(await res.arrayBuffer());
  assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
});
