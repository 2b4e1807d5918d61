import assert from "node:assert/strict";
import { fromFileUrl } from "./path.ts";
import { collectFiles, generateManifest } from "./manifest.ts";

const fixture = fromFileUrl(new URL("../testdata/app/", import.meta.url));

Deno.test("generateManifest() reproduces the checked-in fixture manifest exactly", async () => {
  const checkedIn = await Deno.readTextFile(fixture + "fresh.gen.ts");
  assert.equal(await generateManifest(fixture), checkedIn);
});

Deno.test("collectFiles() skips test files and private folders, keeps groups", async () => {
  const { routes, islands } = await collectFiles(fixture);
  assert.ok(routes.includes("./routes/(marketing)/pricing.tsx"));
  assert.ok(
    !routes.some((r) => r.includes("(_private)") || r.endsWith("_test.ts")),
  );
  assert.deepEqual(islands, [
    "./islands/Counter.tsx",
    "./islands/Lazy.tsx",
    "./islands/Outer.tsx",
  ]);
});

Deno.test("the project's fresh.gen.ts is not stale", async () => {
  const root = fromFileUrl(new URL("../../", import.meta.url));
  assert.equal(
    await generateManifest(root),
    await Deno.readTextFile(root + "fresh.gen.ts"),
    "fresh.gen.ts is stale: run `deno task manifest`",
  );
});
