/**
 * Process start-up: opens the store once and, before the server listens,
 * does only what has to be done: imports the content when its files (or the
 * code that reads them) changed since the last import, and seeds the demo
 * data unless in production. The importer, the demo seeders and what they
 * load (YAML, Markdown, HTML sanitizer) are imported only when used, so a
 * warm production start loads none of them. The store handle is the only
 * process-wide value; it holds a connection, not user data, so instances
 * stay interchangeable.
 */
import { openStore } from "@/lib/db/kv.ts";
import {
  CACHE_TTL_MS,
  enableSessionCache,
  POLL_MS,
} from "@/lib/identity/sessions/session_cache.ts";
import {
  contentFingerprint,
  DEFAULT_CONTENT_ROOT,
  saveFingerprint,
  storedFingerprint,
} from "@/lib/content/import_fingerprint.ts";

let store: Promise<Deno.Kv> | null = null;

/**
 * The process's store, opened on first use, with this instance's session
 * cache (2 s bound, see lib/identity/sessions/session_cache.ts). `SA_SESSION_CACHE_MS`
 * shortens the bound (0 turns the cache off); `SA_SESSION_CACHE_POLL_MS=0`
 * and `SA_SESSION_CACHE_WATCH=0` turn off the change log and the watch, so
 * the reliability suite can test the bound when no notice arrives.
 */
export function getStore(): Promise<Deno.Kv> {
  return store ??= openStore().then((kv) => {
    const ttlMs = Number(Deno.env.get("SA_SESSION_CACHE_MS") ?? CACHE_TTL_MS);
    if (ttlMs > 0) {
      enableSessionCache(kv, {
        ttlMs,
        pollMs: Number(Deno.env.get("SA_SESSION_CACHE_POLL_MS") ?? POLL_MS),
        watch: Deno.env.get("SA_SESSION_CACHE_WATCH") !== "0",
      });
    }
    return kv;
  });
}

/** Opens the store and imports content before the server starts listening. */
export async function prepareStore(): Promise<Deno.Kv> {
  const kv = await getStore();
  const rootDir = Deno.env.get("SA_CONTENT_DIR") ?? DEFAULT_CONTENT_ROOT;
  const fingerprint = await contentFingerprint(rootDir);
  if (fingerprint === await storedFingerprint(kv)) {
    console.log(
      `Content unchanged (${fingerprint.slice(0, 12)}): not imported`,
    );
  } else {
    await importAll(kv, rootDir);
    await saveFingerprint(kv, fingerprint);
  }
  // Statements written before the evaluator's rollups (or another layout).
  const { ensureRollups } = await import("@/lib/evaluation/rebuild.ts");
  const rebuilt = await ensureRollups(kv);
  if (rebuilt) {
    console.log(
      `Evaluation rollups rebuilt from ${rebuilt.statements} statements`,
    );
  }
  // As shouldSeedDemo (demo_seed.ts) says, without loading that module.
  if (!Deno.env.get("SA_PRODUCTION")) await seedDemoData(kv);
  await certificateEvidence(kv, new Date());
  return kv;
}

/** How often a running instance records certificate expiries. */
export const EXPIRY_SWEEP_MS = 6 * 3600_000;
const CERT_EVIDENCE_KEY = ["ev_meta", "certificates"];

/**
 * Certificate evidence at start-up: once per store, the statements of
 * certificates issued before certificates had any; then the expiries due
 * since the last sweep (lib/certification/certificate_store.ts).
 */
async function certificateEvidence(kv: Deno.Kv, now: Date): Promise<void> {
  const store = await import("@/lib/certification/certificate_store.ts");
  if ((await kv.get(CERT_EVIDENCE_KEY)).value !== 1) {
    const n = await store.backfillCertificateEvidence(kv);
    if (n > 0) {
      console.log(`Certificate statements written for ${n} older certificates`);
    }
    await kv.set(CERT_EVIDENCE_KEY, 1);
  }
  const expired = await store.recordExpiries(kv, now);
  if (expired > 0) console.log(`Certificate expiries recorded: ${expired}`);
}

