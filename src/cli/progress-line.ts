import { boundText, terminalSafe } from '../report/terminal-text.js';
import type { Terminal } from './terminal.js';

/** A note (an export job's status, from the API) is cut so that the line stays one terminal line. */
const NOTE_MAX = 80;

export interface ProgressSnapshot {
  kindsDone: number;
  kindsTotal: number;
  requests: number;
  throttleWaitMs: number;
  note?: string;
}

/**
 * One self-rewriting status line on stderr, only when stderr is a terminal (CI logs and cron mail stay clean).
 * `stop` erases it so the report or the summary starts on a clean line.
 */
export function startProgress(term: Terminal, enabled: boolean, read: () => ProgressSnapshot, now: () => number = Date.now): { stop(): void } {
  if (!enabled || !term.stderrIsTTY) return { stop() {} };
  const started = now();
  let lastWidth = 0;
  const draw = (): void => {
    const p = read();
    const seconds = Math.max((now() - started) / 1000, 0.001);
    const rate = (p.requests / seconds).toFixed(1);
    const throttled = p.throttleWaitMs > 0 ? ` · throttled ${(p.throttleWaitMs / 1000).toFixed(1)} s` : '';
    // The note can hold API text: a line break or escape in it would break the redraw or restyle the terminal.
    const note = p.note ? ` · ${terminalSafe(boundText(p.note, NOTE_MAX))}` : '';
    const text = `collecting ${p.kindsDone}/${p.kindsTotal} kinds · ${p.requests} requests · ${rate} req/s${throttled}${note}`;
    term.stderr(`\r${text.padEnd(lastWidth)}`);
    lastWidth = text.length;
  };
  const timer = setInterval(draw, 250);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      if (lastWidth > 0) term.stderr(`\r${' '.repeat(lastWidth)}\r`);
    },
  };
}
