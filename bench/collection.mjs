// Collection against the rate-limited mock: does a full read run at the tenant's limit, not below it and not into it?
// Every kind of the bench tenant (bench/tenant.mjs) is read through the real path (createHttpClient, collectTenant,
// the collector registry; bench/collect-once.mjs) and compared with the fewest requests the endpoints allow.
// bench/collect-target.mjs runs the same collection against any other Management API (another mock, say).
//
//   node bench/collection.mjs [--quick] [--skip-2rps] [--only TEXT]
//     --quick      the quick tenant (a fifth of the size; about 1 min in all)
//     --skip-2rps  leave out the three runs against the 2 req/s mock (about 2.5 min each on the full tenant)
//     --only TEXT  only the runs whose label contains TEXT (e.g. --only latency)
import { performance } from 'node:perf_hooks';
import { startMockServer } from '../dist/mock/index.js';
import { collectOnce } from './collect-once.mjs';
import { eventFigures, offMinimum, pct, sec, TIME_TARGET, verdict } from './collection-figures.mjs';
import { machineLine } from './machine.mjs';
import { buildBenchTenant, describeTenant, minimumRequests } from './tenant.mjs';

/**
 * One collection of every kind. `rate` is what the run should sustain: the mock's refill rate, or the client's own
 * cap when that is lower.
 */
async function runScenario(s, tenant, minimum) {
  const mock = await startMockServer({ tenant, rateLimit: s.rateLimit, faults: s.faults });
  const m2m = tenant.m2m[0];
  let run;
  let server;
  try {
    run = await collectOnce({ domain: mock.url, audience: mock.audience, clientId: m2m.client_id, clientSecret: m2m.client_secret }, s);
    server = mock.stats();
  } finally {
    await mock.close();
  }
  const { wallMs, events, coverage, sink, client } = run;

  // The mock's own counts are the authority here; the client's events give the timing and the refetch check.
  const figures = eventFigures(events);
  const apiPaths = Object.entries(server.byPath).filter(([p]) => p.startsWith('/api/v2'));
  const api = apiPaths.reduce((n, [, c]) => n + c, 0);
  const throttled = server.rateLimited;
  // E-mail templates never customised answer 404 by design (that is the answer): only other 404s are failures.
  const notConfigured = 13 - (tenant.email_templates ?? []).length;
  const failures = Object.entries(server.byStatus)
    .map(([st, n]) => [st, st === '404' ? n - notConfigured : n])
    .filter(([st, n]) => !['200', '201', '429'].includes(st) && n > 0);
  const notOk = Object.entries(coverage).filter(([, c]) => c.status !== 'ok');
  const idealMs = (api / s.rate) * 1000;
  const ratio = wallMs / idealMs;
  // The server's bucket starts full: the first `burst` requests cost no time, so this is the tighter bound.
  const burst = s.maxRps !== undefined && s.maxRps < s.rateLimit.perSecond ? Math.ceil(s.maxRps) : s.rateLimit.burst;
  const tightMs = (Math.max(0, api - burst) / s.rate) * 1000;
  const share = throttled / api;
  const resources = Object.values(sink.counts).reduce((a, b) => a + b, 0);
  const collectedMinimum = sink.minimum().total;

  console.log(
    `collection ${s.label}: ${api} requests (client counted ${client.requests} incl. ${figures.downloads} download; mock ${server.requests} incl. ${server.tokensIssued} token), ` +
      `${throttled} 429s (${pct(share)}), ${sec(wallMs)} s, ideal ${sec(idealMs)} s, ratio ${ratio.toFixed(3)} (target ≤ ${TIME_TARGET})`,
  );
  console.log(
    `  economy: minimum ${minimum.total} (+${minimum.downloads} download${collectedMinimum === minimum.total ? '' : `; ${collectedMinimum} from the collected data`}), ` +
      `issued ${api - throttled} answered + ${throttled} throttled; ${offMinimum(server.byPath, minimum)} ` +
      `(429s included); ${figures.jobPolls} export status polls; ${figures.duplicates} page(s) fetched twice; max ${server.maxConcurrent} in flight`,
  );
  console.log(
    `  rate-limited phase ends at ${sec(figures.lastApiMs)} s (${((api / (figures.lastApiMs / 1000)) || 0).toFixed(2)} req/s over it), export download + parse tail ${sec(wallMs - figures.lastApiMs)} s; ` +
      `burst-adjusted ideal ${sec(tightMs)} s (ratio ${(wallMs / tightMs).toFixed(3)}); ${resources} resources, ${sink.counts.users ?? 0} users`,
  );
  const line = verdict({ ratio, share, failures, notOk, duplicates: figures.duplicates });
  console.log(`  ${s.adaptive === false ? 'contrast run, the targets are for the adaptive client: ' : ''}${line}`);
  return { ratio, share, wallMs };
}

console.log(machineLine());
const args = process.argv.slice(2);
const sizeName = args.includes('--quick') ? 'quick' : 'full';
const tenant = buildBenchTenant(sizeName);
const minimum = minimumRequests(tenant);
console.log(`tenant (${sizeName}): ${describeTenant(tenant)}; minimum ${minimum.total} rate-limited requests + ${minimum.downloads} export download`);

const scenarios = [
  { label: '2 rps', rateLimit: { burst: 2, perSecond: 2 }, concurrency: 4, rate: 2, slow: true },
  { label: '16 rps', rateLimit: { burst: 50, perSecond: 16 }, concurrency: 4, rate: 16 },
  // Loopback answers in about a millisecond; real round trips are 100-300 ms, which concurrency has to hide.
  { label: '16 rps, 150 ms latency', rateLimit: { burst: 50, perSecond: 16 }, faults: { delays: { ms: 150, probability: 1 } }, concurrency: 4, rate: 16 },
  { label: 'deploy-cli pace (conc 3, max 8 rps) vs 16 rps', rateLimit: { burst: 50, perSecond: 16 }, concurrency: 3, maxRps: 8, rate: 8 },
  { label: 'deploy-cli pace (conc 3, max 8 rps) vs 2 rps', rateLimit: { burst: 2, perSecond: 2 }, concurrency: 3, maxRps: 8, rate: 2, slow: true },
  // auth0-deploy-cli's own pacing: 3 in flight, 8 starts a second, whatever the tenant answers.
  { label: 'deploy-cli pace, adaptation off (conc 3, fixed 8 rps) vs 16 rps', rateLimit: { burst: 50, perSecond: 16 }, concurrency: 3, maxRps: 8, rate: 8, adaptive: false },
  { label: 'deploy-cli pace, adaptation off (conc 3, fixed 8 rps) vs 2 rps', rateLimit: { burst: 2, perSecond: 2 }, concurrency: 3, maxRps: 8, rate: 2, adaptive: false, slow: true },
];
const started = performance.now();
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined;
for (const s of scenarios) {
  if (only !== undefined && !s.label.includes(only)) continue;
  if (s.slow && args.includes('--skip-2rps')) {
    console.log(`collection ${s.label}: skipped (--skip-2rps)`);
    continue;
  }
  await runScenario(s, tenant, minimum);
}
console.log(`collection bench took ${sec(performance.now() - started)} s`);
