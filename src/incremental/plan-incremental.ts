import type { Resource } from '../collect/collector.js';
import type { KindCoverage } from '../model/coverage.js';
import type { RedactionRecord } from '../redact/allow-list-record.js';
import { resourceId, type StoredKindName } from '../model/kinds.js';
import { apiPathSegments } from './api-path.js';
import type { LogEvent } from './log-events.js';
import { operationEffect, userDeleted, type Target } from './operation-effects.js';
import type { PriorSnapshot } from './prior-snapshot.js';

export type FallbackReason =
  | 'no-checkpoint'
  | 'no-read-logs'
  | 'other-version'
  | 'other-selection'
  | 'other-tenant'
  | 'full-every'
  | 'log-gap'
  | 'too-many-events'
  | 'unreadable-logs'
  | 'unknown-operation'
  | 'non-api-change';

export interface Fallback {
  reason: FallbackReason;
  detail: string;
}

/** `all`, or the items whose joins are read again (the kind's list is read either way; new items are read whole). */
export type Dirty = 'all' | ReadonlySet<string>;

export interface IncrementalPlan {
  /** `logged`: a logged event (not only the always-read list or the base's coverage) asked for the re-read. */
  reread: ReadonlyMap<StoredKindName, { dirty: Dirty; reasons: readonly string[]; logged: boolean }>;
  /** Kinds taken from the previous snapshot as they are. */
  reused: StoredKindName[];
  /** Events read that changed nothing the rules read. */
  ignored: number;
}

/** Kinds whose items are read with per-item sub-lists: only those can take unchanged items' joins from the base. */
export const JOIN_KINDS: ReadonlySet<StoredKindName> = new Set(['organizations', 'roles', 'connections', 'organization_discovery_domains']);

/** What changes without a Management API call, so without a `sapi` event: read on every run. */
export const ALWAYS_READ: Readonly<Partial<Record<StoredKindName, string>>> = {
  users: 'users change on every login',
  custom_domains: 'verification status changes without an API call',
  log_streams: 'stream health changes without an API call',
  client_log_activity: 'log signals are measured at the scan time',
  canonical_domain_logins: 'log signals are measured at the scan time',
};

/** Log types that change what the rules read without any Management API call: the run reads in full. */
const NON_API_CHANGES: Readonly<Record<string, string>> = {
  si: 'an accepted organization invitation adds a member',
  sscim: 'SCIM provisioning changed users or groups',
  admin_update_launch: 'an Auth0 update was launched on the tenant',
};

/** Log types that change settings without a `sapi` event, and the kinds they touch. */
const NON_API_KINDS: Readonly<Record<string, readonly StoredKindName[]>> = {
  gd_tenant_update: ['guardian_factors', 'guardian_policies', 'guardian_phone'],
};

export interface PriorCheck {
  kinds: readonly StoredKindName[];
  selection: string;
  redaction: RedactionRecord;
  toolVersion: string;
  domain: string;
  now: Date;
  fullEveryMs: number;
}

/** The fallbacks the base snapshot alone decides, before any log is read. */
export function checkPrior(prior: PriorSnapshot, run: PriorCheck): Fallback | undefined {
  const h = prior.header;
  if (h.tenant.domain !== run.domain) return { reason: 'other-tenant', detail: `the base snapshot is of ${h.tenant.domain}, this run reads ${run.domain}` };
  if (h.tool.version !== run.toolVersion) return { reason: 'other-version', detail: `the base snapshot was written by auth0-scan ${h.tool.version}, this is ${run.toolVersion}` };
  // Another selection still serves when it was redacted alike and holds every kind this run reads (a --all-kinds base).
  const alike = JSON.stringify(h.redaction) === JSON.stringify(run.redaction) && run.kinds.every((k) => prior.coverage[k] !== undefined);
  if (h.selection !== run.selection && !alike) return { reason: 'other-selection', detail: 'the base snapshot lacks kinds this run reads, or was redacted with another allow-list' };
  if (h.checkpoint === undefined) return { reason: 'no-checkpoint', detail: 'the base snapshot records no log checkpoint (made without read:logs, or from a file)' };
  const lastFull = Date.parse(h.lastFull ?? h.collectedAt);
  if (!(run.now.getTime() - lastFull < run.fullEveryMs)) return { reason: 'full-every', detail: `the last full read was at ${h.lastFull ?? h.collectedAt}` };
  return undefined;
}

/**
 * The pure middle: the events since the checkpoint, set against the base snapshot, give what to read again. An
 * operation nobody mapped, or a change that bypasses the Management API, gives a fallback instead.
 */
