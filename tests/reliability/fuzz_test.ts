/**
 * Fuzz: every route that takes a POST (found from fresh.gen.ts, so a new
 * form or JSON endpoint cannot be missed) gets malformed bodies: wrong
 * types, huge and deeply nested values, invalid UTF-8, wrong content types,
 * missing or wrong CSRF tokens, a foreign origin, bodies over the cap. No
 * answer may be a 5xx; every 4xx must say what is wrong (a JSON `errors`
 * object with a message, or a page with a message); and afterwards every
 * stored record still parses with its schema.
 */
import assert from "node:assert/strict";
import manifest from "@/fresh.gen.ts";
import { splitRoutePath, toPathname } from "$fresh/src/router.ts";
import { decide, type Role } from "@/lib/auth/policy.ts";
import { openStore } from "@/lib/db/kv.ts";
import { createSession } from "@/lib/identity/sessions/session_store.ts";
import { findUserByLogin } from "@/lib/identity/accounts/user_store.ts";
import { SESSION_COOKIE } from "@/lib/http/session_cookie.ts";
import { PRE_SESSION_COOKIE } from "@/lib/http/csrf.ts";
import { client } from "../session.ts";
import { startServer } from "../server.ts";
import { settings } from "./harness.ts";
import { validateStore } from "./store_schemas.ts";

const WRITE_METHODS = ["POST", "PUT", "PATCH", "DELETE"];

/** Every route pattern whose module answers a state-changing method. */
function writeRoutes(): { pattern: string; methods: string[] }[] {
  const out: { pattern: string; methods: string[] }[] = [];
  for (const [file, mod] of Object.entries(manifest.routes)) {
    const { name, segments } = splitRoutePath(file);
    if (name.startsWith("_")) continue;
    const m = mod as {
      handler?: unknown;
      config?: { routeOverride?: string };
    };
    const pattern = m.config?.routeOverride ??
      toPathname(segments).pathname;
    const methods = typeof m.handler === "function"
      ? ["POST"]
      : m.handler && typeof m.handler === "object"
      ? WRITE_METHODS.filter((x) => x in (m.handler as object))
      : [];
    if (methods.length) out.push({ pattern, methods });
  }
  return out;
}

/** A seeded random source, so a failing run can be repeated (REL_FUZZ_SEED). */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6D2B79F5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  return { next, int, pick };
}

const FIELD_NAMES = [
  "_csrf",
  "action",
  "role",
  "login",
  "password",
  "current",
  "next",
  "repeat",
  "name",
  "email",
  "phone",
  "cohortId",
  "teamId",
  "managerId",
  "idempotencyKey",
  "text",
  "nodeId",
  "choiceId",
  "itemId",
  "answers",
  "answer",
  "confirm",
  "reason",
  "csv",
  "lang",
  "redirect",
  "startDate",
  "id",
  "__proto__",
  "constructor",
  "a[b][c]",
  "q-basics-001",
  "",
];

function junkValue(r: ReturnType<typeof random>): string {
  switch (r.int(12)) {
    case 0:
      return "";
    case 1:
      return "x".repeat(100_000 + r.int(50_000));
    case 2:
      return String(r.next() * 1e308);
    case 3:
      return "-1";
    case 4:
      return "\u0000\u0001\u202e\ud800";
    case 5:
      return "%E4%ZZ%";
    case 6:
      return "<script>alert(1)</script>";
    case 7:
      return "客服".repeat(r.int(2000));
    case 8:
      return JSON.stringify({ type: "single", optionId: ["a"] });
    case 9:
      return "true";
    case 10:
      return "../../etc/passwd";
    default:
      return crypto.randomUUID();
  }
}

