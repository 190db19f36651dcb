import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { expect } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium (`apt-get install -y chromium`); CHROMIUM_PATH names another build. Nothing is downloaded. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Why the browser tests cannot run here, or undefined when they can. */
export function chromiumMissing(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  const why = `${CHROMIUM} is absent (install Debian's chromium package, or set CHROMIUM_PATH)`;
  // CI (.ci/run) installs chromium and sets this: there a missing browser is a failure, never a silent skip.
  if (process.env['AUTH0_SCAN_REQUIRE_BROWSER'] === '1') throw new Error(`the browser tests must run here, but ${why}`);
  return why;
}

export function launchChromium(): Promise<Browser> {
  // Chromium's sandbox refuses to start as root (CI runs as root); as any other user it stays on.
  const root = process.getuid?.() === 0;
  return chromium.launch({ executablePath: CHROMIUM, args: root ? ['--no-sandbox'] : [], timeout: 30_000 });
}

/** What the page did while it was open: console errors and warnings, uncaught errors, dialogs, CSP violations, requests. */
export interface PageLog {
  consoleErrors: string[];
  pageErrors: string[];
  dialogs: string[];
  /** Every request but the report file itself (intercepted and aborted, so nothing leaves either way). */
  requests: string[];
  cspViolations: () => Promise<string[]>;
}

/** The page stayed inert: no console error, uncaught error, dialog, request or policy violation. */
export async function expectQuietPage(log: PageLog): Promise<void> {
  expect(log.consoleErrors).toEqual([]);
  expect(log.pageErrors).toEqual([]);
  expect(log.dialogs).toEqual([]);
  expect(log.requests).toEqual([]);
  expect(await log.cspViolations()).toEqual([]);
}

/**
 * Opens a report from disk, as a person would (file://), and waits until its script has drawn it (`ready`: a page
 * without script, such as `access --format html`, names an element of its own).
 */
export async function openReport(browser: Browser, file: string, viewport = { width: 1280, height: 900 }, ready = 'html[data-ready="true"]'): Promise<{ page: Page; log: PageLog }> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, colorScheme: 'light', locale: 'en-US', timezoneId: 'UTC' });
  const page = await context.newPage();
  const url = pathToFileURL(file).href;
  const log: PageLog = {
    consoleErrors: [],
    pageErrors: [],
    dialogs: [],
    requests: [],
    cspViolations: () => page.evaluate<string[]>('window.cspViolations || []'),
  };
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') log.consoleErrors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => log.pageErrors.push(e.message));
  page.on('dialog', (d) => {
    log.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (r.url() !== url) log.requests.push(r.url());
  });
  await context.route('**/*', (route) => {
    if (route.request().url() === url) return route.continue();
    return route.abort();
  });
  // The tests compile without the DOM's types, so code that runs in the page is given as text.
  await page.addInitScript({
    content: "window.cspViolations = []; document.addEventListener('securitypolicyviolation', function (e) { window.cspViolations.push(e.violatedDirective + ': ' + e.blockedURI); });",
  });
  await page.goto(url);
  await page.waitForSelector(ready, { timeout: 10_000 });
  return { page, log };
}
