/**
 * Lesson-to-lesson navigation: the bytes a learner's browser receives to go
 * through a module lesson by lesson, with Partials (a click on "next": only
 * the lesson area is fetched) and with full page loads of the same lessons
 * (the cache already warm, as a learner's is), measured in chromium from the
 * network events (headers and bodies as received), in the same run on the
 * real server with the real content and the demo learner.
 */
import type { CDPSession, Page } from "playwright-core";
import { launchBrowser, signInPage } from "../tests/browser/browser.ts";
import { startServer } from "../tests/server.ts";

/** What the navigation benchmark measured. */
export interface LessonNavBench {
  /** Lesson-to-lesson steps walked (each way). */
  steps: number;
  /** Bytes received over the walk with Partials. */
  partialBytes: number;
  /** Bytes received over the same walk with full page loads. */
  fullBytes: number;
}

function countBytes(cdp: CDPSession): { take(): number } {
  let bytes = 0;
  cdp.on("Network.loadingFinished", (e) => {
    bytes += e.encodedDataLength;
  });
  return {
    take() {
      const n = bytes;
      bytes = 0;
      return n;
    },
  };
}

async function waitForH1Change(page: Page, before: string | null) {
  await page.waitForFunction(
    (b) => {
      const h1 = document.querySelector("h1")?.textContent ?? null;
      return h1 !== null && h1 !== b;
    },
    before,
  );
}

/** Walks the first module of the onboarding course both ways. */
export async function benchLessonNavigation(): Promise<LessonNavBench> {
  const dir = await Deno.makeTempDir({ prefix: "sa-bench-nav-" });
  const server = await startServer({ kvPath: `${dir}/academy.kv` });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await signInPage(page, server.origin, "learner@demo.academy");
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    const meter = countBytes(cdp);
    const first =
      `${server.origin}/courses/onboarding/basics/basics-service-value`;

    // With Partials: click "next" through the module.
    await page.goto(first);
    await page.waitForSelector("frsh-island[data-hydrated='true']");
    await page.evaluate(() => {
      (globalThis as unknown as { marker: number }).marker = 1;
    });
    const urls: string[] = [];
    meter.take();
    for (;;) {
      const next = page.locator(".lesson-nav a[rel=next]");
      if (await next.count() === 0) break;
      const href = new URL(await next.getAttribute("href") ?? "", first);
      if (!href.pathname.startsWith("/courses/onboarding/basics/")) break;
      const h1 = await page.textContent("h1");
      await next.click();
      await page.waitForURL(href.href);
      await waitForH1Change(page, h1);
      await page.waitForLoadState("networkidle");
      urls.push(href.href);
    }
    const partialBytes = meter.take();
    const stayed = await page.evaluate(() =>
      (globalThis as unknown as { marker?: number }).marker === 1
    );
    if (!stayed || urls.length === 0) {
      throw new Error("Lesson navigation did not stay on the page (Partials)");
    }

    // Full loads of the same lessons, assets already cached.
    await page.goto(first);
    await page.waitForLoadState("networkidle");
    meter.take();
    for (const url of urls) {
      await page.goto(url);
      await page.waitForLoadState("networkidle");
    }
    const fullBytes = meter.take();
    return { steps: urls.length, partialBytes, fullBytes };
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (import.meta.main) console.log(await benchLessonNavigation());
