import { CollectionError } from '../errors.js';
import { safeText } from '../report/safe-text.js';

export interface ApiErrorDetails {
  status: number;
  /** Method and path without the query, e.g. `GET /clients`. */
  request: string;
  errorCode?: string;
  apiMessage?: string;
}

/**
 * Keeps a hostile or verbose API message to one inert line of at most `max` characters (before escaping): control
 * and bidi characters are shown as escapes and line breaks as `\n` (safeText), so it can neither restyle a terminal
 * nor print a line of its own (a fake "gate: passed").
 */
export function oneLine(text: string, max = 200): string {
  const trimmed = text.trim();
  // Code points, not code units, so the cut never splits a character.
  const chars = Array.from(trimmed.slice(0, (max + 1) * 2));
  return safeText(chars.length > max ? `${chars.slice(0, max - 3).join('')}...` : trimmed);
}

/**
 * The Management API answered with a non-2xx status (after retries). Collectors branch on `status` and
 * `errorCode` (403 `insufficient_scope` → forbidden, `insufficient_entitlement` → unavailable, …).
 */
export class ApiError extends CollectionError {
  override readonly status: number;
  readonly errorCode: string | undefined;
  readonly apiMessage: string | undefined;
  readonly request: string;

  constructor(details: ApiErrorDetails) {
    const code = details.errorCode === undefined ? '' : ` ${oneLine(details.errorCode, 60)}`;
    const said = details.apiMessage === undefined ? '' : `: ${oneLine(details.apiMessage)}`;
    const sentence = `${details.request} failed with ${details.status}${code}${said}`;
    super('API', /[.!?]$/.test(sentence) ? sentence : `${sentence}.`, { status: details.status });
    this.name = 'ApiError';
    this.status = details.status;
    this.errorCode = details.errorCode;
    this.apiMessage = details.apiMessage;
    this.request = details.request;
  }
}
