import { describe, expect, it } from 'vitest';
import { createEvaluator } from '../../src/engine/create-evaluator.js';
import type { KindCoverage } from '../../src/model/coverage.js';
import type { KindName } from '../../src/model/kinds.js';
import { client, ruleFile, user } from '../builders.js';

const ok = (count = 1): KindCoverage => ({ status: 'ok', count });
const implicit = ruleFile({
  id: 'client-implicit',
  where: { path: 'global', not_equals: true },
  assert: { path: 'grant_types', not_contains: 'implicit' },
  message: 'App {{$name}} uses {{grant_types}}.',
});
const dormant = ruleFile({
  id: 'user-dormant-test',
  resource: 'users',
  params: { days: 90 },
  assert: { not: { path: 'last_login', older_than: { days: '$params.days' } } },
  message: '{{$count}} dormant users: {{$sample}}',
});

function run(resources: Partial<Record<KindName, Record<string, unknown>[]>>, users: Record<string, unknown>[], coverage: Partial<Record<KindName, KindCoverage>>) {
  const ev = createEvaluator({ tenant: { domain: 'acme.auth0.com' }, now: '2026-01-01T00:00:00Z', resources, rules: [{ file: implicit }, { file: dormant }] });
  for (const u of users) ev.add('users', u);
  return ev.finish(coverage);
}

