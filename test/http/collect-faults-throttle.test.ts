import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultScanner } from './collect-fault-scan.js';

/** 429 storms and tokens dying mid-scan: the findings stay the same. */
const s = new FaultScanner();

beforeAll(() => s.start());
afterAll(() => s.close());

/** Holds the event loop (the mock's and the client's), so a short-lived token surely dies mid-scan. */
function sleepSync(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // busy wait, on purpose
  }
}

describe('throttling and token faults change nothing', () => {
  it('a 429 storm with Retry-After (and some bare 429 bodies)', async () => {
    const run = await s.scan({ seed: 3, storm: { startAfterMs: 20, durationMs: 300 }, tooManyRequests: { retryAfter: true, bareBody: 0.5 } });
    s.expectSameAsClean(run);
    expect(run.mock.rateLimited).toBeGreaterThan(0);
    expect(run.http.throttled).toBe(run.mock.rateLimited);
  });

  it('a 429 storm without Retry-After (x-ratelimit-reset only)', async () => {
    const run = await s.scan({ storm: { startAfterMs: 20, durationMs: 300 } });
    s.expectSameAsClean(run);
    expect(run.mock.rateLimited).toBeGreaterThan(0);
    expect(run.http.throttled).toBe(run.mock.rateLimited);
  });

  it('every token expiring mid-scan, twice', async () => {
    const run = await s.scan({}, { onRequest: (_e, i) => (i === 20 || i === 50 ? s.mock.setFaults({ tokens: { expireAllNow: true } }) : undefined) });
    s.expectSameAsClean(run);
    expect(run.mock.tokensIssued).toBe(3);
    expect(run.mock.byStatus['401']).toBeGreaterThan(0);
  });

  it('tokens that die long before their expires_in', async () => {
    // Each token lives 250 ms while announcing a day; the pauses make the scan outlive a few of them.
    const run = await s.scan({ tokens: { expireAfterSeconds: 0.25 } }, { onRequest: (_e, i) => (i % 20 === 0 ? sleepSync(100) : undefined) });
    s.expectSameAsClean(run);
    expect(run.mock.tokensIssued).toBeGreaterThan(1);
    expect(run.mock.byStatus['401']).toBeGreaterThan(0);
  });
});
