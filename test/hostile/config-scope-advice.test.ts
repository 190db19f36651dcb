import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { classifyFailure } from '../../src/collect/classify-failure.js';
import { ApiError } from '../../src/http/api-error.js';
import { fakeTerminal } from '../fake-terminal.js';

// The scanner is read-only: no advice it prints may name a write scope or a secret-reading one, whoever wrote the
// text the advice is built from (an API's 403 message, a snapshot's coverage).
const UNSAFE = /\b(?:create|update|delete):[a-z_]+|read:client_keys/;
const HOSTILE_403 = 'Insufficient scope, expected any of: create:organizations,delete:clients,read:client_keys,update:tenant_settings. Grant delete:clients to fix.';

let server: Server;
let url: string;
const dirs: string[] = [];

beforeAll(async () => {
  // A tenant that issues a token for one scope and answers every other read with the hostile 403.
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.method === 'POST' && req.url === '/oauth/token') return send(200, { access_token: 'opaque-test-token', token_type: 'Bearer', expires_in: 86400, scope: 'read:tenant_settings' });
      if (req.url?.startsWith('/api/v2/tenants/settings')) return send(200, { friendly_name: 'x' });
      send(403, { statusCode: 403, error: 'Forbidden', message: HOSTILE_403, errorCode: 'insufficient_scope' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function run(args: readonly string[] | ((dir: string) => readonly string[]), files: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'auth0-scan-advice-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const term = fakeTerminal(dir, { AUTH0_CLIENT_ID: 'scanner', AUTH0_CLIENT_SECRET: 'advice-test-secret' });
  const code = await main(['node', 'auth0-scan', ...(typeof args === 'function' ? args(dir) : args)], term);
  return { code, out: term.out, err: term.err };
}

describe('a hostile 403 message never becomes advice to grant write or key scopes', () => {
  it('the missing-scope detail does not repeat the message', () => {
    const err = new ApiError({ status: 403, request: 'GET /organizations', errorCode: 'insufficient_scope', apiMessage: HOSTILE_403 });
    const c = classifyFailure('organizations', err, ['read:tenant_settings']);
    expect(c.status).toBe('forbidden');
    expect(c.missingScopes).toEqual(['read:organizations', 'read:organization_members', 'read:organization_member_roles', 'read:organization_connections']);
    expect(JSON.stringify(c)).not.toMatch(UNSAFE);
  });

  it('scan: the report, the skipped reasons and the advice on stderr name only the read scopes the rule needs', async () => {
    const r = await run(['scan', '--domain', url, '--only', 'org-no-members', '--format', 'json', '--no-progress']);
    expect(r.code, r.err).toBe(3);
    const report = JSON.parse(r.out) as { skipped: { ruleId: string; reason: string; missingScopes?: string[] }[] };
    expect(report.skipped.map((s) => s.missingScopes)).toEqual([['read:organization_connections', 'read:organization_member_roles', 'read:organization_members', 'read:organizations']]);
    expect(r.out).not.toMatch(UNSAFE);
    expect(r.err).toContain('grant them');
    expect(r.err).not.toMatch(UNSAFE);
  });

  it('check: the plan probe and every fix name only the read scopes the rules need', async () => {
    const r = await run(['check', '--domain', url, '--only', 'org-no-members', '--format', 'json']);
    expect(r.code, r.err).toBe(3);
    const result = JSON.parse(r.out) as { fixes: string[]; checks: { endpoints: { probes: { missingScopes?: string[] }[] } } };
    expect(result.checks.endpoints.probes.map((p) => p.missingScopes)).toEqual([['read:organizations', 'read:organization_members', 'read:organization_member_roles', 'read:organization_connections']]);
    expect(result.fixes.join('\n')).toContain('read:organizations');
    expect(r.out + r.err).not.toMatch(UNSAFE);
    const text = await run(['check', '--domain', url, '--only', 'org-no-members']);
    expect(text.out + text.err).not.toMatch(UNSAFE);
  });
});

describe("a snapshot's coverage never becomes advice to grant write or key scopes", () => {
  const header = { format: 'auth0-scan-snapshot', version: 1, tool: { name: 'auth0-scan', version: '0.0.0' }, tenant: { domain: 'acme.eu.auth0.com' }, collectedAt: '2026-01-01T00:00:00Z' };
  const end = { end: true, coverage: { clients: { status: 'forbidden', count: 0, missingScopes: ['delete:clients', 'read:client_keys', 'read:clients', 'update:tenant_settings'] } } };
  const snapshot = `${JSON.stringify(header)}\n${JSON.stringify(end)}\n`;

  it('skipped rules carry only the kind\'s read scopes, and the advice says to grant only those', async () => {
    const r = await run((dir) => ['scan', '--snapshot', join(dir, 'snap.ndjson'), '--only', 'client-*', '--skip', 'client-credential-*', '--format', 'json'], { 'snap.ndjson': snapshot });
    expect(r.code, r.err).toBe(3);
    const report = JSON.parse(r.out) as { skipped: { reason: string; missingScopes?: string[] }[] };
    expect(report.skipped.length).toBeGreaterThan(0);
    for (const s of report.skipped) {
      expect(s.missingScopes).toEqual(['read:clients']);
      expect(s.reason).not.toMatch(UNSAFE);
    }
    expect(r.err).toContain('read:clients: grant them');
    expect(r.err).not.toMatch(UNSAFE);
  });
});
