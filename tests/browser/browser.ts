/**
 * Browser harness: Debian's chromium (never a downloaded browser) driven by
 * playwright-core, headless, with the flags this closed network needs.
 */
import { type Browser, chromium, type Page } from "playwright-core";

export const CHROMIUM = Deno.env.get("CHROMIUM_PATH") ?? "/usr/bin/chromium";

/** Launches headless chromium. */
export async function launchBrowser(): Promise<Browser> {
  return await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}

/** A phone-sized page (360 x 740, touch, 2x), as a new hire on a phone sees it. */
export async function phonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: "zh-CN",
  });
  return await context.newPage();
}

/** Where screenshots go (git-ignored). */
export const SCREENSHOTS = new URL("../screenshots/", import.meta.url);

/** Fails the page if the browser reports an uncaught error or a CSP violation. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  return errors;
}

/** Signs in through the real form. */
export async function signInPage(
  page: Page,
  origin: string,
  login: string,
  password = "Demo-2026-academy",
) {
  await page.goto(`${origin}/login`);
  await page.fill("#login", login);
  await page.fill("#password", password);
  await Promise.all([
    page.waitForURL((u) => !u.pathname.startsWith("/login")),
    page.click("form.stack button[type=submit]"),
  ]);
}
