import type { Terminal } from './terminal.js';

/**
 * The width the table is drawn at, or undefined for the renderer's default (100): `COLUMNS` when it is a positive
 * whole number (a user who sets it means it, as with most terminal tools), else the terminal's own width when the
 * table goes to it. A file or a pipe has no width of its own.
 */
export function outputWidth(term: Terminal, toFile: boolean): number | undefined {
  return envColumns(term) ?? (toFile ? undefined : term.stdoutColumns);
}

/** `COLUMNS` when it is a positive whole number, the one reading of it for the table and the progress line. */
export function envColumns(term: Terminal): number | undefined {
  const env = term.env['COLUMNS']?.trim();
  return env !== undefined && /^[1-9]\d{0,5}$/.test(env) ? Number(env) : undefined;
}
