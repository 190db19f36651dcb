import { CollectionError } from '../errors.js';

export interface ApiErrorDetails {
  status: number;
  /** Method and path without the query, e.g. `GET /clients`. */
  request: string;
  errorCode?: string;
  apiMessage?: string;
}

/** Keeps a hostile or verbose API message to one printable line (no C0/C1 control, line break or bidi override). */
export function oneLine(text: string, max = 200): string {
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 3)}...` : flat;
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
