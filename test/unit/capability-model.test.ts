import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCapabilityModel } from '../../src/access/load-capability-model.js';
import { classifyScopes, scopeCapabilities } from '../../src/access/scope-capabilities.js';
import { InputError } from '../../src/errors.js';
import { readRealTenantFile, REAL_TENANT_FILE, realTenantAvailable } from '../real-tenant-mock.js';

const root = join(import.meta.dirname, '../..');
const model = loadCapabilityModel();
const available = realTenantAvailable();
if (!available) console.log(`capability-model: ${REAL_TENANT_FILE} is absent, so the real tenant's scopes are not checked.`);

type Obj = Record<string, unknown>;
const isManagementApi = (audience: unknown): boolean => typeof audience === 'string' && /\/api\/v2\/?$/.test(audience);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const objects = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter((x): x is Obj => x !== null && typeof x === 'object') : []);

/** Every Management API scope a tenant file (mock/demo tenant shape) names: m2m, grants, role permissions, system API. */
function mockTenantScopes(t: Obj): string[] {
  const out = objects(t['m2m']).flatMap((m) => strings(m['scopes']));
  for (const g of objects(t['client_grants'])) if (isManagementApi(g['audience'])) out.push(...strings(g['scope']));
  for (const r of objects(t['roles'])) {
    for (const p of objects(r['permissions'])) if (isManagementApi(p['resource_server_identifier'])) out.push(...strings([p['permission_name']]));
  }
  for (const rs of objects(t['resource_servers'])) {
    if (rs['is_system'] === true && isManagementApi(rs['identifier'])) out.push(...objects(rs['scopes']).flatMap((s) => strings([s['value']])));
  }
  return out;
}

function unclassified(scopes: string[]): string[] {
  return classifyScopes(model, scopes).unclassified;
}

const tempDir = mkdtempSync(join(tmpdir(), 'capability-model-'));
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

