/** One finished attempt, for `--verbose` logs. Never carries headers, bodies, tokens or secret query values. */
export interface RequestEvent {
  method: 'GET' | 'POST';
  /** Path with the query; values are shown only for the paging and projection parameters. */
  path: string;
  /** The status, when a response arrived. */
  status?: number;
  /** An error code (`ETIMEDOUT`, `ECONNRESET`, `E_MALFORMED_BODY`, …) when no usable response arrived. */
  error?: string;
  ms: number;
  /** 1 for the first attempt of a request, 2 for its first retry, … */
  attempt: number;
}

export type QueryValue = string | number | boolean | undefined;
export type Query = Record<string, QueryValue>;

/** Query parameters whose values are harmless in a log: paging, cursors, field lists and fixed filters. */
const SHOWN = new Set(['from', 'take', 'page', 'per_page', 'fields', 'include_fields', 'include_totals', 'is_global']);

export function queryString(query: Query | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) params.append(key, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** The path as logs may show it: other query values (a search `q`, an email, …) become `*`. */
export function loggablePath(path: string, query: Query | undefined): string {
  const masked: Query = {};
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) masked[key] = SHOWN.has(key) ? value : '*';
  }
  return `${path}${queryString(masked).replace(/=%2A(?=&|$)/g, '=*')}`;
}
