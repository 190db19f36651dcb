import { describe, expect, it } from 'vitest';
import { startProgress, stderrWidth } from '../../src/cli/progress-line.js';
import type { ProgressReading } from '../../src/progress/progress-reporter.js';
import { displayWidth } from '../../src/report/display-width.js';
import { fakeTerminal, type FakeTerminal } from '../fake-terminal.js';
import { fakeProgressClock } from './progress-fake-clock.js';

/** A fake terminal whose stderr is a terminal (set on the object itself: its writers record into it). */
function ttyTerminal(columns?: () => number | undefined): FakeTerminal {
  const term = fakeTerminal('/tmp');
  term.stderrIsTTY = true;
  if (columns) term.stderrColumns = columns;
  return term;
}

const reading = (): ProgressReading => ({ kindsDone: 3, kindsTotal: 9, requests: 40, waitWallMs: 1500, note: 'users export 50%' });

describe('progress on stderr, as the CLI wires it', () => {
  it('a terminal gets a line redrawn in place, erased on stop', () => {
    const term = ttyTerminal();
    const clock = fakeProgressClock();
    const p = startProgress(term, true, reading, clock);
    clock.advance(260);
    expect(term.err).toBe('\rcollecting 3/9 kinds · 40 requests · waited 1.5 s · users export 50%');
    p.stop();
    expect(term.err).toMatch(/\r +\r$/);
    expect(term.err).not.toContain('\n');
  });

  it('a log (stderr not a terminal) gets a plain line every 30 s instead of silence', () => {
    const term = fakeTerminal('/tmp');
    const clock = fakeProgressClock();
    const p = startProgress(term, true, reading, clock);
    clock.advance(29_000);
    expect(term.err).toBe('');
    clock.advance(31_000);
    expect(term.err.split('\n').filter((l) => l !== '')).toEqual([
      'auth0-scan: collecting, 30 s in: 3/9 kinds, 40 requests, 0.0 req/s, waited 1.5 s, users export 50%',
      'auth0-scan: collecting, 1m00s in: 3/9 kinds, 40 requests, 0.0 req/s, waited 1.5 s, users export 50%',
    ]);
    p.stop();
  });

  it('prints nothing when disabled (--quiet, --no-progress, --verbose), terminal or not', () => {
    for (const stderrIsTTY of [true, false]) {
      const term = fakeTerminal('/tmp');
      term.stderrIsTTY = stderrIsTTY;
      const clock = fakeProgressClock();
      const p = startProgress(term, false, reading, clock);
      clock.advance(120_000);
      p.stop();
      expect(term.err).toBe('');
    }
  });

  it('takes the width from the terminal, then COLUMNS, then 80, and cuts the line to it', () => {
    expect(stderrWidth({ ...fakeTerminal('/tmp', { COLUMNS: '50' }), stderrColumns: () => 33 })).toBe(33);
    expect(stderrWidth({ ...fakeTerminal('/tmp', { COLUMNS: '50' }), stderrColumns: () => undefined })).toBe(50);
    expect(stderrWidth(fakeTerminal('/tmp', { COLUMNS: 'wide' }))).toBe(80);
    let columns = 100;
    const term = ttyTerminal(() => columns);
    const clock = fakeProgressClock();
    const p = startProgress(term, true, reading, clock);
    clock.advance(250);
    columns = 24;
    clock.advance(250);
    p.stop();
    const segments = term.err.split('\r').filter((s) => s !== '');
    expect(segments[0]).toContain('users export 50%');
    expect(segments[1]).toBe('collecting 3/9 kinds ·…');
    expect(displayWidth(segments[1] ?? '')).toBe(23);
    // The erasing run of spaces stays within the narrowed pane too.
    expect(segments[2]).toBe(' '.repeat(23));
  });
});
