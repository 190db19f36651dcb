import { CollectionError, exitCodeFor, InputError } from '../errors.js';
import type { Terminal } from './terminal.js';

/**
 * The one place an error becomes words and an exit code: one line, `auth0-scan: <where>: <what>`, no stack
 * trace unless --verbose (an unexpected error is a bug, and the trace is what a bug report needs).
 */
export function handleError(err: unknown, term: Terminal, verbose: boolean): number {
  if (err instanceof InputError) {
    term.stderr(`auth0-scan: ${err.where ? `${err.where}: ` : ''}${err.message}\n`);
  } else if (err instanceof CollectionError) {
    term.stderr(`auth0-scan: ${err.message}\n`);
    if (verbose && err.cause instanceof Error) term.stderr(`  cause: ${err.cause.message}\n`);
  } else {
    const message = err instanceof Error ? err.message : String(err);
    term.stderr(`auth0-scan: internal error: ${message} (please report it; run with --verbose for details)\n`);
    if (verbose && err instanceof Error && err.stack) term.stderr(`${err.stack}\n`);
  }
  return exitCodeFor(err);
}
