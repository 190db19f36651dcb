import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { ScanReport } from '../../src/model/report.js';
import { REPORTERS } from '../../src/report/reporters.js';
import { startMockServer } from '../../src/mock/index.js';
import { describeRun, REPO_ROOT, runCli } from '../e2e/run-cli.js';
import { REAL_SCANNER, readRealTenantFile, realTenantAsMock, realTenantAvailable, REAL_TENANT_FILE } from '../real-tenant-mock.js';
import { makeTempDir, removeTempDir } from '../e2e/temp-dir.js';
import { fakeTerminal } from '../fake-terminal.js';
import { aReport, aRuleDoc, ruleDocs } from '../report-builders.js';
import { chromiumMissing, expectQuietPage, launchChromium, openReport } from './chromium.js';
import { HOSTILE, hostileReport, manyRuleFindings, reportSeries } from './report-fixtures.js';

const missing = chromiumMissing();
if (missing) console.log(`html-report browser tests skipped: ${missing}.`);

const SCREENSHOT = join(REPO_ROOT, 'docs/images/html-report.png');
/** The bound for the report of the recorded real tenant (1,235 findings). */
const MAX_REAL_TENANT_BYTES = 2 * 1024 * 1024;
const realTenant = realTenantAvailable();
if (!missing && !realTenant) console.log(`html-report: ${REAL_TENANT_FILE} is absent, so the real tenant's HTML report is not checked.`);

