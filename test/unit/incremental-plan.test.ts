import { describe, expect, it } from 'vitest';
import type { Resource } from '../../src/collect/collector.js';
import type { KindCoverage } from '../../src/model/coverage.js';
import type { StoredKindName } from '../../src/model/kinds.js';
import { apiPathSegments } from '../../src/incremental/api-path.js';
import { compareLogIds, toLogEvent, type LogEvent } from '../../src/incremental/log-events.js';
import { operationEffect } from '../../src/incremental/operation-effects.js';
import { checkPrior, planIncremental, type IncrementalPlan } from '../../src/incremental/plan-incremental.js';
import type { PriorSnapshot } from '../../src/incremental/prior-snapshot.js';

const KINDS: StoredKindName[] = ['tenant', 'clients', 'client_grants', 'resource_servers', 'connections', 'roles', 'organizations', 'rules', 'users', 'custom_domains', 'email_templates'];
const ok = (count: number): KindCoverage => ({ status: 'ok', count });

function prior(resources: Partial<Record<StoredKindName, Resource[]>> = {}, coverage: Partial<Record<StoredKindName, KindCoverage>> = {}): PriorSnapshot {
  const all: Partial<Record<StoredKindName, Resource[]>> = {
    tenant: [{ flags: { enable_client_connections: true } }],
    clients: [{ client_id: 'c1' }, { client_id: 'c2' }],
    connections: [
      { id: 'con_a', enabled_clients: ['c1'] },
      { id: 'con_b', enabled_clients: ['c2'] },
    ],
    resource_servers: [{ id: 'rs1', identifier: 'https://api.example/' }],
    roles: [
      { id: 'rol_1', users: ['u1'], permissions: [{ resource_server_identifier: 'https://api.example/', permission_name: 'read' }] },
      { id: 'rol_2', users: ['u2'], permissions: [] },
    ],
    organizations: [
      { id: 'org_1', members: ['u1'], enabled_connections: [{ connection_id: 'con_a', assign_membership_on_login: false }], member_roles: [{ user_id: 'u1', roles: [{ id: 'rol_2' }] }] },
      { id: 'org_2', members: [], enabled_connections: [{ connection_id: 'con_b', assign_membership_on_login: true }] },
    ],
    ...resources,
  };
  const cov = Object.fromEntries(KINDS.map((k) => [k, coverage[k] ?? ok((all[k] ?? []).length)]));
  return {
    path: 'prev.ndjson',
    header: {
      format: 'auth0-scan-snapshot',
      version: 1,
      tool: { name: 'auth0-scan', version: '1.0.0' },
      tenant: { domain: 'acme.eu.auth0.com' },
      collectedAt: '2026-12-01T10:00:00Z',
      source: 'live',
      checkpoint: { logId: '9'.repeat(56), at: '2026-12-01T10:00:00Z' },
      selection: 'sel',
      lastFull: '2026-12-01T10:00:00Z',
    },
    coverage: cov,
    resources: new Map(Object.entries(all) as [StoredKindName, Resource[]][]),
  };
}

let n = 0;
const sapi = (method: string, path: string, extra: Partial<LogEvent> = {}): LogEvent => ({ logId: String(10n ** 55n + BigInt(++n)), type: 'sapi', method, path, status: 200, ...extra });

function plan(events: LogEvent[], p = prior()): IncrementalPlan {
  const result = planIncremental(p, KINDS, events);
  if ('reason' in result) throw new Error(`fell back: ${result.reason} ${result.detail}`);
  return result;
}
const ids = (p: IncrementalPlan, kind: StoredKindName): 'all' | string[] | undefined => {
  const d = p.reread.get(kind)?.dirty;
  return d === undefined || d === 'all' ? d : [...d].sort();
};

