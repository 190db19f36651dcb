import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderAccessHtml } from '../../src/access/render-access-html.js';
import { renderHtml } from '../../src/report/render-html.js';
import { aPath, anAccessModel, aPrincipal, aRolePath, aUser } from '../access-builders.js';
import { describeRun, runCli } from '../e2e/run-cli.js';
import { makeTempDir, removeTempDir } from '../e2e/temp-dir.js';
import { aReport, ruleDocs } from '../report-builders.js';
import { chromiumMissing, expectQuietPage, launchChromium, openReport } from './chromium.js';
import { HOSTILE } from './report-fixtures.js';

const missing = chromiumMissing();
if (missing) console.log(`access-html browser tests skipped: ${missing}.`);

/** The standalone page has no script: it is ready once its headline is there. */
const STATIC_READY = '#access-headline';
const HEADLINE = /^\d+ of \d+ principals? can take over this tenant/;

describe.skipIf(missing !== undefined)('who can change this tenant, in headless Chromium', { timeout: 90_000 }, () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    dir = makeTempDir('access-html');
    const scan = await runCli(['scan', '--demo', '--format', 'html', '-o', 'scan.html', '--fail-on', 'never', '--no-progress', '--quiet'], { cwd: dir });
    if (scan.code !== 0) throw new Error(describeRun(scan));
    const access = await runCli(['access', '--demo', '--format', 'html', '-o', 'access.html', '--quiet'], { cwd: dir });
    if (access.code !== 0) throw new Error(describeRun(access));
    browser = await launchChromium();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    removeTempDir(dir);
  });

  const headline = async (page: Page) => ((await page.locator('#access-headline').textContent()) ?? '').trim();
  const takeoverRows = (page: Page) => page.locator('[data-capability="tenant_takeover"] tr.principal:visible').count();

  it('opens the standalone page of the demo tenant: the takeover headline first, every table shown, quietly', async () => {
    const { page, log } = await openReport(browser, join(dir, 'access.html'), undefined, STATIC_READY);
    await expectQuietPage(log);
    expect(await headline(page)).toMatch(HEADLINE);
    expect(await page.locator('#access h2').textContent()).toBe('Who can change this tenant');
    expect(await takeoverRows(page)).toBeGreaterThan(0);
    const closed = await page.locator('details.access-cap:not([open])').count();
    expect(closed).toBe(0);
  });

  it('shows the section in the scan report of the demo tenant, below the findings', async () => {
    const { page, log } = await openReport(browser, join(dir, 'scan.html'));
    await expectQuietPage(log);
    expect(await headline(page)).toMatch(HEADLINE);
    expect(await takeoverRows(page)).toBeGreaterThan(0);
    const order = await page.evaluate<boolean>(
      "(() => { const f = document.querySelector('.filters'), a = document.getElementById('access'); return !!f && !!a && !!(f.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING); })()",
    );
    expect(order).toBe(true);
    expect(await page.locator('#access').count()).toBe(1);
  });

  it('renders hostile principal names as text: no element injected, no script run', async () => {
    const names = Object.values(HOSTILE);
    const model = anAccessModel(
      names.map((name, i) => aPrincipal({ nativeId: `${HOSTILE.attr}${i}`, name, paths: [aPath({ capabilities: ['tenant_takeover'], grantId: name })] })),
      { tenant: { domain: HOSTILE.script }, gaps: [{ kind: 'roles', status: 'forbidden', effect: HOSTILE.img }] },
    );
    const withUser = { ...model, principals: [...model.principals, aUser(HOSTILE.img, [aRolePath(HOSTILE.script, { roleName: HOSTILE.attr })])] };
    const pages = [
      { file: join(dir, 'hostile-access.html'), html: renderAccessHtml(withUser, { details: true }), ready: STATIC_READY },
      { file: join(dir, 'hostile-scan.html'), html: renderHtml(aReport(), { color: false, rules: ruleDocs() }, { access: withUser }), ready: undefined },
    ];
    for (const p of pages) {
      writeFileSync(p.file, p.html);
      const { page, log } = await openReport(browser, p.file, undefined, p.ready);
      await expectQuietPage(log);
      expect(await page.evaluate<unknown>('window.pwned')).toBeUndefined();
      expect(await page.locator('#access img, #access script, #access [onmouseover], #access a').count()).toBe(0);
      const shown = await page.locator('#access .name').allTextContents();
      expect(shown).toContain(HOSTILE.script);
      expect(shown).toContain(HOSTILE.img);
      expect(await headline(page)).toMatch(/^6 of 7 principals can take over this tenant/);
    }
  });
});
