import { stderrSafe } from '../report/terminal-text.js';

/** The process edges the CLI needs, gathered so commands can be run in tests with fake streams and env. */
export interface Terminal {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** The terminal's width in columns when stdout is one (the table follows it). */
  stdoutColumns?: number;
  /** stderr's width in columns now, when it is a terminal (read on each redraw of the progress line: panes get resized). */
  stderrColumns?: () => number | undefined;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

export function processTerminal(): Terminal {
  // A reader that stops early (`| head`) closes the pipe: that is the reader's choice, not a failure to report.
  // The rest of the report is dropped and the command still ends with its own exit code.
  let stdoutClosed = false;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    stdoutClosed = true;
  });
  return {
    stdout: (t) => {
      if (!stdoutClosed) process.stdout.write(t);
    },
    // stderr carries API and tenant text (errors, notices, --verbose): no escape sequence reaches the terminal.
    stderr: (t) => process.stderr.write(stderrSafe(t)),
    stdoutIsTTY: process.stdout.isTTY === true,
    ...(process.stdout.isTTY === true && process.stdout.columns > 0 ? { stdoutColumns: process.stdout.columns } : {}),
    stderrIsTTY: process.stderr.isTTY === true,
    stderrColumns: () => (process.stderr.isTTY === true && process.stderr.columns > 0 ? process.stderr.columns : undefined),
    env: process.env,
    cwd: process.cwd(),
  };
}

/** Colour only for a terminal, never when NO_COLOR is set or --no-color was given; FORCE_COLOR forces it. */
export function useColor(term: Terminal, flag: boolean | undefined, toFile: boolean): boolean {
  if (flag === false) return false;
  if (term.env['NO_COLOR'] !== undefined && term.env['NO_COLOR'] !== '') return false;
  const force = term.env['FORCE_COLOR'];
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
  return !toFile && term.stdoutIsTTY;
}
