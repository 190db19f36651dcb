import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultScanner } from './collect-fault-scan.js';

/** Server errors, resets, timeouts, broken bodies and drifting totals: the findings stay the same. */
const s = new FaultScanner();

beforeAll(() => s.start());
afterAll(() => s.close());

describe('transient faults change nothing', () => {
  it('the clean run is complete and finds things', () => {
    expect(Object.values(s.clean.coverage).every((c) => c.status === 'ok')).toBe(true);
    expect(s.clean.evaluation.findings.length).toBeGreaterThan(50);
    expect(s.clean.evaluation.skipped).toEqual([]);
    expect(s.clean.http.retries).toBe(0);
  });

  it('5xx bursts (500, 502 HTML pages, 503)', async () => {
    const run = await s.scan({ seed: 1, serverErrors: [{ status: 503, probability: 0.12 }, { status: 502, everyNth: 9 }, { status: 500, everyNth: 13 }] });
    s.expectSameAsClean(run);
    expect(run.mock.byStatus['503']).toBeGreaterThan(3);
    expect(run.mock.byStatus['502']).toBeGreaterThan(3);
    expect(run.mock.byStatus['500']).toBeGreaterThan(2);
    expect(run.http.retries).toBeGreaterThan(10);
  });

  it('connection resets', async () => {
    const run = await s.scan({ seed: 2, resets: { probability: 0.12 } });
    s.expectSameAsClean(run);
    expect(run.mock.resets).toBeGreaterThan(3);
    expect(run.events.filter((e) => e.error !== undefined).length).toBe(run.mock.resets);
  });

  it('responses slower than the timeout', async () => {
    const run = await s.scan({ delays: { everyNth: 7, ms: 500 } }, { timeoutMs: 200 });
    s.expectSameAsClean(run);
    expect(run.events.filter((e) => e.error === 'ETIMEDOUT').length).toBeGreaterThan(5);
  });

  it('malformed JSON bodies', async () => {
    const run = await s.scan({ seed: 4, malformedJson: { probability: 0.12 } });
    s.expectSameAsClean(run);
    // A cut body still arrives as a 200; only the retry that follows shows it was unreadable.
    expect(run.http.retries).toBeGreaterThan(3);
    expect(run.events.filter((e) => e.attempt > 1 && e.status === 200).length).toBe(run.http.retries);
  });

  it('a total that keeps promising more than the pages hold: those lists are truncated, never ok', async () => {
    const run = await s.scan({ totalDrift: { everyNth: 1 } });
    const truncated = Object.entries(run.coverage).filter(([, c]) => c.status === 'truncated');
    expect(truncated.length).toBeGreaterThan(0);
    for (const [kind, c] of truncated) expect(c.detail, kind).toMatch(/the pages ended after \d+ of the \d+ results the API announced/);
    // Kinds read without totals (checkpoint paging) are untouched.
    for (const [kind, c] of Object.entries(run.coverage)) if (c.status === 'ok') expect(c.count, kind).toBe(s.clean.coverage[kind as keyof typeof s.clean.coverage]?.count);
  });
});