describe('the operation table', () => {
  it('reads a sapi path as Auth0 logs it: prefix and query dropped, ids percent-decoded', () => {
    expect(apiPathSegments('/api/v2/roles/rol_1%7Cx/users?page=2')).toEqual(['roles', 'rol_1|x', 'users']);
    expect(apiPathSegments('/v2/roles')).toBeUndefined();
    expect(apiPathSegments('/api/v2/users/%E0%A4%A')).toBeUndefined();
  });

  it('ignores what changes nothing a rule reads, and calls anything else unknown', () => {
    for (const path of ['jobs/users-exports', 'tickets/password-change', 'grants/g1', 'users/u1', 'organizations/org_1/invitations', 'actions/actions/a1/test']) {
      expect(operationEffect({ method: 'post', segments: path.split('/') }).type, path).toBe('ignore');
    }
    expect(operationEffect({ method: 'post', segments: ['brand-new-endpoint'] }).type).toBe('unknown');
    expect(operationEffect({ method: 'patch', segments: ['attack-protection', 'something-new'] }).type).toBe('unknown');
  });
});

describe('planIncremental', () => {
  it('re-reads nothing but the always-read kinds when no write was logged, and reuses the rest', () => {
    const p = plan([{ logId: '1'.repeat(56), type: 's' }, sapi('post', '/api/v2/jobs/users-exports')]);
    expect([...p.reread.keys()].sort()).toEqual(['custom_domains', 'organizations', 'users']);
    // The organization with auto-membership on login gains members without a sapi event.
    expect(ids(p, 'organizations')).toEqual(['org_2']);
    expect(p.reused).toEqual(expect.arrayContaining(['tenant', 'clients', 'roles', 'connections', 'rules']));
    expect(p.ignored).toBe(2);
  });

  it('follows the cascades: a deleted client leaves its grants and connections, a deleted connection its organizations', () => {
    const p = plan([sapi('delete', '/api/v2/clients/c2'), sapi('delete', '/api/v2/connections/con_a')]);
    expect(ids(p, 'clients')).toBe('all');
    expect(ids(p, 'client_grants')).toBe('all');
    expect(ids(p, 'connections')).toEqual(['con_b']);
    expect(ids(p, 'organizations')).toEqual(['org_1', 'org_2']);
  });

  it('maps joins to the items they change: memberships, permissions, a deleted user, a changed API', () => {
    expect(ids(plan([sapi('post', '/api/v2/roles/rol_2/users')]), 'roles')).toEqual(['rol_2']);
    expect(ids(plan([sapi('post', '/api/v2/users/u9/roles', { bodyRoles: ['rol_1'] })]), 'roles')).toEqual(['rol_1']);
    expect(ids(plan([sapi('post', '/api/v2/users/u9/roles')]), 'roles')).toBe('all');
    const deleted = plan([sapi('delete', '/api/v2/users/u1')]);
    expect(ids(deleted, 'roles')).toEqual(['rol_1']);
    expect(ids(deleted, 'organizations')).toEqual(['org_1', 'org_2']);
    // The same for a user deleted without a Management API call (log type du).
    expect(ids(plan([{ logId: '5'.repeat(56), type: 'du', userId: 'u2' }]), 'roles')).toEqual(['rol_2']);
    expect(planIncremental(prior(), KINDS, [{ logId: '5'.repeat(56), type: 'du' }])).toMatchObject({ reason: 'non-api-change' });
    expect(ids(plan([sapi('patch', '/api/v2/resource-servers/rs1')]), 'roles')).toEqual(['rol_1']);
    expect(ids(plan([sapi('delete', '/api/v2/roles/rol_2')]), 'organizations')).toEqual(['org_1', 'org_2']);
    // Organizations embed connection and role names: a rename re-reads the organizations holding them.
    expect(ids(plan([sapi('patch', '/api/v2/connections/con_a')]), 'organizations')).toEqual(['org_1', 'org_2']);
    expect(ids(plan([sapi('patch', '/api/v2/connections/con_b/clients')]), 'organizations')).toEqual(['org_2']);
    expect(ids(plan([sapi('patch', '/api/v2/roles/rol_1')]), 'organizations')).toEqual(['org_2']);
  });

  it('enables a new application on every connection unless the tenant turned that off', () => {
    expect(ids(plan([sapi('post', '/api/v2/clients')]), 'connections')).toBe('all');
    const off = prior({ tenant: [{ flags: { enable_client_connections: false } }] });
    expect(ids(plan([sapi('post', '/api/v2/clients')], off), 'connections')).toEqual([]);
    // …unless the tenant settings changed since the base: the flag may have been turned on before the new client.
    expect(ids(plan([sapi('patch', '/api/v2/tenants/settings'), sapi('post', '/api/v2/clients')], off), 'connections')).toBe('all');
  });

  it('skips failed writes and reads again a kind the base did not read whole', () => {
    const p = plan([sapi('delete', '/api/v2/clients/c1', { status: 404 }), { logId: '2'.repeat(56), type: 'fapi', method: 'patch', path: '/api/v2/tenants/settings' }], prior({}, { rules: { status: 'forbidden', count: 0 } }));
    expect(p.reread.has('clients')).toBe(false);
    expect(p.reread.has('tenant')).toBe(false);
    expect(p.reread.get('rules')?.reasons).toEqual(['base snapshot: kind was forbidden']);
  });

  it('falls back for an unknown operation and for changes that bypass the Management API', () => {
    expect(planIncremental(prior(), KINDS, [sapi('post', '/api/v2/brand-new-endpoint')])).toMatchObject({ reason: 'unknown-operation' });
    expect(planIncremental(prior(), KINDS, [{ logId: '3'.repeat(56), type: 'si' }])).toMatchObject({ reason: 'non-api-change' });
    expect(planIncremental(prior(), KINDS, [{ logId: '4'.repeat(56), type: 'sapi' }])).toMatchObject({ reason: 'unknown-operation' });
  });

  it('maps e-mail template writes to the templates (rules read them)', () => {
    expect(ids(plan([sapi('patch', '/api/v2/email-templates/verify_email')]), 'email_templates')).toBe('all');
  });
});

