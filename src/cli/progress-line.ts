import { startProgressReporter, type ProgressClock, type ProgressReading } from '../progress/progress-reporter.js';
import { envColumns } from './output-width.js';
import type { Terminal } from './terminal.js';

export type { ProgressReading };

/** Without a width from the terminal or COLUMNS: the classic 80 columns, which no terminal is narrower than by default. */
const DEFAULT_COLUMNS = 80;

const systemProgressClock: ProgressClock = {
  now: () => Date.now(),
  every(ms, tick) {
    const timer = setInterval(tick, ms);
    // Progress never keeps a finished run alive.
    timer.unref();
    return () => clearInterval(timer);
  },
};

/** stderr's columns: the terminal's own, else `COLUMNS` (set by shells and by tests), else 80. */
export function stderrWidth(term: Terminal): number {
  const fromTerminal = term.stderrColumns?.();
  if (fromTerminal !== undefined && fromTerminal > 0) return fromTerminal;
  return envColumns(term) ?? DEFAULT_COLUMNS;
}

/**
 * Progress on stderr while a tenant is read: a line redrawn in place on a terminal, one plain line every 30 s
 * otherwise (CI logs, cron mail), nothing when disabled (--quiet, --no-progress, --verbose).
 */
export function startProgress(term: Terminal, enabled: boolean, read: () => ProgressReading, clock: ProgressClock = systemProgressClock): { stop(): void } {
  return startProgressReporter({
    mode: !enabled ? 'off' : term.stderrIsTTY ? 'tty' : 'log',
    clock,
    read,
    write: (text) => term.stderr(text),
    width: () => stderrWidth(term),
  });
}
