import { describe, expect, it } from 'vitest';
import { LOG_LINE_MS, progressFigures, startProgressReporter, type ProgressReading } from '../../src/progress/progress-reporter.js';
import { displayWidth } from '../../src/report/display-width.js';
import { fakeProgressClock } from './progress-fake-clock.js';

/** Readings that grow with the fake clock: `rps` requests a second, the plan shrinking as they end. */
function growing(clock: { now(): number }, o: { rps: number; total: number; open?: boolean; learnedRps?: number; note?: string; waitWallMs?: number }): () => ProgressReading {
  const start = clock.now();
  return () => {
    const done = Math.min(o.total, Math.floor(((clock.now() - start) / 1000) * o.rps));
    return {
      kindsDone: 2,
      kindsTotal: 9,
      requests: done,
      waitWallMs: o.waitWallMs ?? 0,
      ...(o.learnedRps === undefined ? {} : { learnedRps: o.learnedRps }),
      plan: { done, remaining: { requests: o.total - done, open: o.open ?? false } },
      ...(o.note === undefined ? {} : { note: o.note }),
    };
  };
}

function writes(): { out: string[]; write: (t: string) => void } {
  const out: string[] = [];
  return { out, write: (t) => void out.push(t) };
}

describe('progress when stderr is not a terminal (CI logs)', () => {
  it('writes one plain line every 30 s, and nothing in between', () => {
    const clock = fakeProgressClock();
    const w = writes();
    const p = startProgressReporter({ mode: 'log', clock, read: growing(clock, { rps: 10, total: 2000 }), write: w.write, width: () => 80 });
    clock.advance(LOG_LINE_MS - 1);
    expect(w.out).toEqual([]);
    clock.advance(1);
    expect(w.out).toHaveLength(1);
    clock.advance(LOG_LINE_MS * 2);
    expect(w.out).toHaveLength(3);
    for (const line of w.out) {
      expect(line.endsWith('\n')).toBe(true);
      expect(line.slice(0, -1)).not.toMatch(/[\r\n]/);
    }
    p.stop();
    clock.advance(LOG_LINE_MS * 5);
    expect(w.out).toHaveLength(3);
  });

  it('says kinds done/total, requests, rate and ETA, and how long the run has gone', () => {
    const clock = fakeProgressClock();
    const w = writes();
    startProgressReporter({ mode: 'log', clock, read: growing(clock, { rps: 10, total: 900 }), write: w.write, width: () => 80 });
    clock.advance(LOG_LINE_MS);
    // 300 of 900 done at 10 req/s: 600 left, a minute.
    expect(w.out[0]).toBe('auth0-scan: collecting, 30 s in: 2/9 kinds, 300 requests, 10.0 req/s, eta 1m00s\n');
  });

  it('never writes when off', () => {
    const clock = fakeProgressClock();
    const w = writes();
    const p = startProgressReporter({ mode: 'off', clock, read: growing(clock, { rps: 10, total: 100 }), write: w.write, width: () => 80 });
    expect(clock.timers()).toBe(0);
    clock.advance(LOG_LINE_MS * 3);
    p.stop();
    expect(w.out).toEqual([]);
  });
});