function junkJson(r: ReturnType<typeof random>, depth = 0): unknown {
  switch (depth > 3 ? r.int(6) : r.int(9)) {
    case 0:
      return null;
    case 1:
      return r.next() * 1e9 - 5e8;
    case 2:
      return junkValue(r);
    case 3:
      return r.next() < 0.5;
    case 4:
      return -0;
    case 5:
      return 1e400;
    case 6:
      return Array.from({ length: r.int(20) }, () => junkJson(r, depth + 1));
    default: {
      const o: Record<string, unknown> = {};
      for (let i = r.int(8); i > 0; i--) {
        // defineProperty: "__proto__" becomes an own key, as a parsed body's.
        Object.defineProperty(o, r.pick(FIELD_NAMES), {
          value: junkJson(r, depth + 1),
          enumerable: true,
          configurable: true,
          writable: true,
        });
      }
      return o;
    }
  }
}

function nested(depth: number): string {
  return "[".repeat(depth) + "]".repeat(depth);
}

interface Who {
  cookie: string;
  csrf: string;
}

interface Sent {
  kind: string;
  init: RequestInit;
}

/** The n-th malformed request for an endpoint. */
function malformed(
  r: ReturnType<typeof random>,
  n: number,
  who: Who,
  origin: string,
  method: string,
): Sent {
  const form = (fields: [string, string][]) =>
    new URLSearchParams(fields).toString();
  const junkFields = () =>
    Array.from(
      { length: r.int(12) },
      () => [r.pick(FIELD_NAMES), junkValue(r)] as [string, string],
    );
  const base = { cookie: who.cookie, origin };
  const formType = { "content-type": "application/x-www-form-urlencoded" };
  const jsonType = {
    "content-type": "application/json",
    accept: "application/json",
  };
  const csrf = { "x-csrf-token": who.csrf };
  const kinds: (() => Sent)[] = [
    () => ({
      kind: "form, junk fields, right token",
      init: {
        headers: { ...base, ...formType },
        body: form([["_csrf", who.csrf], ...junkFields()]),
      },
    }),
    () => ({
      kind: "form, no token",
      init: { headers: { ...base, ...formType }, body: form(junkFields()) },
    }),
    () => ({
      kind: "form, wrong token",
      init: {
        headers: { ...base, ...formType },
        body: form([["_csrf", crypto.randomUUID()], ...junkFields()]),
      },
    }),
    () => ({
      kind: "JSON, wrong types",
      init: {
        headers: { ...base, ...jsonType, ...csrf },
        body: JSON.stringify(junkJson(r)),
      },
    }),
    () => ({
      kind: "JSON, nested 20000 deep",
      init: {
        headers: { ...base, ...jsonType, ...csrf },
        body: nested(20_000),
      },
    }),
    () => ({
      kind: "JSON, not JSON",
      init: {
        headers: { ...base, ...jsonType, ...csrf },
        body: r.pick(["{", "{'a':1}", "NaN", "\u0000", "[1,]", "nul"]),
      },
    }),
    () => ({
      kind: "invalid UTF-8",
      init: {
        headers: {
          ...base,
          ...(r.next() < 0.5 ? formType : jsonType),
          ...csrf,
        },
        body: new Uint8Array([
          ...new TextEncoder().encode(`_csrf=${who.csrf}&text=`),
          0xff,
          0xfe,
          0xc3,
          0x28,
          0xe2,
          0x82,
        ]),
      },
    }),
    () => ({
      kind: "form, broken percent-encoding",
      init: {
        headers: { ...base, ...formType },
        body: `_csrf=${who.csrf}&${r.pick(FIELD_NAMES)}=%E4%ZZ%&%FF%FE=%`,
      },
    }),
    () => ({
      kind: "wrong content type",
      init: {
        headers: {
          ...base,
          ...csrf,
          "content-type": r.pick([
            "text/plain",
            "application/xml",
            "multipart/form-data; boundary=",
            "multipart/form-data",
            "application/x-www-form-urlencoded; charset=utf-16",
            "image/png",
          ]),
        },
        body: form([["_csrf", who.csrf], ...junkFields()]),
      },
    }),
    () => ({
      kind: "no content type",
      init: { headers: { ...base, ...csrf }, body: junkValue(r) },
    }),
    () => ({
      kind: "over the size cap",
      init: {
        headers: {
          ...base,
          ...(r.next() < 0.5 ? formType : jsonType),
          ...csrf,
        },
        body: `_csrf=${who.csrf}&text=${"y".repeat(1_400_000)}`,
      },
    }),
    () => ({
      kind: "foreign origin",
      init: {
        headers: { ...base, ...formType, origin: "https://evil.example" },
        body: form([["_csrf", who.csrf], ...junkFields()]),
      },
    }),
    () => {
      const fd = new FormData();
      fd.set("_csrf", who.csrf);
      for (const [k, v] of junkFields()) fd.append(k, v);
      if (r.next() < 0.5) {
        fd.append("file", new Blob([junkValue(r)]), "a.csv");
      }
      return {
        kind: "multipart, junk fields",
        init: { headers: { ...base }, body: fd },
      };
    },
  ];
  const sent = kinds[n % kinds.length]();
  return { ...sent, init: { ...sent.init, method, redirect: "manual" } };
}

