import type { CollectApi } from '../collect-api.js';
import { asArray, asObject } from './simple-collectors.js';

/**
 * The one log request shape the log signals use: a search (Lucene `q`) for the single newest or oldest event,
 * with only the fields needed. One page of one event stays far inside the search caps (100 per page, 1,000
 * results), so every signal costs exactly one request.
 */
export async function oneLogEvent(api: CollectApi, q: string | undefined, order: 'newest' | 'oldest'): Promise<Record<string, unknown> | undefined> {
  const query = {
    ...(q === undefined ? {} : { q }),
    per_page: 1,
    page: 0,
    sort: order === 'newest' ? 'date:-1' : 'date:1',
    fields: 'date,type,client_id,hostname',
    include_fields: true,
  };
  const { body } = await api.get('/logs', query);
  const first = asArray(body, '/logs')[0];
  return first === undefined ? undefined : asObject(first, '/logs');
}

/** A value quoted for a Lucene query: backslashes and quotes escaped. */
export function luceneQuote(value: string): string {
  return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

export function dateOf(event: Record<string, unknown> | undefined): string | null {
  return typeof event?.['date'] === 'string' ? event['date'] : null;
}
