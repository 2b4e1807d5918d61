import assert from "node:assert/strict";
import manifest from "@/fresh.gen.ts";
import { splitRoutePath, toPathname } from "$fresh/src/router.ts";
import { decide, ROLES, ROUTE_POLICY } from "./policy.ts";

/** Every page and API route of the app, as the router names it. */
function appRoutes(): string[] {
  return Object.entries(manifest.routes)
    .filter(([file]) => !splitRoutePath(file).name.startsWith("_"))
    .map(([file, mod]) =>
      (mod as { config?: { routeOverride?: string } }).config?.routeOverride ??
        toPathname(splitRoutePath(file).segments).pathname
    );
}

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
