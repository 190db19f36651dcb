import { execFile } from 'node:child_process';
import { PLAN_GATED } from '../../src/check/plan-gated-endpoints.js';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import { createServer as createNetServer, type AddressInfo, type LookupFunction } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkResultSchema, runCheck, type CheckResult } from '../../src/check/run-check.js';
import { main } from '../../src/cli/main.js';
import { loadMockTenant, startMockServer, type MockServer, type MockTenant } from '../../src/mock/index.js';
import { loadRuleSet } from '../../src/rules/load-rule-set.js';
import { fakeTerminal } from '../fake-terminal.js';

const SECRETS = {
  full: 'chk-FULL-secret-7f3a9c1e2b5d',
  limited: 'chk-LIMITED-secret-44e0b9a1c7',
  risky: 'chk-RISKY-secret-0d9e8f7a6b5c',
};
const outputs: string[] = [];
let cwd: string;

beforeAll(async () => {
  // An empty working directory: no config file of the repository's can change the rule selection.
  cwd = await mkdtemp(join(tmpdir(), 'auth0-scan-check-'));
});
afterAll(async () => {
  await rm(cwd, { recursive: true, force: true });
  // Every case's stdout and stderr, together: no client secret may appear in any of them.
  const all = outputs.join('\n');
  expect(all.length).toBeGreaterThan(1000);
  for (const secret of Object.values(SECRETS)) expect(all).not.toContain(secret);
});

/** The demo tenant with three scanner apps: every needed scope, two of them missing, and risky extras. */
function tenant(unavailable?: MockTenant['unavailable']): MockTenant {
  const t = loadMockTenant('examples/demo-tenant.json');
  const needed = t.m2m[0]?.scopes ?? [];
  return {
    ...t,
    ...(unavailable === undefined ? {} : { unavailable }),
    m2m: [
      { client_id: 'full', client_secret: SECRETS.full, scopes: needed },
      { client_id: 'limited', client_secret: SECRETS.limited, scopes: needed.filter((s) => s !== 'read:users' && s !== 'read:roles') },
      { client_id: 'risky', client_secret: SECRETS.risky, scopes: [...needed, 'update:clients', 'read:client_keys', 'read:stats'] },
    ],
  };
}

async function withMock<T>(t: MockTenant, fn: (server: MockServer) => Promise<T>): Promise<T> {
  const server = await startMockServer({ tenant: t, rateLimit: { burst: 50, perSecond: 200 } });
  try {
    return await fn(server);
  } finally {
    await server.close();
  }
}

interface Run {
  code: number;
  out: string;
  err: string;
}

async function check(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const term = fakeTerminal(cwd, env);
  const code = await main(['node', 'auth0-scan', 'check', ...args], term);
  outputs.push(term.out, term.err);
  for (const secret of Object.values(SECRETS)) expect(`${term.out}${term.err}`).not.toContain(secret);
  return { code, out: term.out, err: term.err };
}

/** `check --format json` against the mock as client `id`, the secret passed the recommended way (env). */
async function checkJson(server: MockServer, id: keyof typeof SECRETS, extra: string[] = []): Promise<{ run: Run; result: CheckResult }> {
  const run = await check(['--domain', server.url, '--client-id', id, '--format', 'json', ...extra], { AUTH0_CLIENT_SECRET: SECRETS[id] });
  return { run, result: checkResultSchema.parse(JSON.parse(run.out)) };
}

