import { describe, expect, it, vi } from 'vitest';
import { startProgress } from '../../src/cli/progress-line.js';
import { fakeTerminal } from '../fake-terminal.js';

describe('progress line', () => {
  it('draws on a TTY stderr and erases itself on stop', () => {
    vi.useFakeTimers();
    try {
      const term = { ...fakeTerminal('/tmp'), stderrIsTTY: true };
      let err = '';
      term.stderr = (s) => {
        err += s;
      };
      let now = 0;
      const p = startProgress(term, true, () => ({ kindsDone: 3, kindsTotal: 9, requests: 40, throttleWaitMs: 1500, note: 'users export 50%' }), () => now);
      now = 4000;
      vi.advanceTimersByTime(260);
      expect(err).toContain('collecting 3/9 kinds · 40 requests · 10.0 req/s · throttled 1.5 s · users export 50%');
      p.stop();
      expect(err.endsWith('\r')).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('prints nothing when stderr is not a terminal (CI, cron)', () => {
    vi.useFakeTimers();
    try {
      const term = fakeTerminal('/tmp');
      const p = startProgress(term, true, () => ({ kindsDone: 0, kindsTotal: 1, requests: 0, throttleWaitMs: 0 }));
      vi.advanceTimersByTime(1000);
      p.stop();
      expect(term.err).toBe('');
    } finally {
      vi.useRealTimers();
    }
  });
});
