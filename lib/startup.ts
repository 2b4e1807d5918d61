/**
 * Process start-up: opens the store once and imports the bundled content.
 * The store handle is the only process-wide value; it holds a connection,
 * not user data, so instances stay interchangeable.
 */
import { importContent } from "@/lib/content/course_import.ts";
import { openStore } from "@/lib/db/kv.ts";
import {
  DEMO_PASSWORD,
  seedDemo,
  shouldSeedDemo,
} from "@/lib/identity/demo_seed.ts";
import { seedDemoProgress } from "@/lib/learning/demo_progress.ts";
import { seedDemoCertification } from "@/lib/onboarding/demo_certification.ts";

let store: Promise<Deno.Kv> | null = null;

/** The process's store, opened on first use. */
export function getStore(): Promise<Deno.Kv> {
  return store ??= openStore();
}

/** Opens the store and imports content before the server starts listening. */
export async function prepareStore(): Promise<Deno.Kv> {
  const kv = await getStore();
  const status = await importContent(
    kv,
    new Date(),
    Deno.env.get("SA_CONTENT_DIR") ?? undefined,
  );
  for (const p of status.published) {
    console.log(
      `Course "${p.courseId}" version ${p.version}${
        p.imported ? " imported" : " unchanged"
      }`,
    );
  }
  if (status.problemCount > 0) {
    console.warn(
      `Content problems: ${status.problemCount}; held back: ${
        status.heldBack.join(", ") || "none"
      }`,
    );
    for (const p of status.problems.slice(0, 20)) {
      console.warn(`  ${p.path}:${p.line}:${p.col}: ${p.message}`);
    }
  }
  if (shouldSeedDemo()) {
    const now = new Date();
    const logins = await seedDemo(kv, now);
    await seedDemoProgress(kv, "onboarding", now);
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
  }
  return kv;
}