describe('auth0-scan check', () => {
  it('passes a complete setup: every check ok, exit 0, in one request per plan-gated kind and two more at most', async () => {
    await withMock(tenant(), async (server) => {
      const { run, result } = await checkJson(server, 'full');
      expect(run.code).toBe(0);
      expect(result.ready).toBe(true);
      expect(result.fixes).toEqual([]);
      for (const [name, c] of Object.entries(result.checks)) expect([name, c.status]).toEqual([name, 'ok']);
      expect(result.checks.scopes.needed.length).toBeGreaterThan(15);
      expect(result.checks.scopes.needed.every((r) => r.granted === true && r.neededBy >= 1)).toBe(true);
      expect(result.checks.endpoints.probes.map((p) => [p.kind, p.result])).toContainEqual(['bot_detection', 'available']);
      expect(result.checks.rateLimit).toMatchObject({ limit: 50 });
      expect(typeof result.checks.clock.skewSeconds).toBe('number');
      // The token, one API read and one probe per plan-gated kind: never a collection.
      const stats = server.stats();
      expect(stats.requests).toBe(result.requests);
      expect(stats.requests).toBeLessThanOrEqual(2 + Object.keys(PLAN_GATED).length);
      expect(Math.max(...Object.values(stats.byPath))).toBe(1);
      expect(stats.byPath['/api/v2/users']).toBeUndefined();
      expect(stats.byPath['/api/v2/clients']).toBeUndefined();
    });
  });

  it('prints a readable text report without colour when NO_COLOR is set', async () => {
    await withMock(tenant(), async (server) => {
      const run = await check(['--domain', server.url, '--client-id', 'full'], { AUTH0_CLIENT_SECRET: SECRETS.full, NO_COLOR: '1', FORCE_COLOR: '1' });
      expect(run.code).toBe(0);
      expect(run.out).toMatch(/ok\s+credentials\s+token issued to full/);
      expect(run.out).toMatch(/read:tenant_settings\s+│\s+\d+ rules\s+│\s+yes/);
      expect(run.out).toContain('Ready: a full scan can run (exit 0)');
      expect(run.out).not.toContain('\u001b[');
    });
  });

  it('fails on missing scopes, names them in the table and in the fix, exit 3', async () => {
    await withMock(tenant(), async (server) => {
      const { run, result } = await checkJson(server, 'limited');
      expect(run.code).toBe(3);
      expect(result.ready).toBe(false);
      expect(result.checks.scopes.status).toBe('fail');
      expect(result.checks.scopes.missing).toEqual(['read:roles', 'read:users']);
      expect(result.fixes.join('\n')).toContain('add read:roles read:users to the client grant of limited');
      // The flag rather than the env var, and --verbose: the request log must not carry it either.
      const text = await check(['--domain', server.url, '--client-id', 'limited', '--client-secret', SECRETS.limited, '--verbose']);
      expect(text.code).toBe(3);
      expect(text.err).toContain('POST /oauth/token 200');
      expect(text.out).toMatch(/read:users\s+│\s+\d+ rules?\s+│\s+no/);
      expect(text.out).toContain('Not ready: a scan cannot run yet (exit 3)');
    });
  });

  it('explains a wrong secret in one line, without calling the API', async () => {
    await withMock(tenant(), async (server) => {
      const run = await check(['--domain', server.url, '--client-id', 'full', '--format', 'json'], { AUTH0_CLIENT_SECRET: 'not-the-secret-at-all' });
      const result = checkResultSchema.parse(JSON.parse(run.out));
      expect(run.code).toBe(3);
      expect(result.checks.reachability.status).toBe('ok');
      expect(result.checks.credentials).toMatchObject({ status: 'fail', httpStatus: 401, oauthError: 'access_denied', summary: 'wrong client id or secret (401 access_denied)' });
      expect(result.fixes[0]).toContain('check --client-id/AUTH0_CLIENT_ID (full) and AUTH0_CLIENT_SECRET');
      expect(result.checks.api.status).toBe('skipped');
      expect(Object.keys(server.stats().byPath)).toEqual(['/oauth/token']);
      expect(run.out).not.toContain('not-the-secret-at-all');
    });
  });

  it('scrubs the secret from what the token endpoint says back', async () => {
    const echo = createHttpServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        const secret = new URLSearchParams(body).get('client_secret') ?? '';
        res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'invalid_client', error_description: `bad secret ${secret}` }));
      });
    });
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', () => resolve()));
    try {
      const { port } = echo.address() as AddressInfo;
      const run = await check(['--domain', `http://127.0.0.1:${port}`, '--client-id', 'full', '--format', 'json'], { AUTH0_CLIENT_SECRET: SECRETS.full });
      const result = checkResultSchema.parse(JSON.parse(run.out));
      expect(result.checks.credentials).toMatchObject({ status: 'fail', oauthError: 'invalid_client', detail: 'bad secret [REDACTED]' });
    } finally {
      await new Promise<void>((resolve) => echo.close(() => resolve()));
    }
  });

  it('explains a token refused for the audience: the client grant, or --audience', async () => {
    await withMock(tenant(), async (server) => {
      const { run, result } = await checkJson(server, 'full', ['--audience', 'https://other.eu.auth0.com/api/v2/']);
      expect(run.code).toBe(3);
      expect(result.checks.credentials.summary).toBe('the client is not authorized for the API https://other.eu.auth0.com/api/v2/ (403 access_denied)');
      expect(result.checks.credentials.fix).toContain('create a client grant for the Management API');
      expect(result.checks.credentials.fix).toContain('or fix --audience');
      expect(result.checks.credentials.detail).toContain('Service not enabled within domain');
    });
  });

  it('reports plan-gated kinds as "not on this plan" and still exits 0', async () => {
    await withMock(tenant({ bot_detection: 'insufficient_entitlement', log_streams: 'not_found', custom_domains: 'feature_not_enabled', hooks: 'not_implemented' }), async (server) => {
      const { run, result } = await checkJson(server, 'full');
      expect(run.code).toBe(0);
      expect(result.ready).toBe(true);
      expect(result.checks.endpoints.status).toBe('warn');
      const byKind = Object.fromEntries(result.checks.endpoints.probes.map((p) => [p.kind, p]));
      expect(byKind['bot_detection']).toMatchObject({ result: 'not_on_plan', httpStatus: 403, errorCode: 'insufficient_entitlement' });
      expect(byKind['log_streams']).toMatchObject({ result: 'not_on_plan', httpStatus: 404 });
      expect(byKind['custom_domains']).toMatchObject({ result: 'not_on_plan', errorCode: 'feature_not_enabled' });
      expect(byKind['hooks']).toMatchObject({ result: 'not_on_plan', httpStatus: 501 });
      expect(byKind['organizations']?.result).toBe('available');
      expect(result.advice.join('\n')).toContain('--allow-partial');
      const text = await check(['--domain', server.url, '--client-id', 'full'], { AUTH0_CLIENT_SECRET: SECRETS.full });
      expect(text.code).toBe(0);
      expect(text.out).toMatch(/bot_detection\s+│ \/attack-protection\/bot-detection\s+│ not on this plan \(403\s/);
      expect(text.out).toContain('the scan reports them as unavailable');
    });
  });

  it('fails when a needed plan-gated endpoint is broken (5xx after retries)', async () => {
    await withMock(tenant(), async (server) => {
      server.setFaults({ serverErrors: [{ status: 503, everyNth: 1, path: '/api/v2/log-streams' }] });
      const result = await runCheck({ domain: server.url, credentials: { kind: 'client', clientId: 'full', clientSecret: SECRETS.full }, rules: loadRuleSet({ extra: [] }).map((r) => r.file), retry: { baseDelayMs: 5 } });
      expect(result.ready).toBe(false);
      expect(result.checks.endpoints.status).toBe('fail');
      expect(result.checks.endpoints.probes.find((p) => p.kind === 'log_streams')).toMatchObject({ result: 'error', httpStatus: 503 });
      expect(result.fixes.join('\n')).toContain('log_streams');
      expect(server.stats().byPath['/api/v2/log-streams']).toBe(3);
    });
  });

  it('flags risky extra scopes of the scanner grant (write, secret-reading) but passes', async () => {
    await withMock(tenant(), async (server) => {
      const { run, result } = await checkJson(server, 'risky');
      expect(run.code).toBe(0);
      expect(result.checks.scopes.status).toBe('warn');
      expect(result.checks.scopes.risky.map((r) => r.scope)).toEqual(['read:client_keys', 'update:clients']);
      expect(result.checks.scopes.otherExtra).toEqual(['read:stats']);
      expect(result.advice.join('\n')).toContain('remove read:client_keys update:clients');
      const text = await check(['--domain', server.url, '--client-id', 'risky'], { AUTH0_CLIENT_SECRET: SECRETS.risky });
      expect(text.out).toContain('Granted scopes that are a risk for a read-only scanner');
      expect(text.out).toMatch(/update:clients\s+update access/);
    });
  });

  it('names "connection refused" for a closed port on 127.0.0.1, exit 3', async () => {
    const port = await closedPort();
    const { code, out } = await check(['--domain', `http://127.0.0.1:${port}`, '--client-id', 'full', '--format', 'json'], { AUTH0_CLIENT_SECRET: SECRETS.full });
    const result = checkResultSchema.parse(JSON.parse(out));
    expect(code).toBe(3);
    expect(result.checks.reachability).toMatchObject({ status: 'fail', errorCode: 'ECONNREFUSED' });
    expect(result.checks.reachability.summary).toContain('connection refused');
    expect(result.checks.credentials.status).toBe('skipped');
    expect(result.fixes[0]).toContain('check the host and port');
    const text = await check(['--domain', `http://127.0.0.1:${port}`, '--client-id', 'full'], { AUTH0_CLIENT_SECRET: SECRETS.full });
    expect(text.out).toMatch(/FAIL\s+reachable\s+connection refused by 127\.0\.0\.1:\d+/);
    // With a pre-issued token the API read is the first contact, and the failure is reported once.
    const viaToken = await check(['--domain', `http://127.0.0.1:${port}`, '--format', 'json'], { AUTH0_ACCESS_TOKEN: 'opaque-token-value-123' });
    const tokenResult = checkResultSchema.parse(JSON.parse(viaToken.out));
    expect(viaToken.code).toBe(3);
    expect(tokenResult.checks.reachability).toMatchObject({ status: 'fail', errorCode: 'ECONNREFUSED' });
    expect(tokenResult.checks.api.status).toBe('skipped');
    expect(tokenResult.fixes).toHaveLength(1);
  });

  it('names a TLS error for an untrusted certificate', async () => {
    const tls = await selfSignedServer();
    try {
      const result = await runCheck({ domain: `https://127.0.0.1:${tls.port}`, credentials: { kind: 'client', clientId: 'full', clientSecret: SECRETS.full }, rules: [] });
      expect(result.ready).toBe(false);
      expect(result.checks.reachability.status).toBe('fail');
      expect(result.checks.reachability.summary).toMatch(/^TLS error talking to 127\.0\.0\.1:\d+ \(/);
      expect(result.checks.reachability.fix).toContain('NODE_EXTRA_CA_CERTS');
    } finally {
      await tls.close();
    }
  });

  it('names a DNS failure (resolution faked: nothing leaves loopback)', async () => {
    const lookup: LookupFunction = (_host, _opts, cb) => cb(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }), '', 0);
    const result = await runCheck({ domain: 'acme-typo.eu.auth0.com', credentials: { kind: 'client', clientId: 'x', clientSecret: SECRETS.full }, rules: [], network: { env: {}, lookup } });
    expect(result.checks.reachability).toMatchObject({ status: 'fail', errorCode: 'ENOTFOUND' });
    expect(result.checks.reachability.summary).toBe('DNS lookup failed: acme-typo.eu.auth0.com does not resolve (ENOTFOUND)');
  });

  it('warns about clock skew past 60 s without failing', async () => {
    await withMock(tenant(), async (server) => {
      const rules = loadRuleSet({ extra: [] }).slice(0, 1).map((r) => r.file);
      const result = await runCheck({ domain: server.url, credentials: { kind: 'client', clientId: 'full', clientSecret: SECRETS.full }, rules, now: () => Date.now() + 5 * 60_000 });
      expect(result.checks.clock.status).toBe('warn');
      expect(result.checks.clock.skewSeconds).toBeGreaterThanOrEqual(299);
      expect(result.checks.clock.summary).toMatch(/30[01] s ahead of the server/);
      expect(result.ready).toBe(true);
    });
  });

  it('checks a pre-issued token: opaque means scopes unknown (a warning), and it is never printed', async () => {
    await withMock(tenant(), async (server) => {
      const res = await fetch(`${server.url}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'client_credentials', client_id: 'full', client_secret: SECRETS.full, audience: server.audience }),
      });
      const token = ((await res.json()) as { access_token: string }).access_token;
      const run = await check(['--domain', server.url, '--format', 'json', '--verbose'], { AUTH0_ACCESS_TOKEN: token });
      const result = checkResultSchema.parse(JSON.parse(run.out));
      expect(run.code).toBe(0);
      expect(result.checks.credentials.method).toBe('token');
      expect(result.checks.scopes).toMatchObject({ status: 'warn', known: false });
      expect(result.checks.scopes.needed.every((r) => r.granted === null)).toBe(true);
      expect(run.err).toContain('GET /tenants/settings');
      expect(`${run.out}${run.err}`).not.toContain(token);
    });
  });

  it('explains a JWT for another audience that the API rejects', async () => {
    await withMock(tenant(), async (server) => {
      const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const token = `${part({ alg: 'RS256' })}.${part({ aud: 'https://api.example.com/', scope: 'read:clients', exp: Math.floor(Date.now() / 1000) + 3600 })}.c2lnbmF0dXJl`;
      const run = await check(['--domain', server.url, '--token', token, '--format', 'json']);
      const result = checkResultSchema.parse(JSON.parse(run.out));
      expect(run.code).toBe(3);
      expect(result.checks.api).toMatchObject({ status: 'fail', httpStatus: 401 });
      expect(result.checks.api.summary).toBe(`the API rejected the token (401): it was issued for https://api.example.com/, not ${server.audience}`);
      expect(run.out).not.toContain(token);
    });
  });

  it('probes only what the selected rules need', async () => {
    await withMock(tenant({ bot_detection: 'insufficient_entitlement' }), async (server) => {
      const { run, result } = await checkJson(server, 'limited', ['--only', 'client-implicit-grant']);
      expect(run.code).toBe(0);
      expect(result.checks.scopes.needed.map((r) => r.scope)).toEqual(['read:clients']);
      expect(result.checks.endpoints.probes).toEqual([]);
      expect(server.stats().requests).toBe(2);
    });
  });

  it('runs against the bundled demo with --demo', async () => {
    const run = await check(['--demo']);
    expect(run.code).toBe(0);
    expect(run.out).toContain('auth0-scan check · northwind-demo.eu.auth0.com');
    expect(run.out).toContain('Ready: a full scan can run');
    const demo = loadMockTenant('examples/demo-tenant.json').m2m[0]?.client_secret ?? 'missing';
    expect(`${run.out}${run.err}`).not.toContain(demo);
    expect((await check(['--demo', '--domain', 'acme.eu.auth0.com'])).code).toBe(2);
  });
});

async function closedPort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** An HTTPS server on loopback with a self-signed certificate (made with the openssl CLI) that nothing trusts. */
async function selfSignedServer(): Promise<{ port: number; close: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'auth0-scan-check-tls-'));
  await promisify(execFile)('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '2', '-subj', '/CN=127.0.0.1']);
  const server: HttpsServer = createHttpsServer({ key: await readFile(join(dir, 'key.pem'), 'utf8'), cert: await readFile(join(dir, 'cert.pem'), 'utf8') }, (_req, res) => res.end('{}'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