describe('progress on a terminal', () => {
  it('redraws one line cut to the width, so a narrow pane never wraps it into copies', () => {
    const clock = fakeProgressClock();
    const w = writes();
    let width = 120;
    const p = startProgressReporter({
      mode: 'tty',
      clock,
      read: growing(clock, { rps: 10, total: 5000, waitWallMs: 12_300, note: 'users: users export 40% (a long note from the API that goes on and on)' }),
      write: w.write,
      width: () => width,
    });
    clock.advance(3000);
    width = 30;
    clock.advance(1000);
    width = 7;
    clock.advance(500);
    p.stop();
    expect(w.out.length).toBeGreaterThan(10);
    for (const chunk of w.out) {
      expect(chunk).not.toContain('\n');
      // Every segment between carriage returns fits the width it was drawn at, minus the last column.
      for (const seg of chunk.split('\r')) expect(displayWidth(seg)).toBeLessThanOrEqual(119);
    }
    const narrow = w.out.slice(-3, -1);
    for (const chunk of narrow) for (const seg of chunk.split('\r')) expect(displayWidth(seg)).toBeLessThanOrEqual(6);
    const wide = w.out.find((c) => c.includes('req/s')) ?? '';
    expect(wide).toMatch(/^\rcollecting 2\/9 kinds · \d+ requests · /);
    expect(wide).toContain('waited 12.3 s');
    // stop erases the line and leaves the cursor at its start.
    expect(w.out.at(-1)).toMatch(/^\r +\r$/);
  });

  it('wipes what is left of a longer previous line, never past the width', () => {
    const clock = fakeProgressClock();
    const w = writes();
    let note: string | undefined = 'x'.repeat(40);
    const p = startProgressReporter({
      mode: 'tty',
      clock,
      read: () => ({ kindsDone: 1, kindsTotal: 2, requests: 3, waitWallMs: 0, ...(note === undefined ? {} : { note }) }),
      write: w.write,
      width: () => 60,
    });
    clock.advance(250);
    note = undefined;
    clock.advance(250);
    p.stop();
    const [first, second] = w.out;
    expect(displayWidth(first ?? '')).toBe(60);
    // The shorter line is padded with spaces to the length of the one it replaces.
    expect(second?.length).toBe(first?.length);
    expect(second?.trimEnd()).toBe('\rcollecting 1/2 kinds · 3 requests');
  });
});

describe('the ETA', () => {
  it('is the requests known to be left over the recent rate', () => {
    const figures = progressFigures(0);
    figures.sample(0, { kindsDone: 0, kindsTotal: 3, requests: 0, waitWallMs: 0, plan: { done: 0, remaining: { requests: 500, open: false } } });
    const f = figures.sample(10_000, { kindsDone: 1, kindsTotal: 3, requests: 100, waitWallMs: 0, plan: { done: 100, remaining: { requests: 400, open: false } } });
    expect(f.rps).toBe(10);
    expect(f.eta).toEqual({ ms: 40_000, atLeast: false });
  });

  it('follows a slowdown: the rate is the last 30 s, not the average since the start', () => {
    const figures = progressFigures(0);
    const at = (t: number, done: number) => figures.sample(t, { kindsDone: 0, kindsTotal: 1, requests: done, waitWallMs: 0, plan: { done, remaining: { requests: 1000, open: false } } });
    at(0, 0);
    at(30_000, 3000); // a burst: 100 req/s
    at(45_000, 3015);
    const f = at(60_000, 3030); // then 1 req/s
    expect(f.rps).toBeCloseTo(1, 5);
    expect(f.eta?.ms).toBeCloseTo(1_000_000, -3);
  });

  it('is capped by the rate the limiter learnt: a burst the bucket allowed does not last', () => {
    const figures = progressFigures(0);
    figures.sample(0, { kindsDone: 0, kindsTotal: 1, requests: 0, waitWallMs: 0, plan: { done: 0, remaining: { requests: 100, open: false } } });
    const f = figures.sample(5000, { kindsDone: 0, kindsTotal: 1, requests: 50, waitWallMs: 0, learnedRps: 2, plan: { done: 50, remaining: { requests: 100, open: false } } });
    expect(f.eta).toEqual({ ms: 50_000, atLeast: false });
  });

  it('says "at least" while some work cannot be counted yet, and is absent until there is a rate', () => {
    const figures = progressFigures(0);
    const first = figures.sample(0, { kindsDone: 0, kindsTotal: 2, requests: 0, waitWallMs: 0, plan: { done: 0, remaining: { requests: 20, open: true } } });
    expect(first.eta).toBeUndefined();
    expect(first.rps).toBeUndefined();
    const f = figures.sample(4000, { kindsDone: 0, kindsTotal: 2, requests: 8, waitWallMs: 0, plan: { done: 8, remaining: { requests: 12, open: true } } });
    expect(f.eta).toEqual({ ms: 6000, atLeast: true });
  });
});
