/**
 * The browser tests' one harness: Debian's chromium (never a downloaded
 * browser) driven by playwright-core, headless, with the flags this closed
 * network needs; one server and one browser per test file
 * ({@link startSuite}); pages in their own context (own cookies) at phone
 * size, their script errors collected, signed in through the real form; the
 * checks every page gets (axe, fits its width); screenshots.
 *
 * Waits are on real conditions (a URL, a selector, the new document's
 * language), never on time. The limits below are about the machine, not the
 * test: on a 2-core machine shared with other runs a step can take many
 * times its quiet time, and a limit only has to catch a hang.
 */
import assert from "node:assert/strict";
import {
  type Browser,
  type BrowserContextOptions,
  chromium,
  type Page,
} from "playwright-core";
import { type StartOptions, startServer, type TestServer } from "../server.ts";
import { assertAccessible } from "./axe.ts";

export { assertAccessible };

export const CHROMIUM = Deno.env.get("CHROMIUM_PATH") ?? "/usr/bin/chromium";

/** How long one browser action or navigation may take (`SA_TEST_ACTION_LIMIT_S`). */
export const ACTION_LIMIT_MS =
  Number(Deno.env.get("SA_TEST_ACTION_LIMIT_S") ?? 120) * 1000;

/** Launches headless chromium. */
export async function launchBrowser(): Promise<Browser> {
  return await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: ACTION_LIMIT_MS,
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

/** A page's size and kind: a phone (360 px unless told) or a laptop. */
export interface PageOptions {
  /** Viewport width (default 360); 800 px and wider is a laptop. */
  width?: number;
  /** Viewport height (default 740 on a phone, 800 on a laptop). */
  height?: number;
  /** Device pixel ratio (default 2 on a phone, 1 on a laptop). */
  deviceScaleFactor?: number;
  /** Signs in through the real form when given. */
  login?: string;
  /** Browser permissions for the server's origin (e.g. the clipboard). */
  permissions?: string[];
}

/** A page of its own context, with the script errors it logs. */
export interface TestPage {
  page: Page;
  /** Uncaught errors and console errors, as they come. */
  errors: string[];
}

/** A new page in its own context (own cookies), as a person on a phone or a laptop sees it. */
export async function openPage(
  browser: Browser,
  origin: string,
  options: PageOptions = {},
): Promise<TestPage> {
  const width = options.width ?? 360;
  const phone = width < 800;
  const context: BrowserContextOptions = {
    viewport: { width, height: options.height ?? (phone ? 740 : 800) },
    locale: "zh-CN",
    isMobile: phone,
    hasTouch: phone,
    deviceScaleFactor: options.deviceScaleFactor ?? (phone ? 2 : 1),
  };
  const ctx = await browser.newContext(context);
  ctx.setDefaultTimeout(ACTION_LIMIT_MS);
  ctx.setDefaultNavigationTimeout(ACTION_LIMIT_MS);
  if (options.permissions) {
    await ctx.grantPermissions(options.permissions, { origin });
  }
  const page = await ctx.newPage();
  const errors = collectPageErrors(page);
  if (options.login) await signInPage(page, origin, options.login);
  return { page, errors };
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
  context.setDefaultTimeout(ACTION_LIMIT_MS);
  context.setDefaultNavigationTimeout(ACTION_LIMIT_MS);
  return await context.newPage();
}

/** A test file's server and browser, started once for all its tests. */
export interface Suite {
  server: TestServer;
  browser: Browser;
  origin: string;
  /** A new page in its own context; see {@link openPage}. */
  page(options?: PageOptions): Promise<TestPage>;
  /**
   * Another server (e.g. on other content) for the same browser, stopped
   * with the suite; its pages come from its own `page`.
   */
  serve(options: StartOptions): Promise<
    {
      server: TestServer;
      origin: string;
      page(o?: PageOptions): Promise<TestPage>;
    }
  >;
  /** Closes the browser and stops the servers (the file's last test). */
  close(): Promise<void>;
}

/**
 * Starts the file's server (on a copy of the run's seeded store) and its
 * browser. Call at the top of the file and close in its last test; if a
 * test fails first, both are killed when the file's process ends.
 */
export async function startSuite(options: StartOptions = {}): Promise<Suite> {
  const [server, browser] = await Promise.all([
    startServer(options),
    launchBrowser(),
  ]);
  const servers = [server];
  addEventListener("unload", () => {
    for (const s of servers) {
      try {
        s.process.kill("SIGKILL");
      } catch { /* stopped by close() */ }
    }
  });
  return {
    server,
    browser,
    origin: server.origin,
    page: (opts) => openPage(browser, server.origin, opts),
    async serve(options) {
      const other = await startServer(options);
      servers.push(other);
      return {
        server: other,
        origin: other.origin,
        page: (opts) => openPage(browser, other.origin, opts),
      };
    },
    async close() {
      await browser.close();
      for (const s of servers) await s.stop();
    },
  };
}

/** Fails the page if the browser reports an uncaught error or a CSP violation. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  return errors;
}

/** Script errors, leaving out the failed loads a refusal (4xx) logs on purpose. */
export function scriptErrors(errors: string[]): string[] {
  return errors.filter((e) => !/status of 4\d\d/.test(e));
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

/** Asserts the page scrolls no way sideways (it fits its viewport's width). */
export async function assertFits(page: Page, what: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: globalThis.innerWidth,
  }));
  assert.ok(
    scrollWidth <= innerWidth,
    `${what}: no horizontal scroll (document ${scrollWidth} px wide in a ${innerWidth} px viewport)`,
  );
}