/** Whether a 4xx answer says what is wrong. */
function explains(status: number, type: string, body: string): boolean {
  if (type.includes("application/json")) {
    try {
      const errors = JSON.parse(body).errors;
      return errors !== null && typeof errors === "object" &&
        Object.values(errors).some((m) => typeof m === "string" && m.trim());
    } catch {
      return false;
    }
  }
  if (type.includes("text/html")) {
    // A page with a heading or an alert that carries words.
    return /<(h1|h2)[^>]*>[^<]*\S/.test(body) ||
      /role="alert"[^>]*>\s*[^<\s]/.test(body) ||
      /class="[^"]*error[^"]*"[^>]*>\s*[^<\s]/.test(body);
  }
  return status === 405 && body.trim().length > 0;
}

Deno.test({
  name:
    "fuzz: every form and JSON endpoint answers malformed bodies with a clear 4xx, never a 5xx, and the store stays valid",
  sanitizeResources: false,
  sanitizeOps: false,
}, async () => {
  const dir = await Deno.makeTempDir({ prefix: "sa-rel-fuzz-" });
  const kvPath = `${dir}/academy.kv`;
  const server = await startServer({
    kvPath,
    env: { SA_CONTENT_DIR: "tests/fixtures/content" },
  });
  const origin = server.origin;
  try {
    // Real ids for the routes' parameters: a learner's attempt and runs.
    const learner = client(origin);
    await learner.signIn("learner@demo.academy");
    const ids: Record<string, string> = {};
    for (
      const [name, path] of [
        ["attempt", "/courses/demo/basics/quiz"],
        ["scenarioRun", "/courses/demo/scenarios/late-parcel"],
        ["drillRun", "/courses/demo/drills/drill-greeting"],
      ]
    ) {
      const res = await learner.postForm(path, {});
      await res.body?.cancel();
      assert.equal(res.status, 303, path);
      ids[name] = res.headers.get("location")!.split("/").at(-1)!;
    }
    const kv = await openStore(kvPath);
    const learnerUser = (await findUserByLogin(kv, "learner@demo.academy"))!;
    const cohort = await Array.fromAsync(
      kv.list<unknown>({ prefix: ["cohorts"] }, { limit: 1 }),
    );
    const param = (name: string, pattern: string): string => {
      switch (name) {
        case "course":
          return "demo";
        case "module":
          return "basics";
        case "lesson":
          return "basics-stages";
        case "index":
          return "0";
        case "attempt":
          return ids.attempt;
        case "run":
          return pattern.includes("/drills/") ? ids.drillRun : ids.scenarioRun;
        case "scenario":
          return "late-parcel";
        case "drill":
          return "drill-greeting";
        case "kind":
          return "quiz";
        case "ref":
          return "basics";
        case "user":
          return learnerUser.id;
        case "cohort":
          return String(cohort[0]?.key[1] ?? "no-cohort");
        default:
          return "x";
      }
    };
    // One session per endpoint, so a fuzzed sign-out ends only its own.
    const logins: Record<Role, string> = {
      learner: "learner@demo.academy",
      trainer: "trainer@demo.academy",
      mentor: "mentor@demo.academy",
      manager: "manager@demo.academy",
      admin: "admin@demo.academy",
    } as Record<Role, string>;
    const whoFor = async (pattern: string): Promise<Who> => {
      for (const role of ["learner", "admin", "manager", "trainer"] as Role[]) {
        if (decide(pattern, role) !== "allow") continue;
        const user = (await findUserByLogin(kv, logins[role]))!;
        const { id, session } = await createSession(kv, user.id, new Date());
        return {
          cookie: `${SESSION_COOKIE}=${id}`,
          csrf: session.csrfToken,
        };
      }
      // Anonymous-only or public: the pre-session (double-submit) token.
      const token = crypto.randomUUID().replaceAll("-", "");
      return { cookie: `${PRE_SESSION_COOKIE}=${token}`, csrf: token };
    };

    const routes = writeRoutes();
    assert.ok(routes.length >= 10, `found ${routes.length} write routes`);
    const r = random(Number(Deno.env.get("REL_FUZZ_SEED") ?? 20));
    let sent = 0;
    const statuses = new Map<number, number>();
    /** "METHOD pattern (kind): status" -> count and one sample. */
    const failures = new Map<string, { count: number; sample: string }>();
    const fail = (key: string, sample: string) => {
      const f = failures.get(key) ?? { count: 0, sample };
      f.count++;
      failures.set(key, f);
    };
    const perEndpoint = Math.max(12, settings.fuzz);
    for (const { pattern, methods } of routes) {
      const path = pattern.replace(
        /:(\w+)/g,
        (_, name: string) => encodeURIComponent(param(name, pattern)),
      );
      const who = await whoFor(pattern);
      for (const method of methods) {
        // A few at a time: enough to overlap, not enough to queue for long.
        let n = 0;
        await Promise.all(Array.from({ length: 4 }, async () => {
          while (n < perEndpoint) {
            const req = malformed(r, n++, who, origin, method);
            const res = await fetch(origin + path, req.init);
            const body = await res.text();
            sent++;
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
            const type = res.headers.get("content-type") ?? "";
            if (res.status >= 500) {
              fail(
                `${method} ${pattern} (${req.kind}): ${res.status}`,
                body.slice(0, 200),
              );
            } else if (
              res.status >= 400 && !explains(res.status, type, body)
            ) {
              fail(
                `${method} ${pattern} (${req.kind}): ${res.status} ${type} without a message`,
                body.slice(0, 200),
              );
            }
          }
        }));
      }
    }
    await server.stop();
    const check = await validateStore(kv);
    kv.close();
    const failed = [...failures.values()].reduce((n, f) => n + f.count, 0);
    console.log(
      `[reliability] fuzz: ${routes.length} endpoints (${
        routes.map((x) => x.pattern).join(", ")
      }), ${sent} malformed requests; statuses ${
        [...statuses].sort(([a], [b]) => a - b).map(([s, c]) => `${s}×${c}`)
          .join(", ")
      }; ${failed} failed; store: ${check.checked} records checked against ${check.schemas} schemas, ${check.invalid.length} invalid`,
    );
    const listed = [...failures].map(([k, f]) => `${k} ×${f.count}`);
    for (const line of [...listed, ...check.invalid.slice(0, 10)]) {
      console.log(`  ${line}`);
    }
    if (failures.size) {
      console.log(`  first sample: ${[...failures.values()][0].sample}`);
      console.log(server.output().slice(-3000));
    }
    assert.deepEqual(listed, []);
    assert.deepEqual(check.invalid.slice(0, 10), []);
    assert.ok(check.checked > 0);
  } finally {
    await server.stop();
    await Deno.remove(dir, { recursive: true }).catch(() => {});
  }
});
