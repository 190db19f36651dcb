import { charWidth } from '../report/display-width.js';
import { boundText, terminalSafe } from '../report/terminal-text.js';

/** A note (an export job's status, from the API) is cut so that it never crowds out the figures. */
const NOTE_MAX = 80;

/** What one progress line says; every figure already measured (see `progressFigures`). */
export interface ProgressFigures {
  elapsedMs: number;
  kindsDone: number;
  kindsTotal: number;
  /** HTTP requests sent, retries included. */
  requests: number;
  /** Requests per second lately; absent while too little has happened to say. */
  rps?: number;
  /** Wall time during which at least one request was held by the limiter or backing off after a 429. */
  waitWallMs: number;
  /** Time left at the learnt rate; `atLeast` when some of the remaining work cannot be counted yet. */
  eta?: { ms: number; atLeast: boolean };
  note?: string;
}

/** `45 s`, `2m05s`, `1h07m`: what a reader glancing at a status line needs, no more. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

function parts(f: ProgressFigures): string[] {
  const out = [`${f.kindsDone}/${f.kindsTotal} kinds`, `${f.requests} requests`];
  if (f.rps !== undefined) out.push(`${f.rps.toFixed(1)} req/s`);
  if (f.eta !== undefined) out.push(`eta ${f.eta.atLeast ? '≥' : ''}${formatDuration(f.eta.ms)}`);
  if (f.waitWallMs >= 100) out.push(`waited ${(f.waitWallMs / 1000).toFixed(1)} s`);
  // The note can hold API text: a line break or escape in it would break the redraw or restyle the terminal.
  if (f.note) out.push(terminalSafe(boundText(f.note, NOTE_MAX)));
  return out;
}

/**
 * The terminal's status line, at most `width - 1` columns (the last column would make some terminals wrap, and
 * a wrapped line is redrawn as a new copy on every tick). The figures come first, so a cut takes the note first.
 */
export function progressLine(f: ProgressFigures, width: number): string {
  return cutToWidth(`collecting ${parts(f).join(' · ')}`, Math.max(1, width - 1));
}

/** The plain line a log gets every so often when stderr is not a terminal (CI): no redraw, one line each time. */
export function progressLogLine(f: ProgressFigures): string {
  return `auth0-scan: collecting, ${formatDuration(f.elapsedMs)} in: ${parts(f).join(', ')}`;
}

/** At most `max` display columns, ending in `…` when cut; one pass over the text. */
export function cutToWidth(text: string, max: number): string {
  let used = 0;
  let end = 0;
  let cutAt: number | undefined;
  for (const ch of text) {
    const w = charWidth(ch);
    if (cutAt === undefined && used + w > max - 1) cutAt = end;
    if (used + w > max) return `${text.slice(0, cutAt ?? end)}…`;
    used += w;
    end += ch.length;
  }
  return text;
}
