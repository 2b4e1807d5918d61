import assert from "node:assert/strict";
import manifest from "@/fresh.gen.ts";
import { decide, ROLES, ROUTE_POLICY } from "./policy.ts";

/**
 * The route pattern Fresh 1.x reports as `ctx.route` for a routes/ file,
 * written here from Fresh's documented rule (not taken from our layer, so
 * the policy keeps working when `$fresh/` points at upstream Fresh): groups
 * and `index` drop out, `[id]` is `/:id`, `[[x]]` is `{/:x}?`, `[...x]` is
 * `/:x*`. tests/fresh_routes_test.ts checks the layer reports the same.
 */
function freshPattern(file: string): string {
  const segments = file.replace(/^\.\/routes\//, "").replace(/\.[jt]sx?$/, "")
    .split("/").filter((s) => !/^\(.*\)$/.test(s));
  if (segments.at(-1) === "index") segments.pop();
  const path = segments.map((s) =>
    s.replace(/^\[\.\.\.(\w+)\]$/, "\u0000/:$1*")
      .replace(/^\[\[(\w+)\]\]$/, "\u0000{/:$1}?")
      .replace(/\[(\w+)\]/g, ":$1")
  ).map((s) => s.startsWith("\u0000") ? s.slice(1) : `/${s}`).join("");
  return path === "" ? "/" : path;
}

/** Every page and API route of the app, as the router names it. */
function appRoutes(): string[] {
  return Object.entries(manifest.routes)
    .filter(([file]) => !file.split("/").at(-1)!.startsWith("_"))
    .map(([file, mod]) =>
      (mod as { config?: { routeOverride?: string } }).config?.routeOverride ??
        freshPattern(file)
    );
}

Deno.test("freshPattern() writes Fresh's route form", () => {
  assert.equal(freshPattern("./routes/index.tsx"), "/");
  assert.equal(freshPattern("./routes/(g)/team/index.tsx"), "/team");
  assert.equal(
    freshPattern(
      "./routes/courses/[course]/[module]/quiz/[attempt]/answers.ts",
    ),
    "/courses/:course/:module/quiz/:attempt/answers",
  );
  assert.equal(freshPattern("./routes/docs/[[lang]].tsx"), "/docs{/:lang}?");
  assert.equal(freshPattern("./routes/files/[...path].tsx"), "/files/:path*");
  assert.equal(freshPattern("./routes/p/post-[id].tsx"), "/p/post-:id");
});

Deno.test("every route in fresh.gen.ts has an access policy, and every policy a route", () => {
  const routes = appRoutes();
  assert.deepEqual(
    routes.filter((r) => !(r in ROUTE_POLICY)),
    [],
    "routes without a policy",
  );
  assert.deepEqual(
    Object.keys(ROUTE_POLICY).filter((p) => !routes.includes(p)),
    [],
    "policies without a route",
  );
});

Deno.test("every route decides as its policy says, for every role and for anonymous users", () => {
  for (const route of appRoutes()) {
    const audience = ROUTE_POLICY[route];
    for (const role of [null, ...ROLES]) {
      const expected = audience === "public"
        ? "allow"
        : audience === "anonymous-only"
        ? (role === null ? "allow" : "home")
        : role === null
        ? "login"
        : audience === "signed-in" || audience.includes(role)
        ? "allow"
        : "forbid";
      assert.equal(
        decide(route, role),
        expected,
        `${route} as ${role ?? "anonymous"}`,
      );
    }
  }
});

Deno.test("a route missing from the policy is refused", () => {
  assert.equal(decide("/brand-new-admin-page", "admin"), "forbid");
  assert.equal(decide("/brand-new-admin-page", null), "forbid");
});
