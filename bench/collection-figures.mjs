// What a collection run is judged on, computed from the client's own request events (so it works against any
// Management API, ours or another mock) and from what was collected (so the minimum needs no tenant file).
import { requestsByKind } from './request-kinds.mjs';
import { minimumRequests } from './tenant.mjs';

export const TIME_TARGET = 1.15;
export const THROTTLE_TARGET = 0.02;

export const sec = (ms) => (ms / 1000).toFixed(1);
export const pct = (x) => `${(x * 100).toFixed(1)}%`;

/**
 * Counts every resource; keeps all but users (small: hundreds of items with their joins) so that the minimum
 * request count can be worked out from what the API actually served.
 */
export function keepingSink() {
  const counts = {};
  const kept = {};
  return {
    counts,
    begin() {},
    resource(kind, resource) {
      counts[kind] = (counts[kind] ?? 0) + 1;
      if (kind !== 'users') (kept[kind] ??= []).push(resource);
    },
    end() {},
    /** The collected data in the tenant-file shape minimumRequests() reads. */
    minimum() {
      return minimumRequests({ ...kept, users: [], generate_users: { count: counts.users ?? 0 } });
    },
  };
}

/**
 * Figures from the client's request events (`{method, path, status?, error?, attempt, at}`, one per attempt):
 * Management API attempts (429s included), 429s, per-path counts, pages fetched twice, when the last API request
 * ended, export status polls, and statuses or errors that were neither success nor 429.
 */
export function eventFigures(events) {
  const apiEvents = events.filter((e) => !e.path.startsWith('http'));
  const byPath = {};
  for (const e of apiEvents) {
    const path = `/api/v2${e.path.split('?')[0]}`;
    byPath[path] = (byPath[path] ?? 0) + 1;
  }
  const seen = new Map();
  for (const e of apiEvents) {
    // Paths whose query values are masked in events (a log search's q) cannot tell two different requests apart.
    if (e.attempt !== 1 || e.path.startsWith('/jobs/') || /=\*(&|$)/.test(e.path)) continue;
    const key = `${e.method} ${e.path}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const failures = {};
  for (const e of events) {
    // A template never customised answers 404 by design: that is the answer, not a failure.
    if (e.status === 404 && e.path.startsWith('/email-templates/')) continue;
    const what = e.error ?? (e.status === undefined || e.status < 300 || e.status === 429 ? undefined : String(e.status));
    if (what !== undefined) failures[what] = (failures[what] ?? 0) + 1;
  }
  return {
    api: apiEvents.length,
    throttled: apiEvents.filter((e) => e.status === 429).length,
    byPath,
    duplicates: [...seen.values()].filter((n) => n > 1).length,
    lastApiMs: apiEvents.reduce((m, e) => Math.max(m, e.at), 0),
    jobPolls: apiEvents.filter((e) => /^\/jobs\/(?!users-exports)/.test(e.path)).length,
    downloads: events.length - apiEvents.length,
    failures: Object.entries(failures),
  };
}

/** "every kind at its minimum", or each kind's requests above (+) or below (-) its minimum. */
export function offMinimum(byPath, minimum) {
  const issued = requestsByKind(byPath);
  const diff = Object.entries(issued)
    .map(([k, n]) => [k, n - (minimum.byKind[k] ?? 0)])
    .concat(Object.keys(minimum.byKind).filter((k) => !(k in issued)).map((k) => [k, -minimum.byKind[k]]))
    .filter(([, d]) => d !== 0);
  return diff.length === 0 ? 'every kind at its minimum' : `off the minimum: ${diff.map(([k, d]) => `${k} ${d > 0 ? '+' : ''}${d}`).join(', ')}`;
}

/** The verdict line: each target met or missed, failures, pages fetched twice. A run that lost kinds has no time to judge. */
export function verdict({ ratio, share, failures, notOk, duplicates }) {
  return [
    notOk.length > 0 ? 'time not judged (data incomplete)' : ratio <= TIME_TARGET ? 'time ok' : `TIME MISSED (${ratio.toFixed(3)} > ${TIME_TARGET})`,
    share < THROTTLE_TARGET ? '429s ok' : `429s MISSED (${pct(share)} ≥ 2%)`,
    failures.length === 0 && notOk.length === 0
      ? 'no failures'
      : `FAILURES: ${[...failures.map(([what, n]) => `${n}×${what}`), ...notOk.map(([k, c]) => `${k}=${c.status}`)].join(', ')}`,
    duplicates === 0 ? 'no refetch' : `${duplicates} REFETCHED`,
  ].join(', ');
}
