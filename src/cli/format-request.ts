import type { RequestEvent } from '../http/request-event.js';
import { terminalSafe } from '../report/terminal-text.js';

/**
 * One `--verbose` log line: method, path, status or error code, time, attempt. The path holds ids the API chose
 * (`/roles/<id>/users`) and the error code may come from the wire, so both are shown as one inert line.
 */
export function formatRequest(e: RequestEvent): string {
  const outcome = e.status !== undefined ? String(e.status) : terminalSafe(e.error ?? 'error');
  return `${e.method} ${terminalSafe(e.path)} ${outcome} ${e.ms}ms${e.attempt > 1 ? ` (attempt ${e.attempt})` : ''}`;
}