describe.skipIf(missing !== undefined)('the HTML report in headless Chromium', { timeout: 90_000 }, () => {
  let browser: Browser;
  let dir: string;
  let demo: ScanReport;
  let demoHtml: string;

  beforeAll(async () => {
    dir = makeTempDir('html');
    const r = await runCli(['scan', '--demo', '--format', 'json', '-o', 'demo.json', '--html-output', 'demo.html', '--fail-on', 'never', '--no-progress', '--quiet'], { cwd: dir });
    if (r.code !== 0) throw new Error(describeRun(r));
    demo = JSON.parse(readFileSync(join(dir, 'demo.json'), 'utf8')) as ScanReport;
    demoHtml = join(dir, 'demo.html');
    browser = await launchChromium();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    removeTempDir(dir);
  });

  /** Code run in the page is text: the tests compile without the DOM's types. */
  const attributes = (page: Page, selector: string, name: string) =>
    page.evaluate<string[]>(`Array.from(document.querySelectorAll(${JSON.stringify(selector)}), (e) => e.getAttribute(${JSON.stringify(name)}))`);
  const fingerprints = (page: Page) => attributes(page, 'tr.finding', 'data-fp');
  const visibleRows = (page: Page) => page.locator('tr.finding:visible').count();

  async function renderToFile(name: string, html: string): Promise<string> {
    const file = join(dir, name);
    writeFileSync(file, html);
    return file;
  }

  async function reportCommand(name: string, reports: ScanReport[]): Promise<string> {
    const inputs = reports.map((r, i) => {
      const file = `${name}-${i}.json`;
      writeFileSync(join(dir, file), JSON.stringify(r));
      return file;
    });
    const term = fakeTerminal(dir);
    const code = await main(['node', 'auth0-scan', 'report', ...inputs, '-o', `${name}.html`], term);
    expect(code, term.err).toBe(0);
    return join(dir, `${name}.html`);
  }

  it('opens the demo report from disk with no request, no console error and every finding of the JSON', async () => {
    const { page, log } = await openReport(browser, demoHtml);
    await expectQuietPage(log);
    expect((await fingerprints(page)).sort()).toEqual(demo.findings.map((f) => f.fingerprint).sort());
    expect(await page.locator('#score-value').textContent()).toBe(demo.summary.score ? String(demo.summary.score.value) : 'n/a');
    expect(await page.locator('section.rule').count()).toBe(new Set(demo.findings.map((f) => f.ruleId)).size);
    expect(await page.locator('#coverage tbody tr').count()).toBe(Object.keys(demo.collection.kinds).length);
    await page.close();
  });

  it('filters by severity, area, rule and text, and says how many are shown', async () => {
    const { page, log } = await openReport(browser, demoHtml);
    const total = demo.findings.length;
    const count = (pred: (f: ScanReport['findings'][number]) => boolean) => demo.findings.filter(pred).length;
    expect(await visibleRows(page)).toBe(total);

    await page.locator('input[data-filter-severity="info"]').uncheck();
    await page.locator('input[data-filter-severity="low"]').uncheck();
    expect(await visibleRows(page)).toBe(count((f) => f.severity !== 'info' && f.severity !== 'low'));
    expect(await page.locator('tr.finding[data-severity="info"]:visible').count()).toBe(0);
    await page.locator('input[data-filter-severity="info"]').check();
    await page.locator('input[data-filter-severity="low"]').check();

    await page.locator('#filter-area').selectOption('tenant');
    expect(await visibleRows(page)).toBe(count((f) => f.category === 'tenant'));
    await page.locator('#filter-area').selectOption('');

    const rule = demo.findings[0]?.ruleId ?? '';
    await page.locator('#filter-rule').selectOption(rule);
    expect(await visibleRows(page)).toBe(count((f) => f.ruleId === rule));
    expect(await page.locator('section.rule:visible').count()).toBe(1);
    await page.locator('#filter-rule').selectOption('');

    const named = demo.findings.find((f) => typeof f.resource.name === 'string' && f.resource.name.length > 4);
    const needle = (named?.resource.name ?? '').toLowerCase();
    await page.locator('#filter-text').fill(needle.toUpperCase());
    const expected = count((f) => [f.ruleId, f.resource.id, f.resource.name ?? '', f.message, ...Object.values(f.evidence).map((v) => JSON.stringify(v) ?? '')].join('\n').toLowerCase().includes(needle));
    expect(await visibleRows(page)).toBeGreaterThan(0);
    expect(await visibleRows(page)).toBeLessThanOrEqual(expected);
    expect(await page.locator('#filter-summary').textContent()).toBe(`Showing ${await visibleRows(page)} of ${total} findings`);
    await page.locator('#filter-text').fill('no such text anywhere 0xdeadbeef');
    expect(await visibleRows(page)).toBe(0);
    await expectQuietPage(log);
    await page.close();
  });

  it('opens a 1,000-finding report with every finding present', async () => {
    const findings = manyRuleFindings(1000);
    const file = await reportCommand('thousand', [{ ...aReport({ findings }), startedAt: '2026-01-01T00:00:00.000Z' }]);
    const { page, log } = await openReport(browser, file);
    await expectQuietPage(log);
    const shown = await fingerprints(page);
    expect(shown).toHaveLength(1000);
    expect(new Set(shown)).toEqual(new Set(findings.map((f) => f.fingerprint)));
    await page.close();
  });

  it('switches tenants, compares them, and draws the trend and changes of a tenant given several times', async () => {
    const series = reportSeries(demo);
    const other = { ...aReport({ findings: manyRuleFindings(7) }), startedAt: '2026-03-01T00:00:00.000Z' };
    const file = await reportCommand('tenants', [...series, other]);
    const { page, log } = await openReport(browser, file);
    await expectQuietPage(log);
    // Opens on the comparison: one row per tenant, nothing of either tenant's findings yet.
    expect(await page.locator('table.compare tbody tr').count()).toBe(2);
    expect(await page.locator('tr.finding').count()).toBe(0);
    await page.locator('#tenant-select').selectOption('1');
    expect(await page.locator('tr.finding').count()).toBe(7);
    expect(await page.locator('svg.trend').count()).toBe(0);
    await page.locator('#tenant-select').selectOption('0');
    expect(await page.locator('tr.finding').count()).toBe(demo.findings.length);
    expect(await page.locator('svg.trend g.point').count()).toBe(3);
    expect(await page.locator('#changes').textContent()).toContain('0 new · 10 fixed · 0 not re-checked');
    await page.locator('#tenant-select').selectOption('-1');
    await page.locator('button[data-show-tenant="1"]').click();
    expect(await page.locator('tr.finding').count()).toBe(7);
    await expectQuietPage(log);
    await page.close();
  });

  it('renders hostile tenant text as text: no element injected, no script run, no link but http(s)', async () => {
    const report = hostileReport();
    const docs = ruleDocs(aRuleDoc({ references: [HOSTILE.js, 'https://auth0.com/docs/ok', 'data:text/html,<script>window.pwned=1</script>'] }));
    const file = await renderToFile('hostile.html', REPORTERS.html(report, { color: false, rules: docs }));
    const { page, log } = await openReport(browser, file);
    // Hovering and clicking where the payloads are would fire any handler that got in.
    for (const row of await page.locator('tr.finding').all()) await row.hover();
    await page.locator('.ev summary').first().click();
    await expectQuietPage(log);
    expect(await page.evaluate<unknown>('window.pwned')).toBeUndefined();
    expect(await page.locator('img, iframe, object, embed, [onerror], [onmouseover]').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(2);
    const hrefs = await attributes(page, 'a[href]', 'href');
    for (const href of hrefs) expect(href, href).toMatch(/^(https?:\/\/|#)/);
    expect(hrefs).toContain('https://auth0.com/docs/ok');
    const names = await page.locator('.res .name').allTextContents();
    expect(names).toContain(HOSTILE.script);
    expect(names).toContain(HOSTILE.img);
    // Bidi and control characters are shown as escapes, so nothing reorders or hides the text around them.
    expect(names).toContain('admin\\u{202e}gnp.exe\\u{2066}');
    expect(names).toContain('bell\\x07esc\\x1b[31mred\\x00nul\\u{2028}line');
    expect(await page.locator('.tenant-title').textContent()).toBe(`${HOSTILE.script} (evil.eu.auth0.com)`);
    await page.close();
  });

  it('prints without its controls (the browser PDF is the PDF report)', async () => {
    const { page } = await openReport(browser, demoHtml);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#filters').isVisible()).toBe(false);
    expect(await page.locator('tr.finding').first().isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  });

  it('saves the screenshot docs/ shows (the demo tenant over three scans, fixed dates)', async () => {
    const file = await reportCommand('screenshot', reportSeries(demo));
    const { page, log } = await openReport(browser, file, { width: 1280, height: 1500 });
    await expectQuietPage(log);
    mkdirSync(join(REPO_ROOT, 'docs/images'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, animations: 'disabled', caret: 'hide' });
    expect(statSync(SCREENSHOT).size).toBeGreaterThan(10_000);
    await page.close();
  });
});

describe.skipIf(missing !== undefined || !realTenant)('the HTML report of the recorded real tenant', { timeout: 120_000 }, () => {
  it('stays under 2 MB and shows every finding, loading nothing', async () => {
    const dir = makeTempDir('html-real');
    const server = await startMockServer({ tenant: realTenantAsMock() });
    const browser = await launchChromium();
    try {
      const audience = `https://${readRealTenantFile().meta.tenantHost}/api/v2/`;
      const args = ['scan', '--domain', server.url, '--audience', audience, '--client-id', REAL_SCANNER.client_id, '--format', 'html', '-o', 'real.html', '--json-output', 'real.json'];
      const r = await runCli([...args, '--fail-on', 'never', '--no-progress', '--quiet'], { cwd: dir, env: { AUTH0_CLIENT_SECRET: REAL_SCANNER.client_secret }, timeoutMs: 90_000 });
      expect(r.code, describeRun(r)).toBe(0);
      const report = JSON.parse(readFileSync(join(dir, 'real.json'), 'utf8')) as ScanReport;
      expect(report.findings.length).toBeGreaterThan(1000);
      expect(statSync(join(dir, 'real.html')).size).toBeLessThan(MAX_REAL_TENANT_BYTES);
      const { page, log } = await openReport(browser, join(dir, 'real.html'));
      expect([...log.consoleErrors, ...log.pageErrors, ...log.requests]).toEqual([]);
      const shown = await page.evaluate<string[]>('Array.from(document.querySelectorAll("tr.finding"), (e) => e.getAttribute("data-fp"))');
      expect(shown.sort()).toEqual(report.findings.map((f) => f.fingerprint).sort());
    } finally {
      await browser.close();
      await server.close();
      removeTempDir(dir);
    }
  });
});
