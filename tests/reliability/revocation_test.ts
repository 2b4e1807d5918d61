/**
 * The session cache's bound across instances (README, security): two
 * instances on one KV file; a learner is signed in and served by both, so
 * both hold the session in their caches. An admin disables the learner (or
 * the learner signs out) on instance A; instance B must refuse the session
 * within 2 s: at once when the watch or the change log tells B, and also
 * when neither does (both switched off: a watch that is late forever),
 * where the 2 s life of an entry is the bound.
 */
import assert from "node:assert/strict";
import { findUserByLogin } from "@/lib/identity/accounts/user_store.ts";
import { CACHE_TTL_MS } from "@/lib/identity/sessions/session_cache.ts";
import { openStore } from "@/lib/db/kv.ts";
import { client } from "../session.ts";
import { Cluster } from "./harness.ts";

interface Probe {
  sentAt: number;
  refused: boolean;
}

/** Asks B for a signed-in page every 20 ms until it refuses (max 5 s). */
async function probeUntilRefused(
  origin: string,
  cookie: string,
): Promise<Probe[]> {
  const probes: Probe[] = [];
  const started = performance.now();
  while (performance.now() - started < 5_000) {
    const sentAt = performance.now();
    const res = await fetch(origin + "/me", {
      headers: { cookie },
      redirect: "manual",
    });
    await res.body?.cancel();
    const refused = res.status === 303 &&
      (res.headers.get("location") ?? "").startsWith("/login");
    assert.ok(refused || res.status === 200, `unexpected ${res.status}`);
    probes.push({ sentAt, refused });
    if (refused) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  return probes;
}

const variants: { name: string; env: Record<string, string> }[] = [
  { name: "watch and change log on", env: {} },
  {
    name: "no notice: watch and change log off",
    env: { SA_SESSION_CACHE_POLL_MS: "0", SA_SESSION_CACHE_WATCH: "0" },
  },
];

for (const variant of variants) {
  Deno.test({
    name:
      `revocation bound, two instances (${variant.name}): disabling or signing out on A is refused on B within 2 s`,
    sanitizeResources: false,
    sanitizeOps: false,
  }, async () => {
    const dir = await Deno.makeTempDir({ prefix: "sa-rel-revoke-" });
    const kvPath = `${dir}/academy.kv`;
    const cluster = new Cluster(kvPath, {
      SA_CONTENT_DIR: "tests/fixtures/content",
      ...variant.env,
    });
    try {
      await cluster.start(2);
      const [a, b] = cluster.servers;
      const admin = client(a.origin);
      await admin.signIn("admin@demo.academy");
      const lines: string[] = [];

      for (const change of ["disable", "sign-out"] as const) {
        const login = change === "disable"
          ? "learner2@demo.academy"
          : "learner3@demo.academy";
        const learner = client(a.origin);
        await learner.signIn(login);
        // B serves the session, so B's cache holds it.
        for (let i = 0; i < 3; i++) {
          const res = await fetch(b.origin + "/me", {
            headers: { cookie: learner.cookie },
            redirect: "manual",
          });
          await res.body?.cancel();
          assert.equal(res.status, 200, "B serves the signed-in learner");
        }
        // The cookie as it was: sign-out clears the browser's copy, but a
        // copy kept elsewhere must stop working too.
        const cookie = learner.cookie;
        let res: Response;
        if (change === "disable") {
          const kv = await openStore(kvPath);
          const id = (await findUserByLogin(kv, login))!.id;
          kv.close();
          res = await admin.postForm(`/admin/users/${id}`, {
            action: "disable",
          });
        } else {
          res = await learner.postForm("/logout", {});
        }
        await res.body?.cancel();
        assert.equal(res.status, 303, `${change} on A`);
        const changedAt = performance.now();
        const probes = await probeUntilRefused(b.origin, cookie);
        const refused = probes.find((p) => p.refused);
        assert.ok(refused, `B refused the ${change}d session`);
        const accepted = probes.filter((p) => !p.refused);
        const lastAccepted = accepted.at(-1);
        const servedFor = lastAccepted ? lastAccepted.sentAt - changedAt : 0;
        lines.push(
          `${change}: B refused ${
            (refused.sentAt - changedAt).toFixed(0)
          } ms after A's answer (last accepted request sent at ${
            servedFor.toFixed(0)
          } ms; ${accepted.length} accepted after the change)`,
        );
        assert.ok(
          servedFor < CACHE_TTL_MS,
          `${change}: B served the session ${servedFor} ms after the change`,
        );
      }
      console.log(
        `[reliability] revocation, ${variant.name}: ${lines.join("; ")}`,
      );
    } finally {
      await cluster.stop();
      await Deno.remove(dir, { recursive: true }).catch(() => {});
    }
  });
}
