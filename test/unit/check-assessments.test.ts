import { describe, expect, it } from 'vitest';
import { assessClock } from '../../src/check/assess-clock.js';
import { assessRateLimit } from '../../src/check/assess-rate-limit.js';
import { assessScopes } from '../../src/check/assess-scopes.js';
import { checksSchema, type Checks } from '../../src/check/check-result.js';
import { checkVerdict } from '../../src/check/check-verdict.js';
import { gatedProbes } from '../../src/check/plan-gated-endpoints.js';
import { renderCheckText } from '../../src/check/render-check-text.js';
import { tokenClaims } from '../../src/check/token-claims.js';

const needs = { kinds: [], scopes: [{ scope: 'read:clients', neededBy: 3 }, { scope: 'read:users', neededBy: 1 }] };
const grant = (granted: string[] | undefined) => ({ granted, clientId: 'abc', audience: 'https://acme.eu.auth0.com/api/v2/' });

describe('assessScopes', () => {
  it('all needed granted: ok, with rows and counts', () => {
    const s = assessScopes(needs, grant(['read:users', 'read:clients']));
    expect(s.status).toBe('ok');
    expect(s.needed).toEqual([{ scope: 'read:clients', neededBy: 3, granted: true }, { scope: 'read:users', neededBy: 1, granted: true }]);
  });

  it('missing: fail, naming them and where to add them', () => {
    const s = assessScopes(needs, grant(['read:clients']));
    expect(s.status).toBe('fail');
    expect(s.missing).toEqual(['read:users']);
    expect(s.fix).toBe('add read:users to the client grant of abc for https://acme.eu.auth0.com/api/v2/ (APIs → Auth0 Management API → Machine To Machine Applications)');
  });

  it('risky extras warn; harmless extras are only listed', () => {
    const s = assessScopes(needs, grant(['read:clients', 'read:users', 'delete:users', 'read:client_keys', 'read:logs']));
    expect(s.status).toBe('warn');
    expect(s.risky.map((r) => r.scope)).toEqual(['delete:users', 'read:client_keys']);
    expect(s.otherExtra).toEqual(['read:logs']);
  });

  it('a needed scope that would be risky as an extra is not flagged', () => {
    const s = assessScopes({ kinds: [], scopes: [{ scope: 'read:connections_options', neededBy: 2 }] }, grant(['read:connections_options']));
    expect(s.status).toBe('ok');
    expect(s.risky).toEqual([]);
  });

  it('unknown grant (opaque token): warn, granted null', () => {
    const s = assessScopes(needs, grant(undefined));
    expect(s.status).toBe('warn');
    expect(s.known).toBe(false);
    expect(s.needed.every((r) => r.granted === null)).toBe(true);
  });
});

describe('assessClock', () => {
  const at = (localMs: number, serverDate: string) => assessClock({ headers: { date: serverDate }, sentAtMs: localMs - 100, receivedAtMs: localMs + 100 });
  it('in step, a little off, and far off (warn past 60 s, either way)', () => {
    const server = 'Tue, 10 Nov 2026 10:00:00 GMT';
    const t = Date.parse(server);
    expect(at(t + 400, server)).toMatchObject({ status: 'ok', skewSeconds: 0 });
    expect(at(t + 30_000, server)).toMatchObject({ status: 'ok', skewSeconds: 30 });
    expect(at(t + 61_000, server)).toMatchObject({ status: 'warn', skewSeconds: 61, fix: 'synchronise the clock (NTP) before scanning' });
    expect(at(t - 120_000, server).summary).toContain('120 s behind');
  });
  it('skipped without a usable Date', () => {
    expect(assessClock(undefined).status).toBe('skipped');
    expect(assessClock({ headers: { date: 'soon' }, sentAtMs: 0, receivedAtMs: 0 }).status).toBe('skipped');
  });
});

describe('assessRateLimit', () => {
  it('reads the bucket, warns when it is empty', () => {
    const now = Date.parse('2026-11-10T10:00:00Z');
    const headers = { 'x-ratelimit-limit': '50', 'x-ratelimit-remaining': '49', 'x-ratelimit-reset': String(now / 1000 + 2) };
    expect(assessRateLimit(headers, now)).toMatchObject({ status: 'ok', limit: 50, remaining: 49, resetAt: '2026-11-10T10:00:02.000Z', summary: 'bucket of 50 request(s), 49 left, next refill in 2 s' });
    expect(assessRateLimit({ ...headers, 'x-ratelimit-remaining': '0' }, now).status).toBe('warn');
    expect(assessRateLimit({}, now).status).toBe('ok');
    expect(assessRateLimit(undefined, now).status).toBe('skipped');
  });
});

describe('tokenClaims', () => {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  it('reads aud (string or list) and exp of a JWT; nothing of an opaque token', () => {
    expect(tokenClaims(`${part({})}.${part({ aud: 'x', exp: 10 })}.s`)).toEqual({ audiences: ['x'], expiresAtMs: 10_000 });
    expect(tokenClaims(`${part({})}.${part({ aud: ['x', 'y'] })}.s`)).toEqual({ audiences: ['x', 'y'], expiresAtMs: undefined });
    expect(tokenClaims('opaque-token')).toBeUndefined();
  });
});

describe('gatedProbes', () => {
  it('probes only the plan-gated kinds asked for', () => {
    expect(gatedProbes(['clients', 'bot_detection', 'tenant', 'log_streams']).map((p) => p.kind)).toEqual(['log_streams', 'bot_detection']);
    expect(gatedProbes(['clients', 'users'])).toEqual([]);
  });
});

function allOk(): Checks {
  const ok = { status: 'ok' as const, summary: 'fine' };
  return checksSchema.parse({
    reachability: ok,
    credentials: { ...ok, method: 'client_credentials' },
    api: ok,
    scopes: { ...ok, known: true, needed: [], missing: [], risky: [], otherExtra: [] },
    endpoints: { ...ok, probes: [] },
    rateLimit: ok,
    clock: ok,
  });
}

describe('checkVerdict', () => {
  it('ready unless a check fails; fixes from fails, advice from warnings', () => {
    expect(checkVerdict(allOk())).toEqual({ ready: true, fixes: [], advice: [] });
    const warned = allOk();
    warned.clock = { status: 'warn', summary: 'skewed', fix: 'sync' };
    expect(checkVerdict(warned)).toEqual({ ready: true, fixes: [], advice: ['sync'] });
    const failed = allOk();
    failed.scopes = { ...failed.scopes, status: 'fail', summary: 'missing', fix: 'add read:users' };
    failed.credentials = { ...failed.credentials, status: 'fail', summary: 'bad', fix: 'fix the secret' };
    expect(checkVerdict(failed)).toEqual({ ready: false, fixes: ['fix the secret', 'add read:users'], advice: [] });
  });
});

describe('renderCheckText', () => {
  it('makes server-supplied text terminal-safe', () => {
    const checks = allOk();
    checks.credentials = { ...checks.credentials, status: 'fail', summary: 'refused', detail: 'evil\u001b[2Jtext' };
    const text = renderCheckText(
      { schemaVersion: 1, tool: { name: 'auth0-scan', version: '0' }, checkedAt: '2026-11-10T10:00:00.000Z', target: { origin: 'https://a', tenant: 'a', audience: 'https://a/api/v2/' }, ready: false, requests: 1, checks, fixes: [], advice: [] },
      { color: false },
    );
    expect(text).not.toContain('\u001b');
    expect(text).toContain('server said: evil\\x1b[2Jtext');
  });
});
