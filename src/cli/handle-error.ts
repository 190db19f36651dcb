import { CollectionError, exitCodeFor, InputError } from '../errors.js';
import { stderrSafe, terminalSafe } from '../report/terminal-text.js';
import type { Terminal } from './terminal.js';

/**
 * The one place an error becomes words and an exit code: one line, `auth0-scan: <where>: <what>`, no stack
 * trace unless --verbose (an unexpected error is a bug, and the trace is what a bug report needs). Messages can
 * quote a server, a file or a path, so each is shown as one inert line (terminalSafe); a stack keeps its lines.
 */
export function handleError(err: unknown, term: Terminal, verbose: boolean): number {
  if (err instanceof InputError) {
    term.stderr(`auth0-scan: ${err.where ? `${terminalSafe(err.where)}: ` : ''}${terminalSafe(err.message)}\n`);
  } else if (err instanceof CollectionError) {
    term.stderr(`auth0-scan: ${terminalSafe(err.message)}\n`);
    if (verbose && err.cause instanceof Error) term.stderr(`  cause: ${terminalSafe(err.cause.message)}\n`);
  } else {
    const message = err instanceof Error ? err.message : String(err);
    term.stderr(`auth0-scan: internal error: ${terminalSafe(message)} (please report it; run with --verbose for details)\n`);
    if (verbose && err instanceof Error && err.stack) term.stderr(`${safeStack(err, err.stack)}\n`);
  }
  return exitCodeFor(err);
}

/** The trace keeps its lines, but the message it starts with is as one-line as everywhere else. */
function safeStack(err: Error, stack: string): string {
  const head = `${err.name}: ${err.message}`;
  return stack.startsWith(head) ? `${terminalSafe(head)}${stderrSafe(stack.slice(head.length))}` : stderrSafe(stack);
}