function loadText(name: string, text: string): InputError {
  const file = join(tempDir, name);
  writeFileSync(file, text);
  try {
    loadCapabilityModel(file);
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error(`${name} loaded without an error`);
}

const GOOD = `version: 1
capabilities:
  - id: tenant_takeover
    title: Tenant takeover
    takeover: true
    description: owns the tenant
    scopes:
      create:clients: creates applications
  - id: destruction
    title: Destruction
    description: deletes things
    patterns:
      - { match: "delete:*", reason: deletes what it names }
harmless:
  read:stats: counts only
`;

describe('the shipped capability model', () => {
  it('loads, in the documented order, with exactly one takeover capability', () => {
    expect(model.capabilities.map((c) => c.id).slice(0, 7)).toEqual(['tenant_takeover', 'credential_theft', 'account_takeover', 'privilege_escalation', 'security_downgrade', 'destruction', 'data_read']);
    expect(model.capabilities.filter((c) => c.takeover).map((c) => c.id)).toEqual(['tenant_takeover']);
    expect(loadCapabilityModel()).toBe(model);
  });

  it('classifies the scopes the brief names', () => {
    expect(scopeCapabilities(model, 'create:clients')).toContain('tenant_takeover');
    expect(scopeCapabilities(model, 'read:client_keys')).toContain('credential_theft');
    expect(scopeCapabilities(model, 'read:user_idp_tokens')).toEqual(['credential_theft']);
    expect(scopeCapabilities(model, 'update:users')).toContain('account_takeover');
    expect(scopeCapabilities(model, 'create:role_members')).toEqual(['privilege_escalation']);
    expect(scopeCapabilities(model, 'update:attack_protection')).toEqual(['security_downgrade']);
    expect(scopeCapabilities(model, 'read:users')).toEqual(['data_read']);
    expect(scopeCapabilities(model, 'delete:clients')).toEqual(['destruction']);
    expect(scopeCapabilities(model, 'read:stats')).toBe('harmless');
    expect(scopeCapabilities(model, 'read:clients')).toBe('harmless');
    expect(scopeCapabilities(model, 'read:no_such_thing')).toBeUndefined();
  });

  it('gives capabilities in model order, explicit entries and patterns together', () => {
    expect(scopeCapabilities(model, 'delete:authentication_methods')).toEqual(['account_takeover', 'security_downgrade', 'destruction']);
    expect(scopeCapabilities(model, 'delete:some_future_resource')).toEqual(['destruction']);
    expect(scopeCapabilities(model, ' read:resource_servers')).toEqual(['credential_theft']);
  });

  it('classifyScopes maps known scopes (harmless to none) and names the unknown once each', () => {
    const out = classifyScopes(model, ['read:stats', 'create:clients', 'read:orders', 'read:orders', '', 'create:clients']);
    expect([...out.byScope]).toEqual([
      ['read:stats', []],
      ['create:clients', ['tenant_takeover']],
    ]);
    expect(out.unclassified).toEqual(['read:orders']);
  });

  it('every delete: scope is destruction, and no write scope is harmless', () => {
    const named = [...model.capabilities.flatMap((c) => Object.keys(c.scopes)), ...Object.keys(model.harmless)];
    const deletes = named.filter((s) => s.startsWith('delete:'));
    expect(deletes.length).toBeGreaterThan(5);
    expect(deletes.filter((s) => !(scopeCapabilities(model, s) ?? []).includes('destruction'))).toEqual([]);
    expect(Object.keys(model.harmless).filter((s) => !s.startsWith('read:'))).toEqual([]);
  });

  it("holds every secret-reading scope of the scanner's own scope check in credential_theft", () => {
    const source = readFileSync(join(root, 'src/check/scope-risk.ts'), 'utf8');
    const block = /SECRET_READERS[^{]*\{([\s\S]*?)\n\};/.exec(source)?.[1] ?? '';
    const listed = [...block.matchAll(/'([a-z]+:[a-z_]+)'/g)].map((m) => m[1] ?? '');
    expect(listed.length).toBeGreaterThan(5);
    expect(listed.filter((s) => !(scopeCapabilities(model, s) ?? []).includes('credential_theft'))).toEqual([]);
  });

  it('every reason is one specific line', () => {
    const reasons = [...model.capabilities.flatMap((c) => [...Object.values(c.scopes), ...c.patterns.map((p) => p.reason)]), ...Object.values(model.harmless)];
    expect(reasons.filter((r) => r.length < 10 || r.length > 200 || /\n/.test(r))).toEqual([]);
  });
});

describe('every Management API scope a tenant can show is classified', () => {
  it('the demo tenant', () => {
    const demo = JSON.parse(readFileSync(join(root, 'examples/demo-tenant.json'), 'utf8')) as Obj;
    const scopes = mockTenantScopes(demo);
    expect(scopes.length).toBeGreaterThan(50);
    expect(unclassified(scopes)).toEqual([]);
  });

  it('every fixture tenant under test/fixtures', () => {
    const files = readdirSync(join(root, 'test/fixtures')).filter((f) => f.endsWith('.json') && f.includes('tenant'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(unclassified(mockTenantScopes(JSON.parse(readFileSync(join(root, 'test/fixtures', f), 'utf8')) as Obj)), f).toEqual([]);
  });

  it.skipIf(!available)("the real tenant's system API, its Management API grants and its role permissions", () => {
    const routes = readRealTenantFile().routes;
    const system = (routes['/resource-servers']?.items ?? []).find((r) => r['is_system'] === true && isManagementApi(r['identifier']));
    const scopes = objects(system?.['scopes']).flatMap((s) => strings([s['value']]));
    expect(scopes.length).toBeGreaterThan(250);
    for (const g of routes['/client-grants']?.items ?? []) if (isManagementApi(g['audience'])) scopes.push(...strings(g['scope']));
    for (const [path, route] of Object.entries(routes)) {
      if (!/^\/roles\/[^/]+\/permissions$/.test(path)) continue;
      for (const p of route.items ?? []) if (isManagementApi(p['resource_server_identifier'])) scopes.push(...strings([p['permission_name']]));
    }
    expect(unclassified(scopes)).toEqual([]);
  });
});

describe('a broken capability model is refused in one line naming file:line', () => {
  it('accepts a minimal valid model', () => {
    const file = join(tempDir, 'good.yaml');
    writeFileSync(file, GOOD);
    expect(scopeCapabilities(loadCapabilityModel(file), 'delete:users')).toEqual(['destruction']);
  });

  it('a YAML syntax error', () => {
    const err = loadText('syntax.yaml', GOOD.replace('    title: Destruction', '   title: [Destruction'));
    expect(err.code).toBe('CONFIG');
    expect(err.where).toMatch(/syntax\.yaml:\d+$/);
    expect(err.message).toMatch(/^syntax error: /);
    expect(err.message).not.toMatch(/\n/);
  });

  it('a scope both harmless and in a capability', () => {
    const err = loadText('both.yaml', GOOD.replace('  read:stats: counts only', '  read:stats: counts only\n  create:clients: not really'));
    expect(err.where).toMatch(/both\.yaml:16$/);
    expect(err.message).toBe('harmless[…]: scope "create:clients" is harmless but is listed in capability "tenant_takeover"');
  });

  it('a harmless scope a pattern covers', () => {
    const err = loadText('pattern.yaml', GOOD.replace('  read:stats: counts only', '  delete:stats: gone'));
    expect(err.message).toMatch(/"delete:stats" is harmless but matches a pattern of capability "destruction"/);
    expect(err.where).toMatch(/pattern\.yaml:15$/);
  });

  it('a duplicate capability id', () => {
    const err = loadText('dup.yaml', GOOD.replace('  - id: destruction', '  - id: tenant_takeover'));
    expect(err.message).toBe('capabilities[1].id: capability id "tenant_takeover" is used twice');
    expect(err.where).toMatch(/dup\.yaml:9$/);
  });

  it('a scope listed twice in one capability (a duplicate YAML key)', () => {
    const err = loadText('dupkey.yaml', GOOD.replace('      create:clients: creates applications', '      create:clients: creates applications\n      create:clients: again'));
    expect(err.message).toMatch(/^syntax error: /);
    expect(err.where).toMatch(/dupkey\.yaml:9$/);
  });

  it('no takeover capability, or two', () => {
    expect(loadText('none.yaml', GOOD.replace('    takeover: true\n', '')).message).toMatch(/exactly one capability has takeover: true \(found 0\)/);
    expect(loadText('two.yaml', GOOD.replace('    title: Destruction', '    title: Destruction\n    takeover: true')).message).toMatch(/found 2/);
  });

  it('a pattern that is not a whole verb or resource', () => {
    const err = loadText('glob.yaml', GOOD.replace('"delete:*"', '"delete:user*"'));
    expect(err.message).toMatch(/^capabilities\[1\]\.patterns\[0\]\.match: must be "verb:\*" or "\*:resource"/);
    expect(err.where).toMatch(/glob\.yaml:13$/);
  });

  it('a key that is not a scope name', () => {
    const err = loadText('key.yaml', GOOD.replace('create:clients: creates', 'Create Clients: creates'));
    expect(err.message).toMatch(/is not a scope name/);
    expect(err.where).toMatch(/key\.yaml:\d+$/);
  });

  it('a file that is not a capability model', () => {
    expect(loadText('foreign.yaml', 'root:x:0:0:root:/root:/bin/bash\n').message).toMatch(/not a YAML\/JSON capability model/);
    expect(() => loadCapabilityModel(join(tempDir, 'missing.yaml'))).toThrow(/cannot read file \(ENOENT\)/);
  });
});
