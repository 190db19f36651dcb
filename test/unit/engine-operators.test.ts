import { describe, expect, it } from 'vitest';
import { cond } from '../builders.js';
import type { Condition } from '../../src/rules/condition-schema.js';

const t = (c: Condition, subject: unknown, opts?: Parameters<typeof cond>[1]) => {
  const r = cond(c, opts);
  expect(r.issues).toEqual([]);
  return r.test(subject);
};

describe('leaf operators', () => {
  it('equals / not_equals are exact complements, including for missing values', () => {
    expect(t({ path: 'a', equals: 1 }, { a: 1 })).toBe(true);
    expect(t({ path: 'a', equals: 1 }, { a: '1' })).toBe('not_judged');
    expect(t({ path: 'a', not_equals: 1 }, { a: '1' })).toBe('not_judged');
    expect(t({ path: 'a', equals: 1 }, {})).toBe(false);
    expect(t({ path: 'a', not_equals: 1 }, {})).toBe(true);
    expect(t({ path: 'a', not_equals: true }, { a: true })).toBe(false);
  });
  it('in / not_in', () => {
    expect(t({ path: 'a', in: ['x', 'y'] }, { a: 'y' })).toBe(true);
    expect(t({ path: 'a', in: ['x', 'y'] }, {})).toBe(false);
    expect(t({ path: 'a', not_in: ['x'] }, {})).toBe(true);
  });
  it('contains works on arrays and strings; other types are not judged', () => {
    expect(t({ path: 'a', contains: 'implicit' }, { a: ['implicit'] })).toBe(true);
    expect(t({ path: 'a', contains: 'mp' }, { a: 'implicit' })).toBe(true);
    expect(t({ path: 'a', contains: 1 }, { a: 1 })).toBe('not_judged');
    expect(t({ path: 'a', not_contains: 'x' }, { a: 42 })).toBe('not_judged');
    expect(t({ path: 'a', contains_any: ['p', 'q'] }, { a: ['z', 'q'] })).toBe(true);
    expect(t({ path: 'a', contains_any: ['p', 'q'] }, {})).toBe(false);
  });
  it('exists, absent and empty', () => {
    expect(t({ path: 'a', exists: true }, { a: null })).toBe(false);
    expect(t({ path: 'a', exists: true }, { a: 0 })).toBe(true);
    expect(t({ path: 'a', absent: true }, {})).toBe(true);
    for (const v of [undefined, null, '', [], {}]) expect(t({ path: 'a', empty: true }, { a: v })).toBe(true);
    expect(t({ path: 'a', empty: false }, { a: [1] })).toBe(true);
    expect(t({ path: 'a', empty: true }, { a: 0 })).toBe(false);
  });
  it('matches uses RE2 with (?i); non-strings are not judged', () => {
    expect(t({ path: 'a', matches: '(?i)^admin' }, { a: 'Administrators' })).toBe(true);
    expect(t({ path: 'a', matches: 'x' }, { a: ['x'] })).toBe('not_judged');
    expect(t({ path: 'a', not_matches: 'x' }, { a: 5 })).toBe('not_judged');
    expect(t({ path: 'a', not_matches: 'x' }, {})).toBe(true);
  });
  it('matches stays linear on a pattern that is catastrophic for backtracking engines', () => {
    const start = process.hrtime.bigint();
    expect(t({ path: 'a', matches: '^(a+)+$' }, { a: `${'a'.repeat(50_000)}b` })).toBe(false);
    expect(Number(process.hrtime.bigint() - start) / 1e6).toBeLessThan(2000);
  });
  it('starts_with / ends_with on strings only', () => {
    expect(t({ path: 'a', starts_with: 'http://' }, { a: 'http://x' })).toBe(true);
    expect(t({ path: 'a', ends_with: '/v2/' }, { a: 3 })).toBe('not_judged');
    expect(t({ path: 'a', ends_with: '/v2/' }, {})).toBe(false);
  });
  it('numeric comparisons accept numbers and numeric strings only', () => {
    expect(t({ path: 'a', gt: 168 }, { a: 169 })).toBe(true);
    expect(t({ path: 'a', gt: 168 }, { a: 168 })).toBe(false);
    expect(t({ path: 'a', gte: 168 }, { a: 168 })).toBe(true);
    expect(t({ path: 'a', lt: 18 }, { a: '12' })).toBe(true);
    expect(t({ path: 'a', lt: 18 }, { a: 'twelve' })).toBe('not_judged');
    expect(t({ path: 'a', lte: 5 }, {})).toBe(false);
  });
  it('version_lt reads the first integer', () => {
    expect(t({ path: 'r', version_lt: 18 }, { r: 'node16' })).toBe(true);
    expect(t({ path: 'r', version_lt: 18 }, { r: 'node22' })).toBe(false);
    expect(t({ path: 'r', version_gte: 18 }, { r: '18' })).toBe(true);
    expect(t({ path: 'r', version_lt: 18 }, { r: 'latest' })).toBe('not_judged');
  });
  it('length compares arrays and strings', () => {
    expect(t({ path: 'a', length: { gt: 2 } }, { a: [1, 2, 3] })).toBe(true);
    expect(t({ path: 'a', length: { equals: 0 } }, { a: '' })).toBe(true);
    expect(t({ path: 'a', length: { gt: 0 } }, {})).toBe(false);
  });
  it('older_than / newer_than compare with the scan time, not the clock', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(t({ path: 'd', older_than: 'P90D' }, { d: '2025-09-01T00:00:00Z' }, { now })).toBe(true);
    expect(t({ path: 'd', older_than: 'P90D' }, { d: '2025-10-03T00:00:00Z' }, { now })).toBe(false);
    expect(t({ path: 'd', newer_than: { days: 30 } }, { d: '2025-12-20T00:00:00Z' }, { now })).toBe(true);
    expect(t({ path: 'd', older_than: 'P1D' }, { d: 'not a date' }, { now })).toBe('not_judged');
    expect(t({ not: { path: 'd', older_than: 'P1D' } }, { d: 1700000000 }, { now })).toBe('not_judged');
    expect(t({ path: 'd', older_than: 'P1D' }, {}, { now })).toBe(false);
  });
  it('url helpers', () => {
    const insecure: Condition = { url: { scheme: 'http', loopback: false } };
    expect(t(insecure, 'http://app.example.com/cb')).toBe(true);
    expect(t(insecure, 'http://localhost:3000/cb')).toBe(false);
    expect(t(insecure, 'http://127.0.0.5/cb')).toBe(false);
    expect(t(insecure, 'http://[::1]:8080/cb')).toBe(false);
    expect(t(insecure, 'HTTP://APP.example.com')).toBe(true);
    expect(t(insecure, 'https://app.example.com')).toBe(false);
    expect(t({ url: { host_wildcard: true } }, 'https://*.example.com/cb')).toBe(true);
    expect(t({ url: { host_wildcard: true } }, 'https://example.com/*')).toBe(false);
    expect(t({ url: { wildcard: true } }, '*')).toBe(true);
    expect(t({ url: { loopback: true } }, 'http://localhost.evil.com')).toBe(false);
    expect(t({ url: { valid: false } }, 'not a url')).toBe(true);
  });
});