describe('checkPrior', () => {
  const run = { kinds: KINDS, selection: 'sel', redaction: { policy: 'allow-list' as const, paths: {} }, toolVersion: '1.0.0', domain: 'acme.eu.auth0.com', now: new Date('2026-12-01T20:00:00Z'), fullEveryMs: 24 * 3600_000 };
  it('accepts a recent base of the same tenant, version and selection', () => {
    expect(checkPrior(prior(), run)).toBeUndefined();
  });
  it('names each reason to read in full', () => {
    expect(checkPrior(prior(), { ...run, domain: 'other.auth0.com' })?.reason).toBe('other-tenant');
    expect(checkPrior(prior(), { ...run, toolVersion: '1.1.0' })?.reason).toBe('other-version');
    expect(checkPrior(prior(), { ...run, selection: 'other', kinds: [...KINDS, 'hooks'] })?.reason).toBe('other-selection');
    // A base of more kinds, redacted alike, serves a run of fewer.
    const wide = prior();
    expect(checkPrior({ ...wide, header: { ...wide.header, redaction: run.redaction } }, { ...run, selection: 'other', kinds: ['clients'] })).toBeUndefined();
    expect(checkPrior(wide, { ...run, selection: 'other', kinds: ['clients'] })?.reason).toBe('other-selection');
    expect(checkPrior(prior(), { ...run, now: new Date('2026-12-02T10:00:00Z') })?.reason).toBe('full-every');
    const p = prior();
    const { checkpoint: _c, ...header } = p.header;
    expect(checkPrior({ ...p, header }, run)?.reason).toBe('no-checkpoint');
  });
});

describe('log events', () => {
  it('compares 56-digit ids exactly, where numbers would round them equal', () => {
    const a = `9002${'0'.repeat(51)}1`;
    const b = `9002${'0'.repeat(51)}2`;
    expect(Number(a)).toBe(Number(b));
    expect(compareLogIds(a, b)).toBeLessThan(0);
    expect(compareLogIds('90020261001000000000000001', a)).toBeLessThan(0);
  });
  it('keeps method (lower-cased), path, status and a role list, and refuses what is not a log event', () => {
    const e = toLogEvent({ log_id: '1'.repeat(56), type: 'sapi', details: { request: { method: 'POST', path: '/api/v2/users/u1/roles', body: { roles: ['r1'], password: 'x' } }, response: { statusCode: 201, body: { secret: 's' } } } });
    expect(e).toEqual({ logId: '1'.repeat(56), type: 'sapi', method: 'post', path: '/api/v2/users/u1/roles', status: 201, bodyRoles: ['r1'] });
    expect(toLogEvent({ log_id: 12, type: 'sapi' })).toBeUndefined();
  });
});