describe('evaluation', () => {
  it('reports one finding per failing resource, with evidence, message and a stable fingerprint', () => {
    const clients = [client({ client_id: 'a', name: 'Alpha', grant_types: ['implicit'] }), client({ client_id: 'b' }), client({ client_id: 'g', global: true, grant_types: ['implicit'] })];
    const out = run({ clients }, [], { clients: ok(3), users: ok(0) });
    expect(out.findings).toHaveLength(1);
    const f = out.findings[0];
    expect(f?.resource).toEqual({ type: 'clients', id: 'a', name: 'Alpha' });
    expect(f?.message).toBe('App Alpha uses implicit.');
    expect(f?.evidence).toEqual({ global: undefined, grant_types: ['implicit'] });
    expect(f?.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    const again = run({ clients }, [], { clients: ok(3), users: ok(0) });
    expect(again.findings[0]?.fingerprint).toBe(f?.fingerprint);
  });

  it('summarises users in one finding with the exact count and the smallest ids as sample, whatever the order', () => {
    const users = Array.from({ length: 25 }, (_, i) => user({ user_id: `auth0|${String(i).padStart(3, '0')}`, last_login: i % 2 === 0 ? '2020-01-01T00:00:00Z' : '2025-12-31T00:00:00Z' }));
    const a = run({ clients: [] }, users, { clients: ok(0), users: ok(25) });
    const b = run({ clients: [] }, [...users].reverse(), { clients: ok(0), users: ok(25) });
    const f = a.findings.find((x) => x.ruleId === 'user-dormant-test');
    expect(f?.count).toBe(13);
    expect(f?.sample).toEqual(['auth0|000', 'auth0|002', 'auth0|004', 'auth0|006', 'auth0|008', 'auth0|010', 'auth0|012', 'auth0|014', 'auth0|016', 'auth0|018']);
    expect(f?.message).toBe('13 dormant users: auth0|000, auth0|002, auth0|004, auth0|006, auth0|008, auth0|010, auth0|012, auth0|014, auth0|016, auth0|018');
    expect(b.findings).toEqual(a.findings);
  });

  it('skips a rule whose data is not ok, naming the missing scope, and never passes it', () => {
    const out = run({}, [user({ last_login: '2020-01-01T00:00:00Z' })], {
      clients: { status: 'forbidden', count: 0, missingScopes: ['read:clients'] },
      users: ok(1),
    });
    expect(out.findings.map((f) => f.ruleId)).toEqual(['user-dormant-test']);
    expect(out.skipped).toEqual([{ ruleId: 'client-implicit', reason: 'clients is forbidden (missing read:clients)', kinds: ['clients'], missingScopes: ['read:clients'] }]);
    expect(out.rulesEvaluated).toBe(1);
  });

  it('skips rules over kinds that were never collected', () => {
    const out = run({ clients: [] }, [], { clients: ok(0) });
    expect(out.skipped.map((s) => [s.ruleId, s.reason])).toEqual([['user-dormant-test', 'users was not collected']]);
  });

  it('orders findings by severity, rule id and resource id', () => {
    const high = ruleFile({ id: 'b-high', severity: 'high', assert: { path: 'x', exists: true } });
    const low = ruleFile({ id: 'a-low', severity: 'low', assert: { path: 'x', exists: true } });
    const ev = createEvaluator({ tenant: { domain: 'd' }, now: '2026-01-01T00:00:00Z', resources: { clients: [client({ client_id: 'z' }), client({ client_id: 'y' })] }, rules: [{ file: low }, { file: high }] });
    const out = ev.finish({ clients: ok(2) });
    expect(out.findings.map((f) => `${f.ruleId}/${f.resource.id}`)).toEqual(['b-high/y', 'b-high/z', 'a-low/y', 'a-low/z']);
  });

  it('applies severity and param overrides', () => {
    const ev = createEvaluator({
      tenant: { domain: 'd' },
      now: '2026-01-01T00:00:00Z',
      resources: {},
      rules: [{ file: dormant, override: { severity: 'critical', params: { days: 10_000 } } }],
    });
    ev.add('users', user({ last_login: '2020-01-01T00:00:00Z' }));
    const out = ev.finish({ users: ok(1) });
    expect(out.findings).toEqual([]);
  });

  it('sensitive rules keep only the size of what they read', () => {
    const secret = ruleFile({ id: 'code-secret', resource: 'actions', sensitive: true, assert: { path: 'code', not_matches: 'sk_live_' } });
    const ev = createEvaluator({ tenant: { domain: 'd' }, now: '2026-01-01T00:00:00Z', resources: { actions: [{ id: 'a1', name: 'x', code: 'const k = "sk_live_abcdef"' }] }, rules: [{ file: secret }] });
    const out = ev.finish({ actions: ok(1) });
    expect(out.findings[0]?.evidence).toEqual({ code: '<26 characters>' });
    expect(JSON.stringify(out)).not.toContain('sk_live_abcdef');
  });

  it('collection scope sees all items once', () => {
    const none = ruleFile({ id: 'streams', resource: 'log_streams', scope: 'collection', assert: { path: 'items', some: { path: 'status', equals: 'active' } } });
    const ev = createEvaluator({ tenant: { domain: 'd' }, now: '2026-01-01T00:00:00Z', resources: { log_streams: [{ id: 'l1', status: 'paused' }] }, rules: [{ file: none }] });
    const out = ev.finish({ log_streams: ok(1) });
    expect(out.findings.map((f) => f.resource)).toEqual([{ type: 'log_streams', id: 'log_streams' }]);
  });
});

describe('messages', () => {
  it('list values read through arrays, and say (none) for nothing', () => {
    const rule = ruleFile({ id: 'roles-msg', resource: 'roles', assert: { path: 'permissions', empty: true }, message: 'Role {{$name}} grants {{permissions.permission_name}}; users {{users}}.' });
    const ev = createEvaluator({ tenant: { domain: 'd' }, now: '2026-01-01T00:00:00Z', resources: { roles: [{ id: 'r1', name: 'Admin', permissions: [{ permission_name: 'read:users', resource_server_identifier: 'x' }, { permission_name: 'delete:users', resource_server_identifier: 'x' }], users: [] }] }, rules: [{ file: rule }] });
    expect(ev.finish({ roles: ok(1) }).findings[0]?.message).toBe('Role Admin grants read:users, delete:users; users (none).');
  });
});
