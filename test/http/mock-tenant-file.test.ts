import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { loadMockTenant, parseMockTenant, SYNTHETIC_EPOCH_MS, syntheticUser } from '../../src/mock/index.js';

const dir = mkdtempSync(join(tmpdir(), 'mock-tenant-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function loadError(path: string): InputError {
  try {
    loadMockTenant(path);
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected an InputError');
}

const base = { domain: 'x.auth0.com', m2m: [{ client_id: 'a', client_secret: 'b', scopes: [] }] };

describe('loadMockTenant', () => {
  it('loads the small fixture with passthrough fields', () => {
    const tenant = loadMockTenant('test/fixtures/mock-tenant-small.json');
    expect(tenant.domain).toBe('small.eu.auth0.com');
    expect(tenant.clients?.[0]?.callbacks).toEqual(['https://shop.example.com/callback', 'http://localhost:3000/callback']);
    expect(tenant.generate_users).toEqual({ count: 2500, seed: 7 });
  });

  it('names file, line and dot-path of a schema problem', () => {
    const path = write('bad-role.json', JSON.stringify({ ...base, roles: [{ id: 'r1', name: 'ok' }, { id: 'r2', name: 'x', users: [5] }] }, null, 2));
    const err = loadError(path);
    expect(err.code).toBe('CONFIG');
    expect(err.message).toMatch(/^roles\[1\]\.users\[0\]: /);
    expect(err.where).toBe(`${path}:19`);
  });

  it('reports invalid JSON with a line, unknown top-level keys and duplicate ids', () => {
    const broken = loadError(write('broken.json', '{\n  "domain": "x",\n  oops\n}'));
    expect(broken.message).toMatch(/^invalid JSON/);
    expect(broken.where).toMatch(/broken\.json:3$/);
    const typo = loadError(write('typo.json', JSON.stringify({ ...base, client: [] })));
    expect(typo.message).toBe('client: unknown key "client" (expected a kind name, logs, domain, m2m, unavailable, recorded_at, generate_users or deleted_while_reading)');
    const dup = loadError(write('dup.json', JSON.stringify({ ...base, clients: [{ client_id: 'c' }, { client_id: 'c' }] })));
    expect(dup.message).toBe('clients[1].client_id: duplicate client_id "c"');
    expect(loadError(join(dir, 'missing.json')).message).toBe('cannot read mock tenant file (ENOENT)');
  });

  it('accepts both shapes of guardian_policies and rejects an unknown unavailable reason', () => {
    expect(parseMockTenant({ ...base, guardian_policies: { policies: ['all-applications'] } }).guardian_policies).toEqual({ policies: ['all-applications'] });
    expect(() => parseMockTenant({ ...base, unavailable: { bot_detection: 'nope' } })).toThrow(/^unavailable\.bot_detection: /);
  });
});

describe('synthetic users', () => {
  it('are deterministic per (seed, index) and differ across seeds', () => {
    expect(syntheticUser(7, 123)).toEqual(syntheticUser(7, 123));
    expect(syntheticUser(7, 123)).not.toEqual(syntheticUser(8, 123));
    expect(syntheticUser(7, 999_999).user_id).toMatch(/^(auth0\|65a1[0-9a-f]{20}|google-oauth2\|1\d{20})$/);
  });

  it('vary the fields rules care about', () => {
    const users = Array.from({ length: 2000 }, (_, i) => syntheticUser(1, i));
    const share = (f: (u: Record<string, unknown>) => boolean) => users.filter(f).length / users.length;
    expect(share((u) => !('last_login' in u) && !('logins_count' in u))).toBeGreaterThan(0.12);
    expect(share((u) => u.email_verified === false)).toBeGreaterThan(0.05);
    expect(share((u) => JSON.stringify(u.multifactor) === '["guardian"]')).toBeGreaterThan(0.2);
    expect(share((u) => u.blocked === true)).toBeGreaterThan(0.005);
    expect(share((u) => String(u.user_id).startsWith('google-oauth2|'))).toBeGreaterThan(0.15);
    const created = users.map((u) => Date.parse(String(u.created_at)));
    expect(Math.max(...created)).toBeLessThanOrEqual(SYNTHETIC_EPOCH_MS);
    expect(Math.min(...created)).toBeGreaterThan(SYNTHETIC_EPOCH_MS - 3 * 366 * 24 * 3600 * 1000);
    expect(SYNTHETIC_EPOCH_MS - Math.min(...created)).toBeGreaterThan(2.5 * 365 * 24 * 3600 * 1000);
  });
});
