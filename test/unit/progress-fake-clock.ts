import type { ProgressClock } from '../../src/progress/progress-reporter.js';

/** A ProgressClock moved only by `advance`, firing each `every` timer at its due times in order. */
export function fakeProgressClock(start = 1_000_000): ProgressClock & { advance(ms: number): void; timers(): number } {
  let now = start;
  const timers: Array<{ period: number; next: number; tick: () => void; live: boolean }> = [];
  return {
    now: () => now,
    every(ms, tick) {
      const timer = { period: ms, next: now + ms, tick, live: true };
      timers.push(timer);
      return () => {
        timer.live = false;
      };
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = timers.filter((t) => t.live && t.next <= end).sort((a, b) => a.next - b.next)[0];
        if (due === undefined) break;
        now = due.next;
        due.next += due.period;
        due.tick();
      }
      now = end;
    },
    timers: () => timers.filter((t) => t.live).length,
  };
}
