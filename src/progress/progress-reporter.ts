import { displayWidth } from '../report/display-width.js';
import { RateMeter } from './rate-meter.js';
import { progressLine, progressLogLine, type ProgressFigures } from './progress-text.js';
import type { RemainingRequests } from './request-plan.js';

/** The terminal line is redrawn this often. */
export const TTY_REDRAW_MS = 250;
/** A log (stderr not a terminal) gets one line this often: enough to see a run is alive, not enough to drown it. */
export const LOG_LINE_MS = 30_000;

/** Time as the progress display sees it; injected so that tests move it by hand. */
export interface ProgressClock {
  now(): number;
  /** Calls `tick` every `ms` until the returned function is called. */
  every(ms: number, tick: () => void): () => void;
}

/** The counters the display reads on every tick. */
export interface ProgressReading {
  kindsDone: number;
  kindsTotal: number;
  /** HTTP requests sent, retries included. */
  requests: number;
  waitWallMs: number;
  /** The tenant's sustained rate as the limiter learnt it: a burst now does not last. */
  learnedRps?: number;
  /** Requests ended and known to be left, as counted by the collectors (`RequestPlan`). */
  plan?: { done: number; remaining: RemainingRequests };
  note?: string;
}

/**
 * - `tty`: one line redrawn in place, cut to the terminal's width (read on each tick: panes get resized);
 * - `log`: one plain line every 30 s, for CI logs and cron mail, which would otherwise show nothing for an hour;
 * - `off`: --quiet, --no-progress, --verbose (which logs each request instead).
 */
export type ProgressMode = 'tty' | 'log' | 'off';

export interface ProgressOptions {
  mode: ProgressMode;
  clock: ProgressClock;
  read: () => ProgressReading;
  write: (text: string) => void;
  /** Columns of the terminal; only `tty` uses it. */
  width: () => number;
}

/** Starts the display; `stop` ends it and, on a terminal, erases the line so what follows starts clean. */
export function startProgressReporter(o: ProgressOptions): { stop(): void } {
  if (o.mode === 'off') return { stop() {} };
  const started = o.clock.now();
  const figures = progressFigures(started);
  figures.sample(started, o.read());
  if (o.mode === 'log') {
    const cancel = o.clock.every(LOG_LINE_MS, () => {
      const at = o.clock.now();
      o.write(`${progressLogLine(figures.sample(at, o.read()))}\n`);
    });
    return { stop: cancel };
  }
  let shown = 0;
  const cancel = o.clock.every(TTY_REDRAW_MS, () => {
    const width = o.width();
    const line = progressLine(figures.sample(o.clock.now(), o.read()), width);
    // Spaces wipe what is left of a longer previous line, never past the current width (that would wrap).
    const lineWidth = displayWidth(line);
    o.write(`\r${line}${' '.repeat(Math.max(0, Math.min(shown, width - 1) - lineWidth))}`);
    shown = lineWidth;
  });
  return {
    stop() {
      cancel();
      if (shown > 0) o.write(`\r${' '.repeat(Math.min(shown, Math.max(1, o.width() - 1)))}\r`);
    },
  };
}

/**
 * Turns successive readings into figures: the recent request rate, and the ETA as the requests known to be left
 * over the rate the collectors' own requests end at lately, capped by the rate the limiter learnt (a burst the
 * tenant's bucket allowed at the start does not last).
 */
export function progressFigures(started: number): { sample(at: number, r: ProgressReading): ProgressFigures } {
  const http = new RateMeter();
  const planned = new RateMeter();
  return {
    sample(at, r) {
      http.sample(at, r.requests);
      if (r.plan) planned.sample(at, r.plan.done);
      const rps = http.perSecond();
      const f: ProgressFigures = { elapsedMs: at - started, kindsDone: r.kindsDone, kindsTotal: r.kindsTotal, requests: r.requests, waitWallMs: r.waitWallMs };
      if (rps !== undefined) f.rps = rps;
      if (r.note !== undefined) f.note = r.note;
      const rate = capped(planned.perSecond(), r.learnedRps);
      if (r.plan && rate !== undefined && rate > 0) {
        const ms = (r.plan.remaining.requests / rate) * 1000;
        // "at least nothing" says nothing: an open estimate is shown only once it is worth a second.
        if (!r.plan.remaining.open || ms >= 1000) f.eta = { ms, atLeast: r.plan.remaining.open };
      }
      return f;
    },
  };
}

function capped(observed: number | undefined, learned: number | undefined): number | undefined {
  if (observed === undefined) return undefined;
  return learned !== undefined && learned > 0 ? Math.min(observed, learned) : observed;
}
