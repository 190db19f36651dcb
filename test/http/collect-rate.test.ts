import { describe, expect, it } from 'vitest';
import type { KindName } from '../../src/model/kinds.js';
import { collect, demoTenant, withMock } from './collect-harness.js';

/**
 * Against a mock limited to burst 10 and 10 req/s, at the CLI's default concurrency: the limiter must find the
 * bucket from the x-ratelimit-* headers and pace into it, not into 429s (design: under 2 % of requests).
 */
const KINDS: KindName[] = ['tenant', 'clients', 'client_grants', 'resource_servers', 'connections', 'organizations', 'roles', 'rules'];

describe('rate limit', () => {
  it('at burst 10 / 10 req/s: under 2 % 429s, everything collected, at about the sustained rate', async () => {
    await withMock({ tenant: demoTenant(), rateLimit: { burst: 10, perSecond: 10 } }, async (server) => {
      const started = Date.now();
      const run = await collect({ server, clientId: 'all-scopes', clientSecret: 'all-scopes-secret', kinds: KINDS, concurrency: 4, retry: { maxServerWaitMs: 5_000 } });
      const elapsed = Date.now() - started;
      for (const kind of KINDS) expect(run.coverage[kind]?.status, kind).toBe('ok');
      const stats = server.stats();
      const apiRequests = Object.entries(stats.byPath).filter(([p]) => p.startsWith('/api/v2/')).reduce((n, [, c]) => n + c, 0);
      expect(apiRequests).toBeGreaterThan(50);
      expect(run.http.throttled).toBe(stats.rateLimited);
      expect(stats.rateLimited / apiRequests).toBeLessThan(0.02);
      // The bucket allows 10 at once, then 10 per second: pacing far below that would be a failure too.
      expect(elapsed).toBeLessThan(((apiRequests - 10) / 10) * 1000 * 1.3 + 500);
    });
  });
});