/**
 * Records certificate expiries every EXPIRY_SWEEP_MS while the server runs
 * (main.ts). The timer does not keep the process alive; a failed sweep is
 * logged and the next one tries again (the sweep is idempotent).
 */
export function startExpirySweep(kv: Deno.Kv): void {
  const id = setInterval(async () => {
    try {
      const { recordExpiries } = await import(
        "@/lib/certification/certificate_store.ts"
      );
      await recordExpiries(kv, new Date());
    } catch (e) {
      console.error(`Certificate expiry sweep failed: ${e}`);
    }
  }, EXPIRY_SWEEP_MS);
  Deno.unrefTimer(id);
}

async function importAll(kv: Deno.Kv, rootDir: string): Promise<void> {
  const { importContent } = await import("@/lib/authoring/course_import.ts");
  const status = await importContent(kv, new Date(), rootDir);
  for (const p of status.published) {
    console.log(
      `Course "${p.courseId}" version ${p.version}${
        p.imported ? " imported" : " unchanged"
      }`,
    );
  }
  if (status.problemCount > 0) {
    const { problemLine } = await import("@/lib/content/source.ts");
    console.warn(
      `Content problems: ${status.problemCount}; held back: ${
        status.heldBack.join(", ") || "none"
      }`,
    );
    for (const p of status.problems.slice(0, 20)) {
      console.warn(`  ${problemLine(p)}`);
    }
  }
}

async function seedDemoData(kv: Deno.Kv): Promise<void> {
  const { DEMO_PASSWORD, seedDemo } = await import(
    "@/lib/identity/demo/demo_seed.ts"
  );
  const { seedDemoProgress } = await import(
    "@/lib/learning/demo_progress.ts"
  );
  const { seedDemoCertification } = await import(
    "@/lib/demo/demo_certification.ts"
  );
  const { seedDemoEvaluation } = await import("@/lib/demo/demo_evaluation.ts");
  const { seedDemoAuthoring } = await import(
    "@/lib/authoring/demo_authoring.ts"
  );
  const { seedDemoReplies } = await import("@/lib/demo/demo_replies.ts");
  const { findUserByLogin } = await import(
    "@/lib/identity/accounts/user_store.ts"
  );
  const now = new Date();
  const logins = await seedDemo(kv, now);
  await seedDemoProgress(kv, "onboarding", now);
  // A second version published by the demo trainer with a change note.
  const trainer = await findUserByLogin(kv, "trainer@demo.academy");
  if (trainer) await seedDemoAuthoring(kv, "onboarding", trainer.id, now);
  await seedDemoReplies(kv, now);
  console.log(`Demo accounts (password "${DEMO_PASSWORD}"):`);
  for (const l of logins) {
    console.log(`  ${l.role.padEnd(8)} ${l.login}  ${l.name}`);
  }
  // Finished onboardings: certified, expiring, expired, revoked, ready.
  const origin = Deno.env.get("SA_PUBLIC_ORIGIN")?.replace(/\/$/, "") ??
    `http://localhost:${Deno.env.get("PORT") ?? 8000}`;
  const certificate = await seedDemoCertification(
    kv,
    "onboarding",
    origin,
    now,
  );
  console.log(
    "  learner  graduate@ renewal@ expired@ revoked@ ready@demo.academy  (finished onboarding)",
  );
  if (certificate) {
    console.log(`A valid demo certificate: ${origin}/verify/${certificate}`);
  }
  // Evaluator evidence: 第 8 期 (agent1@-agent8@), surveys, QA, drivers and
  // KPI months (issue 16).
  await seedDemoEvaluation(kv, "onboarding", now);
  console.log(
    "  learner  agent1@ … agent8@demo.academy  (第 8 期, trained five months ago)",
  );
  // Pre-tests of the running cohorts, for the trainers' item analysis.
  const { seedDemoItemAnalysis } = await import(
    "@/lib/demo/demo_item_analysis.ts"
  );
  await seedDemoItemAnalysis(kv, "onboarding", now);
}
