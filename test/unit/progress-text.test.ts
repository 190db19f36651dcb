import { describe, expect, it } from 'vitest';
import { cutToWidth, formatDuration, progressLine, progressLogLine, type ProgressFigures } from '../../src/progress/progress-text.js';
import { displayWidth } from '../../src/report/display-width.js';

const figures: ProgressFigures = { elapsedMs: 95_000, kindsDone: 3, kindsTotal: 9, requests: 40, rps: 10, waitWallMs: 1500, eta: { ms: 130_000, atLeast: true }, note: 'users: users export 50%' };

describe('progress text', () => {
  it('puts the figures first and the note last, ETA before waiting time', () => {
    expect(progressLine(figures, 200)).toBe('collecting 3/9 kinds · 40 requests · 10.0 req/s · eta ≥2m10s · waited 1.5 s · users: users export 50%');
    expect(progressLogLine(figures)).toBe('auth0-scan: collecting, 1m35s in: 3/9 kinds, 40 requests, 10.0 req/s, eta ≥2m10s, waited 1.5 s, users: users export 50%');
  });

  it('leaves out what is not known yet, and waiting under a tenth of a second', () => {
    expect(progressLine({ elapsedMs: 0, kindsDone: 0, kindsTotal: 4, requests: 1, waitWallMs: 99 }, 200)).toBe('collecting 0/4 kinds · 1 requests');
  });

  it('is cut to the width less one column, with an ellipsis, counting wide characters as two', () => {
    for (const width of [1, 2, 10, 37, 80]) {
      const line = progressLine(figures, width);
      expect(displayWidth(line)).toBeLessThanOrEqual(Math.max(1, width - 1));
    }
    expect(progressLine(figures, 21)).toBe('collecting 3/9 kind…');
    expect(cutToWidth('日本語のテキスト', 7)).toBe('日本語…');
    expect(cutToWidth('short', 10)).toBe('short');
    expect(cutToWidth('exactly10!', 10)).toBe('exactly10!');
  });

  it('shows an API note inertly and bounded', () => {
    const line = progressLine({ ...figures, note: `users: \u001b]0;pwned\u0007\u202e${'x'.repeat(500)}\nnext` }, 1000);
    expect(line).not.toMatch(/[\u0000-\u001f\u007f\u202e]/);
    expect(line.length).toBeLessThan(300);
  });

  it('says durations the way a glance needs them', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(59_400)).toBe('59 s');
    expect(formatDuration(60_000)).toBe('1m00s');
    expect(formatDuration(3_599_000)).toBe('59m59s');
    expect(formatDuration(3_600_000 + 7 * 60_000)).toBe('1h07m');
  });
});
