// A test file in routes/ is not a route.
Deno.test("fixture placeholder test file is ignored by the manifest", () => {});
