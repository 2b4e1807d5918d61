import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { fileTreeSource, memorySource, readAllText } from "./content_source.ts";
import { loadContent } from "./loader.ts";
import { checkContent } from "../authoring/check.ts";
import { englishText } from "./source.ts";

const fixture = (dir: string) =>
  fileURLToPath(new URL(`./testdata/${dir}`, import.meta.url));

/** The same files, read into memory: what a draft in KV is. */
async function inMemory(dir: string) {
  return memorySource(
    await readAllText(fileTreeSource(fixture(dir)), ["courses", "assessments"]),
  );
}

Deno.test("a fixture read from memory loads into the same tree, hash and problems as from disk", async () => {
  const broken = await Array.fromAsync(
    Deno.readDir(fixture("broken")),
    (e) => `broken/${e.name}`,
  );
  assert.ok(broken.length > 20);
  for (const dir of ["valid", ...broken]) {
    const disk = await loadContent(fixture(dir));
    const memory = await loadContent(await inMemory(dir));
    assert.deepEqual(memory.tree, disk.tree, dir);
    assert.deepEqual(memory.problems, disk.problems, dir);
    assert.deepEqual(checkContent(memory.tree), checkContent(disk.tree), dir);
  }
});

Deno.test("a memory source reports a broken draft at its path:line:col", async () => {
  const files = await readAllText(fileTreeSource(fixture("valid")), [
    "courses",
    "assessments",
  ]);
  const path = Object.keys(files).find((p) => p.endsWith(".md"))!;
  // Line 2 of the frontmatter gets an unknown field.
  const lines = files[path].split("\n");
  lines.splice(1, 0, "colour: red");
  const { problems } = await loadContent(
    memorySource({ ...files, [path]: lines.join("\n") }),
  );
  const hit = problems.find((p) => p.path === path);
  assert.ok(hit, JSON.stringify(problems));
  assert.equal(hit.line, 2);
  assert.match(englishText(hit), /colour/);
});

Deno.test("a memory source lists files and folders like the file tree does", async () => {
  const disk = fileTreeSource(fixture("valid"));
  const memory = await inMemory("valid");
  for (const dir of ["courses", "courses/demo", "assessments", "nothing"]) {
    assert.deepEqual(await memory.listDirs(dir), await disk.listDirs(dir));
    assert.deepEqual(await memory.listFiles(dir), await disk.listFiles(dir));
    assert.deepEqual(
      await memory.listFiles(dir, false),
      await disk.listFiles(dir, false),
    );
  }
  assert.equal(await memory.readBytes("courses/none.yaml"), null);
});
