import type { IncrementalStats } from '../model/finding.js';

/** "incremental: 41 of 2,731 requests (…)" or "full read (fallback log-gap: …)": one line for the table summary and stderr. */
export function incrementalLine(inc: IncrementalStats, requests: number): string {
  if (inc.fallback !== undefined) return `full read instead of incremental (${inc.fallback}: ${inc.detail ?? ''})`;
  const of = inc.fullRequests === undefined ? '' : ` of ${inc.fullRequests.toLocaleString('en-US')}`;
  const events = inc.logs ? `, ${inc.logs.events} log events since the base` : '';
  const kinds = inc.reread.filter((r) => r.reasons.some((why) => /^(POST|PATCH|PUT|DELETE) /.test(why))).map((r) => r.kind);
  const changed = kinds.length === 0 ? ', nothing changed' : `, changed: ${kinds.join(', ')}`;
  return `incremental: ${requests.toLocaleString('en-US')}${of} requests${events}${changed}`;
}
