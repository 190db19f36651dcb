import { describe, expect, it } from 'vitest';
import { collectorRegistry } from '../../src/collect/collector-registry.js';
import { collectTenant } from '../../src/collect/collect-tenant.js';
import { httpCollectApi } from '../../src/collect/http-collect-api.js';
import { createHttpClient } from '../../src/http/index.js';
import { STORED_KIND_NAMES, KINDS } from '../../src/model/kinds.js';
import { RequestPlan, type RemainingRequests } from '../../src/progress/request-plan.js';
import { apiRequests, demoTenant, FAST_RETRY, MemorySink, withMock } from '../http/collect-harness.js';

/**
 * The ETA's request count on a real collection (the demo tenant through the loopback mock): it never promises
 * more requests than the run makes, it is exact once nothing is left uncounted, and it ends at zero.
 */
describe('the remaining-request count during a collection', () => {
  it('is a lower bound throughout, exact once closed, and zero at the end', async () => {
    // 250 more users: the users list takes 4 pages, the last 3 announced by the first page's total.
    await withMock({ tenant: { ...demoTenant(), generate_users: { count: 250, seed: 7 } } }, async (server) => {
      const plan = new RequestPlan(STORED_KIND_NAMES.map((kind) => ({ kind, singleton: KINDS[kind].singleton })));
      const samples: Array<{ done: number; remaining: RemainingRequests }> = [];
      const http = createHttpClient({
        domain: server.url,
        clientId: 'all-scopes',
        clientSecret: 'all-scopes-secret',
        concurrency: 6,
        retry: FAST_RETRY,
        onRequest: () => samples.push({ done: plan.requestsDone(), remaining: plan.remaining() }),
      });
      try {
        await collectTenant({
          api: httpCollectApi(http.client, http.tokens),
          collectors: collectorRegistry(),
          kinds: STORED_KIND_NAMES,
          domain: 'mock.eu.auth0.com',
          source: 'live',
          collectedAt: '2026-11-20T09:00:00.000Z',
          toolVersion: 'test',
          sink: new MemorySink(),
          progress: plan,
          stats: () => ({ requests: 0, retries: 0, throttled: 0 }),
        });
      } finally {
        await http.close();
      }
      const made = Object.values(apiRequests(server)).reduce((a, b) => a + b, 0);
      expect(http.client.stats().retries).toBe(0);
      expect(plan.requestsDone()).toBe(made);
      expect(plan.remaining()).toEqual({ requests: 0, open: false });
      expect(samples).toHaveLength(made);
      for (const s of samples) expect(s.done + s.remaining.requests).toBeLessThanOrEqual(made);
      const closed = samples.filter((s) => !s.remaining.open);
      expect(closed.length).toBeGreaterThan(0);
      for (const s of closed) expect(s.done + s.remaining.requests).toBe(made);
      // Early on most of the run is still uncounted: the figure is then said to be a lower bound.
      expect(samples[0]?.remaining.open).toBe(true);
    });
  });
});
