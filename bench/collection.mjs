// Collection against the rate-limited mock: does a full read run at the tenant's limit, not below it and not into it?
// Every kind of the bench tenant (bench/tenant.mjs) is read through the real path (createHttpClient, collectTenant,
// the collector registry) into a counting sink, and compared with the fewest requests the endpoints allow.
//
//   node bench/collection.mjs [--quick] [--skip-2rps] [--only TEXT]
//     --quick      the quick tenant (a fifth of the size; about 1 min in all)
//     --skip-2rps  leave out the two runs against the 2 req/s mock (about 2.5 min each on the full tenant)
//     --only TEXT  only the runs whose label contains TEXT (e.g. --only latency)
import { performance } from 'node:perf_hooks';
import { collectTenant } from '../dist/collect/collect-tenant.js';
import { collectorRegistry } from '../dist/collect/collector-registry.js';
import { httpCollectApi } from '../dist/collect/http-collect-api.js';
import { createHttpClient } from '../dist/http/create-http-client.js';
import { startMockServer } from '../dist/mock/index.js';
import { KIND_NAMES } from '../dist/model/kinds.js';
import { machineLine } from './machine.mjs';
import { requestsByKind } from './request-kinds.mjs';
import { buildBenchTenant, describeTenant, minimumRequests } from './tenant.mjs';

const TIME_TARGET = 1.15;
const THROTTLE_TARGET = 0.02;

/** Counts what arrives; keeps nothing. */
function countingSink() {
  const counts = {};
  return {
    counts,
    begin() {},
    resource(kind) {
      counts[kind] = (counts[kind] ?? 0) + 1;
    },
    end() {},
  };
}

const sec = (ms) => (ms / 1000).toFixed(1);
const pct = (x) => `${(x * 100).toFixed(1)}%`;

/**
 * One collection of every kind. `rate` is what the run should sustain: the mock's refill rate, or the client's own
 * cap when that is lower.
 */
