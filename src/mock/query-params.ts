import { queryError } from './api-error.js';

const DESCRIPTIONS: Record<string, string> = {
  page: 'Page index of the results to return. First page is 0.',
  per_page: 'Number of results per page.',
  take: 'Number of results per page. Defaults to 50.',
  include_totals: 'Return results inside an object that contains the total result count (true) or as a direct array of results (false, default).',
  include_fields: 'Whether specified fields are to be included (true) or excluded (false).',
  from: 'Optional Id from which to start selection.',
};

function describe(name: string): string {
  return DESCRIPTIONS[name] ?? name;
}

/** An integer query parameter with the API's own validation messages. */
export function intParam(query: URLSearchParams, name: string, bounds: { min: number; max: number; fallback: number }): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return bounds.fallback;
  if (!/^-?\d+$/.test(raw)) throw queryError('Expected type integer but found type string', name, describe(name));
  const value = Number(raw);
  if (value > bounds.max) throw queryError(`Value ${value} is greater than maximum ${bounds.max}`, name, describe(name));
  if (value < bounds.min) throw queryError(`Value ${value} is less than minimum ${bounds.min}`, name, describe(name));
  return value;
}

export function boolParam(query: URLSearchParams, name: string, fallback: boolean): boolean {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw queryError('Expected type boolean but found type string', name, describe(name));
}

/** Rejects parameters an endpoint's schema does not allow, as the API's validator does. */
export function rejectParams(query: URLSearchParams, names: readonly string[]): void {
  for (const name of names) {
    if (query.has(name)) throw queryError(`Additional properties not allowed: ${name}`, name, describe(name));
  }
}

/** Comma-separated list parameter (`fields=a,b`), undefined when absent. */
export function listParam(query: URLSearchParams, name: string): string[] | undefined {
  const raw = query.get(name);
  if (raw === null || raw.trim() === '') return undefined;
  return raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
}
