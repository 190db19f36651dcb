import type { IncrementalStats } from '../model/finding.js';

/** "incremental: 41 of 4,088 requests", or "full read (log-gap)": the table summary's part. */
export function incrementalSummary(inc: IncrementalStats, requests: number): string {
  if (inc.fallback !== undefined) return `full read (${inc.fallback})`;
  const of = inc.fullRequests === undefined ? '' : ` of ${inc.fullRequests.toLocaleString('en-US')}`;
  return `incremental: ${requests.toLocaleString('en-US')}${of} requests`;
}

/** The summary with why it read in full, or what the log showed: `collect`'s line on stderr. */
export function incrementalLine(inc: IncrementalStats, requests: number): string {
  if (inc.fallback !== undefined) return `full read instead of incremental (${inc.fallback}: ${inc.detail ?? ''})`;
  const events = inc.logs ? `, ${inc.logs.events} log events since the base` : '';
  const kinds = inc.reread.filter((r) => r.logged).map((r) => r.kind);
  return `${incrementalSummary(inc, requests)}${events}${kinds.length === 0 ? ', nothing changed' : `, changed: ${kinds.join(', ')}`}`;
}
