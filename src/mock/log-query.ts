import { ApiError } from './api-error.js';
import type { Item } from './user-store.js';

type Clause = { field: string; values: string[] };

/**
 * The subset of the log search syntax (Lucene) the scanner sends: `field:value` or `field:(a OR b)` clauses joined
 * by AND, values bare or double-quoted. Anything else is a 400, as a query the real API would not understand the
 * same way should fail a test rather than match loosely.
 */
export function parseLogQuery(q: string): Clause[] {
  const clauses: Clause[] = [];
  const re = /\s*([a-z_]+):(\((?:[^()"]|"(?:[^"\\]|\\.)*")*\)|"(?:[^"\\]|\\.)*"|[^\s()"]+)\s*(AND\b|$)/gy;
  let m: RegExpExecArray | null;
  let end = 0;
  while ((m = re.exec(q)) !== null && m[0] !== '') {
    const [, field = '', raw = ''] = m;
    const inner = raw.startsWith('(') ? raw.slice(1, -1).split(/\s+OR\s+/) : [raw];
    clauses.push({ field, values: inner.map(unquote) });
    end = re.lastIndex;
    if (m[3] === '') break;
  }
  if (end !== q.length || clauses.length === 0) throw new ApiError(400, `Query validation error: unsupported search "${q}"`, 'invalid_query_string');
  return clauses;
}

function unquote(v: string): string {
  const t = v.trim();
  return t.startsWith('"') ? t.slice(1, -1).replace(/\\(.)/g, '$1') : t;
}

export function matchesLogQuery(event: Item, clauses: readonly Clause[]): boolean {
  return clauses.every((c) => c.values.includes(String(event[c.field] ?? '')));
}
