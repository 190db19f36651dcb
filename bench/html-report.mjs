// The HTML report at tenant scale: how long rendering takes, how big the file is, and how long headless Chromium
// takes to open it from disk (navigation start until the page's script has drawn everything, its
// `auth0-scan:ready` mark), median of several loads.
//
//   node bench/html-report.mjs [--report FILE.json] [--loads N] [--dist DIR]
//     --report  a saved JSON report to render (e.g. the recorded real tenant's scan); default: a generated report of
//               1,235 findings over 37 rules, the size of the real tenant's
//     --loads   page loads to time (default 5)
//     --dist    the built package to measure (default ../dist)
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { machineLine } from './machine.mjs';

function flag(name, fallback) {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : process.argv[i + 1];
}

const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'];
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function generatedReport(buildReport) {
  const findings = Array.from({ length: 1235 }, (_, i) => {
    const id = `client${String(i).padStart(6, '0')}xYzAbCdEfGhIjKlMnOp`;
    return {
      ruleId: `rule-${i % 37}`,
      ruleVersion: 1,
      title: `Rule number ${i % 37} holds`,
      severity: SEVERITIES[i % SEVERITIES.length],
      category: ['applications', 'grants', 'connections', 'tenant', 'access'][i % 5],
      resource: { type: 'clients', id, name: `Storefront application number ${i}` },
      message: `Application Storefront application number ${i} allows the implicit grant and refresh tokens that never expire.`,
      remediation: 'Change the setting in Dashboard > Applications > (app) > Settings, or PATCH /api/v2/clients/{id}.',
      evidence: { grant_types: ['implicit', 'authorization_code'], callbacks: [`https://app${i}.example.com/callback`] },
      fingerprint: String(i).padStart(32, '0'),
    };
  });
  return buildReport({
    evaluation: { tenant: { domain: 'acme.eu.auth0.com' }, findings, skipped: [], rulesEvaluated: 87 },
    rules: [],
    collection: { source: 'live', requests: 1, retries: 0, throttled: 0, durationMs: 1, kinds: { clients: { status: 'ok', count: 1235 } } },
    toolVersion: 'bench',
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:01.000Z',
    failOn: 'high',
  });
}

const dist = resolve(flag('--dist', fileURLToPath(new URL('../dist', import.meta.url))));
const loads = Number(flag('--loads', '5'));
const reportFile = flag('--report', undefined);
const load = (path) => import(pathToFileURL(join(dist, path)).href);

console.log(machineLine());
const { REPORTERS } = await load('report/reporters.js');
let report;
let label;
if (reportFile) {
  const { readSavedReport } = await load('report/read-saved-report.js');
  const saved = readSavedReport(resolve(reportFile));
  report = saved.tenants.length === 1 ? saved.tenants[0].report : undefined;
  if (!report) throw new Error('--report: give a single-tenant JSON report');
  label = reportFile;
} else {
  const { buildReport } = await load('report/build-report.js');
  report = generatedReport(buildReport);
  label = 'generated';
}
// The rule documentation the CLI embeds: the built-in rules' (a good part of the file's size).
const { rulesForListing } = await load('cli/rules-for-listing.js');
const { ruleDoc } = await load('engine/compile-rule.js');
const docs = new Map((await rulesForListing([], undefined, process.cwd())).map((r) => [r.file.id, ruleDoc(r.file)]));

const t0 = performance.now();
const html = REPORTERS.html(report, { color: false, rules: docs });
const renderMs = performance.now() - t0;
const bytes = Buffer.byteLength(html);
console.log(`html-report ${label}: ${report.findings.length} findings, rendered (with the built-in rules' documentation) in ${renderMs.toFixed(0)} ms, ${bytes.toLocaleString('en-US')} bytes (${(bytes / 1024 / 1024).toFixed(2)} MiB)`);

if (!existsSync(CHROMIUM)) {
  console.log(`html-report open: skipped (${CHROMIUM} is absent; apt-get install -y chromium)`);
} else {
  const { chromium } = await import('playwright-core');
  const dir = mkdtempSync(join(tmpdir(), 'auth0-scan-bench-html-'));
  const file = join(dir, 'report.html');
  writeFileSync(file, html);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] });
  try {
    const times = [];
    for (let i = 0; i < loads; i++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(pathToFileURL(file).href);
      await page.waitForSelector('html[data-ready="true"]');
      times.push(await page.evaluate("performance.getEntriesByName('auth0-scan:ready')[0].startTime"));
      await page.close();
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    console.log(`html-report open: ready ${median.toFixed(0)} ms after navigation start (median of ${loads}; min ${times[0].toFixed(0)}, max ${times[times.length - 1].toFixed(0)} ms), headless Chromium ${browser.version()}`);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
