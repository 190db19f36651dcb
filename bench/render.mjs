// Rendering cost: every report format for a large ordinary report (1,235 findings) and for hostile tenant text
// (one resource whose name and message are 2 KB, 8 KB and 1 MB). Each render runs in its own process under a
// deadline, so a renderer that hangs is reported as such instead of hanging the bench.
//
//   node bench/render.mjs [--dist DIR] [--timeout SECONDS] [--formats table,markdown,...]
//     --dist     the built package to measure (default ../dist; a private build or an older commit's build)
//     --timeout  per render (default 60)
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { machineLine } from './machine.mjs';

const SELF = fileURLToPath(import.meta.url);
const FORMATS = ['table', 'markdown', 'csv', 'junit', 'json', 'sarif'];
const SCENARIOS = ['findings-1235', 'name-2k', 'name-8k', 'name-1m'];

function flag(name, fallback) {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : process.argv[i + 1];
}

const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'];

function finding(i, name, message) {
  const id = `client${String(i).padStart(6, '0')}xYz`;
  return {
    ruleId: `rule-${i % 37}`,
    ruleVersion: 1,
    title: 'A rule title',
    severity: SEVERITIES[i % SEVERITIES.length],
    category: 'applications',
    resource: { type: 'clients', id, name },
    message,
    remediation: 'Change the setting.',
    evidence: {},
    fingerprint: String(i).padStart(32, '0'),
  };
}

function findingsFor(scenario) {
  if (scenario === 'findings-1235') {
    return Array.from({ length: 1235 }, (_, i) =>
      finding(i, `Storefront application number ${i}`, `Application Storefront application number ${i} allows the implicit grant and refresh tokens that never expire.`),
    );
  }
  const size = { 'name-2k': 2_000, 'name-8k': 8_000, 'name-1m': 1_000_000 }[scenario];
  return [finding(0, 'N'.repeat(size), 'M'.repeat(size))];
}

/** The child: one scenario, one format; prints the milliseconds and the output size as JSON. */
async function child(dist, scenario, format) {
  const { buildReport } = await import(pathToFileURL(`${dist}/report/build-report.js`).href);
  const { REPORTERS } = await import(pathToFileURL(`${dist}/report/reporters.js`).href);
  const report = buildReport({
    evaluation: { tenant: { domain: 'acme.eu.auth0.com' }, findings: findingsFor(scenario), skipped: [], rulesEvaluated: 40 },
    collection: { source: 'live', requests: 1, retries: 0, throttled: 0, durationMs: 1, kinds: { clients: { status: 'ok', count: 1 } } },
    toolVersion: 'bench',
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:01.000Z',
    failOn: 'high',
  });
  const t = performance.now();
  const out = REPORTERS[format](report, { color: false, rules: new Map() });
  process.stdout.write(JSON.stringify({ ms: performance.now() - t, bytes: Buffer.byteLength(out) }));
}

if (process.argv[2] === '--child') {
  await child(process.argv[3], process.argv[4], process.argv[5]);
} else {
  const dist = resolve(flag('--dist', fileURLToPath(new URL('../dist', import.meta.url))));
  const timeoutMs = Number(flag('--timeout', '60')) * 1000;
  const formats = flag('--formats', FORMATS.join(',')).split(',');
  console.log(machineLine());
  console.log(`render: ${dist}, deadline ${timeoutMs / 1000} s per render`);
  for (const scenario of SCENARIOS) {
    const cells = [];
    for (const format of formats) {
      const r = spawnSync(process.execPath, [SELF, '--child', dist, scenario, format], { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 1024 * 1024 });
      if (r.error?.code === 'ETIMEDOUT' || r.signal) cells.push(`${format} > ${timeoutMs / 1000} s (killed)`);
      else if (r.status !== 0) cells.push(`${format} crashed: ${(r.stderr.trim().split('\n').pop() ?? '').slice(0, 120)}`);
      else {
        const { ms, bytes } = JSON.parse(r.stdout);
        cells.push(`${format} ${ms < 10 ? ms.toFixed(1) : ms.toFixed(0)} ms (${(bytes / 1024).toFixed(0)} KiB)`);
      }
    }
    console.log(`render ${scenario}: ${cells.join(' · ')}`);
  }
}