export function planIncremental(prior: PriorSnapshot, kinds: readonly StoredKindName[], events: readonly LogEvent[]): IncrementalPlan | Fallback {
  const want = new Set(kinds);
  const reread = new Map<StoredKindName, { dirty: 'all' | Set<string>; reasons: string[]; logged: boolean }>();
  const mark = (kind: StoredKindName, ids: 'all' | readonly string[], reason: string, logged = true): void => {
    if (!want.has(kind)) return;
    const entry = reread.get(kind) ?? { dirty: new Set<string>(), reasons: [], logged: false };
    entry.logged ||= logged;
    if (ids === 'all' || !JOIN_KINDS.has(kind)) entry.dirty = 'all';
    else if (entry.dirty !== 'all') for (const id of ids) entry.dirty.add(id);
    if (!entry.reasons.includes(reason)) entry.reasons.push(reason);
    reread.set(kind, entry);
  };
  // The base's tenant flags decide whether a new application joins every connection, unless they changed since.
  const flagsChanged = events.some((e) => e.type === 'sapi' && !(e.status !== undefined && e.status >= 400) && apiPathSegments(e.path ?? '')?.[0] === 'tenants');
  const ctx = { prior, flagsChanged };
  let ignored = 0;
  for (const event of events) {
    const fallback = NON_API_CHANGES[event.type];
    if (fallback !== undefined) return { reason: 'non-api-change', detail: `log ${event.logId} (${event.type}): ${fallback}` };
    // A user deleted outside the Management API still leaves the roles and organizations that held it.
    if (event.type === 'du') {
      if (event.userId === undefined) return { reason: 'non-api-change', detail: `log ${event.logId} (du): a user was deleted and the event does not say which` };
      for (const target of userDeleted(event.userId)) mark(target.kind, resolve(target, ctx), `log type du (${event.userId})`);
      continue;
    }
    const touched = NON_API_KINDS[event.type];
    if (touched) {
      for (const kind of touched) mark(kind, 'all', `log type ${event.type}`);
      continue;
    }
    // Failed writes (`fapi`, or an error status) and every non-write event change nothing.
    if (event.type !== 'sapi' || (event.status !== undefined && event.status >= 400)) {
      ignored++;
      continue;
    }
    const segments = event.path === undefined ? undefined : apiPathSegments(event.path);
    if (event.method === undefined || segments === undefined) return { reason: 'unknown-operation', detail: `log ${event.logId}: a sapi event without a Management API method and path` };
    const effect = operationEffect({ method: event.method, segments, ...(event.bodyRoles ? { bodyRoles: event.bodyRoles } : {}) });
    const label = `${event.method.toUpperCase()} ${event.path ?? ''}`;
    if (effect.type === 'unknown') return { reason: 'unknown-operation', detail: `log ${event.logId}: ${label} is not in the operation table` };
    if (effect.type === 'ignore') {
      ignored++;
      continue;
    }
    for (const target of effect.targets) mark(target.kind, resolve(target, ctx), label);
  }
  for (const [kind, why] of Object.entries(ALWAYS_READ) as [StoredKindName, string][]) mark(kind, 'all', why, false);
  const auto = (prior.resources.get('organizations') ?? []).filter(autoMembership).map((o) => resourceId('organizations', o));
  if (auto.length > 0) mark('organizations', auto, 'members join on login (auto-membership)', false);
  for (const kind of kinds) {
    const why = notReusable(prior.coverage[kind]);
    if (why !== undefined) mark(kind, 'all', `base snapshot: ${why}`, false);
  }
  return { reread, reused: kinds.filter((k) => !reread.has(k)), ignored };
}

function resolve(target: Target, { prior, flagsChanged }: { prior: PriorSnapshot; flagsChanged: boolean }): 'all' | string[] {
  if ('all' in target) return 'all';
  if ('list' in target) return [];
  if ('ids' in target) return [...target.ids];
  if ('newClient' in target) {
    const flags = prior.resources.get('tenant')?.[0]?.['flags'];
    const off = flags !== null && typeof flags === 'object' && (flags as Resource)['enable_client_connections'] === false;
    return off && !flagsChanged ? [] : 'all';
  }
  if ('permissionsOfApi' in target) {
    const api = (prior.resources.get('resource_servers') ?? []).find((r) => r['id'] === target.permissionsOfApi);
    const identifier = api?.['identifier'];
    if (typeof identifier !== 'string') return 'all';
    return holding(prior, 'roles', 'permissions', identifier);
  }
  return holding(prior, target.kind, target.containing.field, target.containing.value);
}

function holding(prior: PriorSnapshot, kind: StoredKindName, field: string, value: string): string[] {
  return (prior.resources.get(kind) ?? []).filter((r) => contains(r[field], value)).map((r) => resourceId(kind, r));
}

/** Whether `value` appears anywhere inside a join (ids, `{connection_id}`, `{user_id, roles: [{id}]}`). */
function contains(node: unknown, value: string): boolean {
  if (node === value) return true;
  if (Array.isArray(node)) return node.some((n) => contains(n, value));
  if (node !== null && typeof node === 'object') return Object.values(node).some((n) => contains(n, value));
  return false;
}

function autoMembership(org: Resource): boolean {
  const enabled = org['enabled_connections'];
  return Array.isArray(enabled) && enabled.some((c) => c !== null && typeof c === 'object' && (c as Resource)['assign_membership_on_login'] === true);
}

/** A kind is reused only when the base read it whole, with nothing withheld, rejected or dropped. */
function notReusable(c: KindCoverage | undefined): string | undefined {
  if (c === undefined) return 'kind not in it';
  if (c.status !== 'ok') return `kind was ${c.status}`;
  if (c.withheldFields?.length || c.missingScopes?.length) return 'fields were withheld';
  if (c.notUnderstoodCount || c.notUnderstood?.length) return 'resources were not understood';
  if (c.goneCount || c.gone?.length) return 'resources were deleted while read';
  return undefined;
}