describe('combinators and quantifiers', () => {
  it('all / any / not', () => {
    const c: Condition = { all: [{ path: 'a', equals: 1 }, { any: [{ path: 'b', equals: 2 }, { not: { path: 'c', exists: true } }] }] };
    expect(t(c, { a: 1, b: 2 })).toBe(true);
    expect(t(c, { a: 1, c: 3 })).toBe(false);
    expect(t(c, { a: 1 })).toBe(true);
  });
  it('some / every / none: missing values are empty, scalar values are not judged', () => {
    const el: Condition = { url: { wildcard: true } };
    expect(t({ path: 'cb', some: el }, { cb: ['https://a', 'https://*.b'] })).toBe(true);
    expect(t({ path: 'cb', every: el }, { cb: ['https://a', 'https://*.b'] })).toBe(false);
    expect(t({ path: 'cb', none: el }, { cb: ['https://a'] })).toBe(true);
    expect(t({ path: 'cb', some: el }, {})).toBe(false);
    expect(t({ path: 'cb', every: el }, { cb: 'https://*.b' })).toBe('not_judged');
    expect(t({ path: 'cb', every: el }, {})).toBe(true);
    expect(t({ path: 'cb', none: el }, {})).toBe(true);
  });
  it('count over another kind', () => {
    const resources = { connections: [{ id: 'a', strategy: 'auth0' }, { id: 'b', strategy: 'github' }] };
    expect(t({ count: { from: 'connections', where: { path: 'strategy', equals: 'auth0' } }, equals: 1 }, {}, { resources })).toBe(true);
    expect(t({ count: { from: 'connections' }, gt: 2 }, {}, { resources })).toBe(false);
  });
  it('lookup joins through a key, including keys inside arrays', () => {
    const resources = {
      clients: [{ client_id: 'spa1', app_type: 'spa' }, { client_id: 'm1', app_type: 'non_interactive' }],
      roles: [{ id: 'r1', name: 'Admin', users: ['u1', 'u2'] }, { id: 'r2', name: 'Viewer', users: ['u3'] }],
    };
    const isSpa: Condition = { path: 'client_id', lookup: { kind: 'clients', key: 'client_id', where: { path: 'app_type', equals: 'spa' } } };
    expect(t(isSpa, { client_id: 'spa1' }, { resources })).toBe(true);
    expect(t(isSpa, { client_id: 'm1' }, { resources })).toBe(false);
    expect(t(isSpa, { client_id: 'missing' }, { resources })).toBe(false);
    const admin: Condition = { path: 'user_id', lookup: { kind: 'roles', key: 'users', where: { path: 'name', matches: '(?i)admin' } } };
    expect(t(admin, { user_id: 'u2' }, { resources })).toBe(true);
    expect(t(admin, { user_id: 'u3' }, { resources })).toBe(false);
  });
});