async function runScenario(s, tenant, minimum) {
  const mock = await startMockServer({ tenant, rateLimit: s.rateLimit, faults: s.faults });
  const m2m = tenant.m2m[0];
  const events = [];
  let t0 = 0;
  const http = createHttpClient({
    domain: mock.url,
    audience: mock.audience,
    clientId: m2m.client_id,
    clientSecret: m2m.client_secret,
    concurrency: s.concurrency,
    maxRps: s.maxRps,
    onRequest: (e) => events.push({ ...e, at: performance.now() - t0 }),
  });
  const sink = countingSink();
  const ticker = setInterval(() => process.stderr.write(`  … ${s.label}: ${http.client.stats().requests} requests, ${sec(performance.now() - t0)} s\n`), 30_000);
  let coverage;
  t0 = performance.now();
  try {
    await http.tokens.getToken();
    coverage = await collectTenant({
      api: httpCollectApi(http.client, http.tokens),
      collectors: collectorRegistry(),
      kinds: KIND_NAMES,
      domain: mock.domain,
      source: 'live',
      collectedAt: new Date().toISOString(),
      toolVersion: 'bench',
      sink,
      stats: () => {
        const st = http.client.stats();
        return { requests: st.requests, retries: st.retries, throttled: st.throttled };
      },
    });
  } finally {
    clearInterval(ticker);
  }
  const wallMs = performance.now() - t0;
  const client = http.client.stats();
  const server = mock.stats();
  await http.close();
  await mock.close();

  const apiPaths = Object.entries(server.byPath).filter(([p]) => p.startsWith('/api/v2'));
  const api = apiPaths.reduce((n, [, c]) => n + c, 0);
  const downloads = Object.entries(server.byPath).filter(([p]) => p.startsWith('/__downloads/')).reduce((n, [, c]) => n + c, 0);
  const jobPolls = apiPaths.filter(([p]) => /^\/api\/v2\/jobs\/(?!users-exports)/.test(p)).reduce((n, [, c]) => n + c, 0);
  const throttled = server.rateLimited;
  const failedStatuses = Object.entries(server.byStatus).filter(([st]) => !['200', '201', '429'].includes(st));
  const notOk = Object.entries(coverage).filter(([, c]) => c.status !== 'ok');
  const seen = new Map();
  for (const e of events) {
    if (e.attempt !== 1 || e.path.startsWith('/jobs/') || e.path.startsWith('http')) continue;
    const key = `${e.method} ${e.path}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const duplicates = [...seen.values()].filter((n) => n > 1).length;
  const lastApi = events.filter((e) => !e.path.startsWith('http')).reduce((m, e) => Math.max(m, e.at), 0);
  const idealMs = (api / s.rate) * 1000;
  const ratio = wallMs / idealMs;
  // The server's bucket starts full: the first `burst` requests cost no time, so this is the tighter bound.
  const burst = s.maxRps !== undefined && s.maxRps < s.rateLimit.perSecond ? Math.ceil(s.maxRps) : s.rateLimit.burst;
  const tightMs = (Math.max(0, api - burst) / s.rate) * 1000;
  const share = throttled / api;
  const resources = Object.values(sink.counts).reduce((a, b) => a + b, 0);
  const issuedByKind = requestsByKind(server.byPath);
  const diff = Object.entries(issuedByKind)
    .map(([k, n]) => [k, n - (minimum.byKind[k] ?? 0)])
    .concat(Object.keys(minimum.byKind).filter((k) => !(k in issuedByKind)).map((k) => [k, -minimum.byKind[k]]))
    .filter(([, d]) => d !== 0);

  console.log(
    `collection ${s.label}: ${api} requests (client counted ${client.requests} incl. ${downloads} download; mock ${server.requests} incl. ${server.tokensIssued} token), ` +
      `${throttled} 429s (${pct(share)}), ${sec(wallMs)} s, ideal ${sec(idealMs)} s, ratio ${ratio.toFixed(3)} (target ≤ ${TIME_TARGET})`,
  );
  console.log(
    `  economy: minimum ${minimum.total} (+${minimum.downloads} download), issued ${api - throttled} answered + ${throttled} throttled; ` +
      `${diff.length === 0 ? 'every kind at its minimum' : `off the minimum: ${diff.map(([k, d]) => `${k} ${d > 0 ? '+' : ''}${d}`).join(', ')}`} ` +
      `(429s included); ${jobPolls} export status polls; ${duplicates} page(s) fetched twice; max ${server.maxConcurrent} in flight`,
  );
  console.log(
    `  rate-limited phase ends at ${sec(lastApi)} s (${((api / (lastApi / 1000)) || 0).toFixed(2)} req/s over it), export download + parse tail ${sec(wallMs - lastApi)} s; ` +
      `burst-adjusted ideal ${sec(tightMs)} s (ratio ${(wallMs / tightMs).toFixed(3)}); ${resources} resources, ${sink.counts.users ?? 0} users`,
  );
  const verdict = [
    ratio <= TIME_TARGET ? 'time ok' : `TIME MISSED (${ratio.toFixed(3)} > ${TIME_TARGET})`,
    share < THROTTLE_TARGET ? '429s ok' : `429s MISSED (${pct(share)} ≥ 2%)`,
    failedStatuses.length === 0 && notOk.length === 0 ? 'no failures' : `FAILURES: ${failedStatuses.map(([st, n]) => `${n}×${st}`).join(', ')} ${notOk.map(([k, c]) => `${k}=${c.status}`).join(', ')}`,
    duplicates === 0 ? 'no refetch' : `${duplicates} REFETCHED`,
  ];
  console.log(`  ${verdict.join(', ')}`);
  return { ratio, share, wallMs };
}

console.log(machineLine());
/**
 * For contrast: a client that keeps a fixed pace and ignores the rate-limit headers (what a fixed 8 req/s means
 * against a 2 req/s tenant). It sends GET /tenants/settings every 125 ms for `seconds` and counts the 429s.
 */
async function fixedPaceProbe(tenant, seconds) {
  const mock = await startMockServer({ tenant, rateLimit: { burst: 2, perSecond: 2 } });
  const m2m = tenant.m2m[0];
  try {
    const tokenRes = await fetch(`${mock.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: m2m.client_id, client_secret: m2m.client_secret, audience: mock.audience }),
    });
    const { access_token: token } = await tokenRes.json();
    const sends = [];
    for (let i = 0; i < seconds * 8; i++) {
      sends.push(fetch(`${mock.url}/api/v2/tenants/settings`, { headers: { authorization: `Bearer ${token}` } }).then(async (r) => (await r.arrayBuffer(), r.status)));
      await new Promise((r) => setTimeout(r, 125));
    }
    const statuses = await Promise.all(sends);
    const throttled = statuses.filter((st) => st === 429).length;
    console.log(
      `  for contrast, a client holding a fixed 8 req/s without adapting, against the 2 req/s mock for ${seconds} s: ` +
        `${throttled} of ${statuses.length} requests answered 429 (${pct(throttled / statuses.length)})`,
    );
  } finally {
    await mock.close();
  }
}

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
  if (s.maxRps !== undefined && s.rate < s.maxRps) await fixedPaceProbe(tenant, 10);
}
console.log(`collection bench took ${sec(performance.now() - started)} s`);
