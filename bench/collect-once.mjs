// One full collection of every kind through the real path (createHttpClient, collectTenant, the collector
// registry), timed, with every request attempt recorded: what both collection benches measure.
import { performance } from 'node:perf_hooks';
import { collectTenant } from '../dist/collect/collect-tenant.js';
import { collectorRegistry } from '../dist/collect/collector-registry.js';
import { httpCollectApi } from '../dist/collect/http-collect-api.js';
import { createHttpClient } from '../dist/http/create-http-client.js';
import { RateLimiter } from '../dist/http/rate-limiter.js';
import { KIND_NAMES } from '../dist/model/kinds.js';
import { keepingSink, sec } from './collection-figures.mjs';

/**
 * `connection`: {domain, audience?, clientId, clientSecret}. `options`: {label, concurrency?, maxRps?, adaptive?}.
 * adaptive: false gives the same client a limiter that only keeps the fixed maxRps (no header learning, no global
 * pause after a 429), like a fixed-pace client. The token request happens before the clock starts.
 */
export async function collectOnce(connection, options) {
  const events = [];
  let t0 = 0;
  const http = createHttpClient({
    ...connection,
    concurrency: options.concurrency,
    maxRps: options.maxRps,
    limiter: options.adaptive === false ? new RateLimiter({ maxRps: options.maxRps, adaptive: false }) : undefined,
    onRequest: (e) => events.push({ ...e, at: performance.now() - t0 }),
  });
  const sink = keepingSink();
  const ticker = setInterval(() => process.stderr.write(`  … ${options.label}: ${http.client.stats().requests} requests, ${sec(performance.now() - t0)} s\n`), 30_000);
  try {
    await http.tokens.getToken();
    t0 = performance.now();
    const coverage = await collectTenant({
      api: httpCollectApi(http.client, http.tokens),
      collectors: collectorRegistry(),
      kinds: KIND_NAMES,
      domain: http.domain.host,
      source: 'live',
      collectedAt: new Date().toISOString(),
      toolVersion: 'bench',
      sink,
      stats: () => {
        const st = http.client.stats();
        return { requests: st.requests, retries: st.retries, throttled: st.throttled };
      },
    });
    return { wallMs: performance.now() - t0, events, coverage, sink, client: http.client.stats() };
  } finally {
    clearInterval(ticker);
    await http.close();
  }
}