/** What every page a test opens gets: 0 axe violations, and it fits its width. */
export async function checkPage(page: Page, what: string) {
  await assertAccessible(page, what);
  await assertFits(page, what);
}

/**
 * Waits until every island on the page has hydrated; with `some`, also
 * that there is one (an island may render nothing, so visibility cannot
 * tell).
 */
export async function hydrated(page: Page, some = false) {
  await page.waitForFunction((some) => {
    const all = [...document.querySelectorAll("frsh-island")];
    return (!some || all.length > 0) &&
      all.every((i) => i.getAttribute("data-hydrated") === "true");
  }, some);
}

/**
 * Runs `action` (a click, a key press) and waits for the new document it
 * loads: its commit, then its load event. `waitForLoadState("load")` alone
 * returns at once on the page being left, which is then read by mistake;
 * this waits for the next document even when its address is the same (a
 * form that answers at its own URL).
 */
export async function loadsNewPage(
  page: Page,
  action: () => Promise<unknown>,
) {
  await Promise.all([
    page.waitForEvent("framenavigated", {
      predicate: (frame) => frame === page.mainFrame(),
    }),
    action(),
  ]);
  await page.waitForLoadState("load");
}

/**
 * Switches the interface language with the header's switch. It redirects
 * back to the page it was clicked on, so the address may not change: this
 * waits for the new document's language.
 */
export async function switchLanguage(page: Page, to: "en" | "zh-CN") {
  await page.locator(`.lang-switch a[hreflang=${to}]`).click();
  await page.locator(`html[lang="${to}"]`).waitFor({ state: "attached" });
  await page.waitForLoadState("load");
}

/** Where screenshots go (git-ignored). */
export const SCREENSHOTS = new URL("../screenshots/", import.meta.url);

/** The screenshot folder: `SA_SHOTS_DIR` (or `SA_SHOTS`), else screenshots/. */
export const SHOTS = Deno.env.get("SA_SHOTS_DIR") ?? Deno.env.get("SA_SHOTS") ??
  SCREENSHOTS.pathname.replace(/\/$/, "");

let shotsMade: Promise<void> | null = null;

/** Saves a screenshot as `<SHOTS>/<name>.png` (the whole page with `fullPage`). */
export async function shot(page: Page, name: string, fullPage = false) {
  await (shotsMade ??= Deno.mkdir(SHOTS, { recursive: true }));
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });
}
