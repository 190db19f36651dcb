import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer, type MockTenant } from '../../src/mock/index.js';
import { REAL_SCANNER, REAL_TENANT_FILE, readRealTenantFile, realTenantAsMock, realTenantAvailable } from '../real-tenant-mock.js';
import { STACK_FRAME } from './expect-cli.js';
import { reportSchemaErrors } from './report-schemas.js';
import { describeRun, runCli, type CliResult } from './run-cli.js';
import { freshDirIn, makeTempDir, removeTempDir } from './temp-dir.js';

interface Coverage {
  status: string;
  count: number;
  gone?: string[];
  goneCount?: number;
  withheldFields?: string[];
}
interface JsonReport {
  summary: { rulesEvaluated: number; rulesSkipped: number; gate: { passed: boolean; incomplete?: true } };
  findings: { ruleId: string; resource: { type: string; id: string } }[];
  skipped: { ruleId: string; reason: string; missingScopes?: string[] }[];
  collection: { kinds: Record<string, Coverage> };
}

const available = realTenantAvailable();
if (!available) console.log(`real-tenant-replay: ${REAL_TENANT_FILE} is absent, so the replay of the recorded tenant is skipped.`);

type Obj = Record<string, unknown>;

describe.skipIf(!available)('the recorded real tenant, replayed through the mock and scanned by the CLI', { timeout: 90_000 }, () => {
  let tenant: MockTenant;
  let audience: string;
  let root: string;
  const servers: MockServer[] = [];

  beforeAll(() => {
    tenant = realTenantAsMock();
    audience = `https://${readRealTenantFile().meta.tenantHost}/api/v2/`;
    root = makeTempDir('real-replay');
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    removeTempDir(root);
  });

  async function scan(t: MockTenant, extra: readonly string[] = [], secret = REAL_SCANNER.client_secret): Promise<{ r: CliResult; doc: JsonReport }> {
    const server = await startMockServer({ tenant: t });
    servers.push(server);
    const r = await runCli(['scan', '--domain', server.url, '--audience', audience, '--format', 'json', '--no-progress', ...extra], {
      cwd: freshDirIn(root),
      env: { AUTH0_CLIENT_SECRET: secret },
    });
    expect(r.stderr, describeRun(r)).not.toContain(STACK_FRAME);
    const doc = JSON.parse(r.stdout) as JsonReport;
    expect(reportSchemaErrors(doc)).toEqual([]);
    return { r, doc };
  }

  const list = (kind: keyof MockTenant): Obj[] => (tenant[kind] ?? []) as Obj[];
  /** The plain full-scope scan, shared by the tests that only read its report. */
  let full: Promise<{ r: CliResult; doc: JsonReport }> | undefined;
  const fullScan = () => (full ??= scan(tenant, ['--client-id', REAL_SCANNER.client_id]));

  it('reads every kind in full and evaluates every rule: no kind lost to one odd resource', async () => {
    const { r, doc } = await fullScan();
    expect(r.code, describeRun(r)).toBe(1);
    expect(doc.skipped).toEqual([]);
    for (const [kind, c] of Object.entries(doc.collection.kinds)) expect(c.status, kind).toBe('ok');
    // The grant without client_id (a default for third-party clients) is read like the others.
    expect(list('client_grants').some((g) => g['client_id'] === undefined)).toBe(true);
    expect(doc.collection.kinds['client_grants']?.count).toBe(list('client_grants').length);
    expect(doc.collection.kinds['connections']?.count).toBe(list('connections').length);
    expect(r.stderr).not.toMatch(/data is missing/);
  });

  it('raises no finding on the global client (flagged or not) nor on Auth0-managed grants', async () => {
    const { doc } = await fullScan();
    const global = new Set(list('clients').filter((c) => c['global'] === true || (c['name'] === 'All Applications' && c['app_type'] == null)).map((c) => c['client_id']));
    const system = new Set(list('client_grants').filter((g) => g['is_system'] === true).map((g) => g['id']));
    expect(global.size).toBeGreaterThan(1);
    expect(system.size).toBeGreaterThan(0);
    expect(doc.findings.filter((f) => global.has(f.resource.id))).toEqual([]);
    expect(doc.findings.filter((f) => system.has(f.resource.id))).toEqual([]);
    expect(doc.collection.kinds['clients']?.count).toBe(list('clients').length - global.size);
  });

  it('flags the machine-to-machine apps holding Management API scopes by the hundred', async () => {
    const { doc } = await fullScan();
    const mgmt = list('resource_servers').find((s) => s['is_system'] === true && String(s['identifier']).endsWith('/api/v2/'))?.['identifier'];
    const heavy = list('client_grants')
      .filter((g) => g['audience'] === mgmt && g['is_system'] !== true && Array.isArray(g['scope']) && g['scope'].includes('delete:users'))
      .map((g) => g['id']);
    expect(heavy.length).toBeGreaterThan(0);
    const flagged = doc.findings.filter((f) => f.ruleId === 'grant-mgmt-api-sensitive-scopes').map((f) => f.resource.id);
    expect(flagged).toEqual(expect.arrayContaining(heavy));
  });

  it('keeps each kind when resources are deleted while it is read: the gone ones are counted, the rest judged', async () => {
    const pick = (kind: 'connections' | 'roles' | 'organizations', n: number) => list(kind).slice(0, n).map((x) => String(x['id']));
    const deleted = { connections: pick('connections', 2), roles: pick('roles', 1), organizations: pick('organizations', 1) };
    const { r, doc } = await scan({ ...tenant, deleted_while_reading: deleted }, ['--client-id', REAL_SCANNER.client_id]);
    expect(r.code, describeRun(r)).toBe(1);
    expect(doc.skipped).toEqual([]);
    for (const kind of ['connections', 'roles', 'organizations'] as const) {
      const c = doc.collection.kinds[kind];
      expect(c?.status, kind).toBe('ok');
      expect(c?.gone, kind).toEqual([...deleted[kind]].sort());
      expect(c?.count, kind).toBe(list(kind).length - deleted[kind].length);
    }
    const gone = new Set(Object.values(deleted).flat());
    expect(doc.findings.filter((f) => gone.has(f.resource.id))).toEqual([]);
    expect(r.stderr).toMatch(/connections: 2 deleted while being read/);
  });

  it('without read:connections_options skips only the rules reading options, and says which scope to grant', async () => {
    const limited = { client_id: 'real-no-options', client_secret: 'REAL-NO-OPTIONS-71c3', scopes: (tenant.m2m[0]?.scopes ?? []).filter((s) => s !== 'read:connections_options') };
    const { r, doc } = await scan({ ...tenant, m2m: [...tenant.m2m, limited] }, ['--client-id', limited.client_id], limited.client_secret);
    expect(r.code, describeRun(r)).toBe(3);
    expect(doc.collection.kinds['connections']).toMatchObject({ status: 'ok', withheldFields: ['options'] });
    expect(doc.skipped.length).toBeGreaterThan(0);
    expect(doc.skipped.map((s) => s.ruleId)).not.toContain('connection-unused');
    for (const s of doc.skipped) expect(s.missingScopes, s.ruleId).toEqual(['read:connections_options']);
    expect(doc.summary.gate).toMatchObject({ passed: false, incomplete: true });
    const last = r.stderr.trimEnd().split('\n').at(-1) ?? '';
    expect(last).toMatch(/need[s]? read:connections_options: grant them to the scanner's application/);
  });

  it('`check` tells the complete setup from a fixable one in a few dozen requests', async () => {
    const limited = { client_id: 'real-no-users', client_secret: 'REAL-NO-USERS-9a2b', scopes: (tenant.m2m[0]?.scopes ?? []).filter((s) => s !== 'read:users') };
    const server = await startMockServer({ tenant: { ...tenant, m2m: [...tenant.m2m, limited] } });
    servers.push(server);
    const check = (id: string, secret: string) =>
      runCli(['check', '--domain', server.url, '--audience', audience, '--client-id', id, '--format', 'json'], { cwd: freshDirIn(root), env: { AUTH0_CLIENT_SECRET: secret } });
    const before = server.stats().requests;
    const full = await check(REAL_SCANNER.client_id, REAL_SCANNER.client_secret);
    expect(full.code, describeRun(full)).toBe(0);
    expect(server.stats().requests - before).toBeLessThan(40);
    const fixable = await check(limited.client_id, limited.client_secret);
    expect(fixable.code, describeRun(fixable)).toBe(3);
    expect(fixable.stdout).toContain('read:users');
  });
});
