import type { CollectApi } from '../collect/collect-api.js';
import { ApiError } from '../http/api-error.js';
import type { IncrementalStats } from '../model/finding.js';
import type { StoredKindName } from '../model/kinds.js';
import type { RedactionRecord } from '../redact/allow-list-record.js';
import { checkPrior, planIncremental, type Fallback, type IncrementalPlan } from './plan-incremental.js';
import type { PriorSnapshot } from './prior-snapshot.js';
import { newestLogId, readLogRange } from './read-log-range.js';

export const DEFAULT_FULL_EVERY_MS = 24 * 3600_000;
const LOGS_SCOPE = 'read:logs';

export interface PrepareOptions {
  /** The base snapshot (`--since`); absent for a full read, which only records a checkpoint. */
  since?: PriorSnapshot;
  kinds: readonly StoredKindName[];
  selection: string;
  redaction: RedactionRecord;
  domain: string;
  toolVersion: string;
  now: Date;
  fullEveryMs?: number;
  /** The run writes a snapshot: find the checkpoint it records (a scan that saves nothing needs none). */
  record: boolean;
}

export interface PreparedCollection {
  checkpoint?: { logId: string; at: string };
  /** Set when the run reads incrementally. */
  incremental?: { prior: PriorSnapshot; plan: IncrementalPlan };
  lastFull?: string;
  /** For the report (`--since` runs only). */
  stats?: IncrementalStats;
  /** A line for stderr: why the snapshot records no checkpoint. */
  note?: string;
}

/**
 * The log step between the token and the collection: record where the tenant's log stands, and with a base
 * snapshot read what happened since and plan what to read again. Every doubt ends in a full read (a fallback
 * with its reason); only errors that would end any run (a rejected token, an unreachable host) are thrown.
 */
export async function prepareCollection(api: CollectApi, o: PrepareOptions): Promise<PreparedCollection> {
  const at = o.now.toISOString();
  const granted = api.grantedScopes();
  const noLogs = granted !== undefined && !granted.includes(LOGS_SCOPE);
  const noLogsNote = `the token lacks ${LOGS_SCOPE}: the snapshot records no log checkpoint, and a later --since from it reads in full`;
  const checkpointNow = async (): Promise<{ checkpoint?: { logId: string; at: string }; note?: string }> => {
    if (!o.record) return {};
    if (noLogs) return { note: noLogsNote };
    const logId = await refusable(() => newestLogId(api));
    if (logId === 'refused') return { note: noLogsNote };
    return logId === undefined ? { note: 'the tenant log is empty: the snapshot records no log checkpoint' } : { checkpoint: { logId, at } };
  };
  const prior = o.since;
  if (prior === undefined) return checkpointNow();

  const base = { base: prior.path, reread: [], reused: [], ...(prior.fullRequests === undefined ? {} : { fullRequests: prior.fullRequests }) };
  const fullRead = async (f: Fallback, logs?: IncrementalStats['logs'], known?: string): Promise<PreparedCollection> => {
    const next = known === undefined ? await checkpointNow() : { checkpoint: { logId: known, at } };
    return { ...next, stats: { ...base, ...(logs ? { logs } : {}), fallback: f.reason, detail: f.detail } };
  };
  const early = noLogs
    ? { reason: 'no-read-logs' as const, detail: `the token lacks ${LOGS_SCOPE}, so changes since the base cannot be known` }
    : checkPrior(prior, { kinds: o.kinds, selection: o.selection, redaction: o.redaction, toolVersion: o.toolVersion, domain: o.domain, now: o.now, fullEveryMs: o.fullEveryMs ?? DEFAULT_FULL_EVERY_MS });
  if (early) return fullRead(early);
  const from = prior.header.checkpoint?.logId ?? '';
  const range = await refusable(() => readLogRange(api, from));
  if (range === 'refused') return fullRead({ reason: 'no-read-logs', detail: `the tenant refused the log read (${LOGS_SCOPE})` });
  if (range.status !== 'ok') {
    const reason = range.status === 'gap' ? 'log-gap' : range.status === 'too-many' ? 'too-many-events' : 'unreadable-logs';
    return fullRead({ reason, detail: range.detail });
  }
  const logs = { from, to: range.newest, events: range.events.length, ignored: 0, requests: range.requests };
  const plan = planIncremental(prior, o.kinds, range.events);
  if ('reason' in plan) return fullRead(plan, logs, range.newest);
  return {
    checkpoint: { logId: range.newest, at },
    incremental: { prior, plan },
    lastFull: prior.header.lastFull ?? prior.header.collectedAt,
    stats: {
      ...base,
      logs: { ...logs, ignored: plan.ignored },
      reread: [...plan.reread].map(([kind, r]) => ({ kind, ids: r.dirty === 'all' ? 'all' : [...r.dirty].sort(), reasons: [...r.reasons], logged: r.logged })),
      reused: plan.reused,
    },
  };
}

/** A 403 on the log endpoints is "no read:logs" (an opaque token's scopes are not known in advance). */
async function refusable<T>(read: () => Promise<T>): Promise<T | 'refused'> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof ApiError && err.status === 403) return 'refused';
    throw err;
  }
}