describe('paths and references', () => {
  it('reads own properties only, never the prototype', () => {
    expect(t({ path: 'toString', exists: true }, {})).toBe(false);
    expect(t({ path: 'a.length', equals: 3 }, { a: [1, 2, 3] })).toBe(false);
    expect(t({ path: 'a.1', equals: 2 }, { a: [1, 2, 3] })).toBe(true);
  });
  it('refuses __proto__, constructor and prototype at compile time', () => {
    for (const p of ['__proto__', 'a.constructor', 'a.prototype.x']) {
      expect(cond({ path: p, exists: true }).issues[0]).toMatch(/may not use/);
    }
  });
  it('a JSON __proto__ key is data, not the prototype', () => {
    const subject = JSON.parse('{"a": {"__proto__": {"polluted": true}}}') as unknown;
    expect(t({ path: 'a.polluted', exists: true }, subject)).toBe(false);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
  it('resolves $params and reports unknown references', () => {
    expect(t({ path: 'n', gt: '$params.max' }, { n: 5 }, { params: { max: 4 } })).toBe(true);
    expect(cond({ path: 'n', gt: '$params.nope' }).issues[0]).toMatch(/unknown reference \$params.nope/);
    expect(cond({ path: 'n', gt: '$params.s' }, { params: { s: 'x' } }).issues[0]).toMatch(/expected a number/);
    expect(t({ path: 'aud', equals: '$tenant.mgmtApiIdentifier' }, { aud: 'https://t.example.com/api/v2/' })).toBe(true);
  });
  it('reports bad regexes at compile time', () => {
    expect(cond({ path: 'a', matches: '(?=x)' }).issues[0]).toMatch(/invalid regular expression/);
    expect(cond({ path: 'a', matches: '(' }).issues[0]).toMatch(/invalid regular expression/);
  });
  it('reports bad durations at compile time', () => {
    expect(cond({ path: 'a', older_than: '90 days' }).issues[0]).toMatch(/ISO-8601 duration/);
  });
});

describe('engine extensions used by the catalog', () => {
  it('default stands in for a missing or null value only', () => {
    const c: Condition = { path: 'session_lifetime', default: 168, gt: 100 };
    expect(t(c, {})).toBe(true);
    expect(t(c, { session_lifetime: null })).toBe(true);
    expect(t(c, { session_lifetime: 24 })).toBe(false);
  });
  it('quantifiers walk the values of an object', () => {
    const scripts = { login: 'const password = "hunter2hunter2";', get_user: 'return configuration.X;' };
    expect(t({ path: 's', some: { matches: 'hunter2' } }, { s: scripts })).toBe(true);
    expect(t({ path: 's', none: { matches: 'hunter2' } }, { s: scripts })).toBe(false);
    expect(t({ path: 's', every: { matches: 'configuration' } }, { s: scripts })).toBe(false);
  });
});
