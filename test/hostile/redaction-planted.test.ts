import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { startMockServer, type MockServer, type MockTenant } from '../../src/mock/index.js';
import type { AllowList } from '../../src/redact/allow-list.js';
import { allowListForRules } from '../../src/redact/allow-list-for-rules.js';
import { builtinAllowList } from '../../src/redact/builtin-allow-list.js';
import { loadRuleFile } from '../../src/rules/load-rule-file.js';
import { loadDemoTenant, demoScanner } from '../e2e/demo-mock.js';
import { fakeTerminal } from '../fake-terminal.js';
import { realTenantAsMock, realTenantAvailable, REAL_SCANNER, REAL_TENANT_FILE } from '../real-tenant-mock.js';
import { leaksIn, outputsIn, plantTenant, withSecretCatalogue, type Planted } from './redaction-plant.js';

const root = mkdtempSync(join(tmpdir(), 'auth0-scan-planted-'));
const servers: (MockServer | Server)[] = [];
afterAll(async () => {
  for (const s of servers) await ('url' in s ? s.close() : new Promise<void>((r) => s.close(() => r())));
  if (!process.env["KEEP_PLANTED"]) rmSync(root, { recursive: true, force: true });
  else console.log(root);
});

interface Run {
  code: number;
  out: string;
  err: string;
}

async function cli(cwd: string, args: string[]): Promise<Run> {
  const term = fakeTerminal(cwd);
  const code = await main(['node', 'auth0-scan', ...args], term);
  return { code, out: term.out, err: term.err };
}

/**
 * A loopback proxy in front of the mock that defeats `fields`, as a server that ignores it does: users come back with their metadata and IdP tokens, the email provider with its credentials.
 */
async function ignoringFields(target: MockServer): Promise<string> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', target.url);
    if (url.searchParams.has('fields')) {
      // Excluding a field nothing has: the mock then serves every field, as a server ignoring `fields` would.
      url.searchParams.set('fields', 'no_such_field');
      url.searchParams.set('include_fields', 'false');
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (const h of ['authorization', 'content-type', 'accept']) if (typeof req.headers[h] === 'string') headers[h] = req.headers[h];
      const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
      fetch(url, { method: req.method, headers, body })
        .then(async (r) => {
          const out: Record<string, string> = {};
          r.headers.forEach((v, k) => {
            if (k !== 'content-length' && k !== 'content-encoding' && k !== 'transfer-encoding' && k !== 'connection') out[k] = v;
          });
          res.writeHead(r.status, out);
          res.end(Buffer.from(await r.arrayBuffer()));
        })
        .catch(() => res.destroy());
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function serve(tenant: MockTenant): Promise<MockServer> {
  const s = await startMockServer({ tenant, rateLimit: false });
  servers.push(s);
  return s;
}

/** What the API serves for a few endpoints, unfiltered: the planted catalogue really is on the wire. */
async function onTheWire(url: string, scanner: { client_id: string; client_secret: string }, audience: string): Promise<string> {
  const token = await fetch(`${url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: scanner.client_id, client_secret: scanner.client_secret, audience }),
  }).then(async (r) => ((await r.json()) as { access_token: string }).access_token);
  const texts = await Promise.all(
    ['/clients', '/connections', '/log-streams', '/emails/provider?fields=name&include_fields=true', '/users?fields=user_id&include_fields=true', '/guardian/factors', '/actions/actions', '/rules', '/hooks'].map((p) =>
      fetch(`${url}/api/v2${p}`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.text()),
    ),
  );
  return texts.join('\n');
}

const everyFormat = (dir: string, name: string): string[] => [
  '--json-output', join(dir, `${name}.json`),
  '--sarif-output', join(dir, `${name}.sarif`),
  '--markdown-output', join(dir, `${name}.md`),
  '--junit-output', join(dir, `${name}.xml`),
  '--csv-output', join(dir, `${name}.csv`),
  '--fail-on', 'never', '--allow-partial',
];

interface Scenario {
  label: string;
  base: MockTenant;
  scanner: { client_id: string; client_secret: string };
  audience: string;
}

const demo = loadDemoTenant();
const scenarios: Scenario[] = [{ label: 'demo', base: demo, scanner: demoScanner(demo), audience: `https://${demo.domain}/api/v2/` }];
if (realTenantAvailable()) {
  const real = realTenantAsMock();
  scenarios.push({ label: 'real', base: real, scanner: REAL_SCANNER, audience: `https://${real.domain}/api/v2/` });
} else {
  console.log(`redaction-planted: ${REAL_TENANT_FILE} is absent, so only the demo tenant is planted.`);
}

describe.each(scenarios)('a secret planted in every string field of every kind ($label tenant)', { timeout: 180_000 }, (sc) => {
  const allow = builtinAllowList();
  const catalogue = withSecretCatalogue(sc.base);
  // A: every string planted, ids too, served by a server that ignores `fields`.
  const a = plantTenant(catalogue, { start: 0 });
  // B: values the rules read kept, so rules fire and evidence and messages carry data.
  const b = plantTenant(catalogue, { start: 300_000, keepRead: allow, keepIds: true });
  // C: like A but with B's ids, so B → C is a field-by-field diff of two snapshots.
  const c = plantTenant(catalogue, { start: 600_000, keepIds: true });
  const planted: Planted[] = [...a.planted, ...b.planted, ...c.planted];
  const dir = join(root, sc.label);
  const runs: Record<string, string> = {};
  let urls: { a: string; b: string; c: string };

  const conn = (url: string): string[] => ['--domain', url, '--audience', sc.audience, '--client-id', sc.scanner.client_id, '--client-secret', sc.scanner.client_secret];
  const record = (name: string, r: Run): Run => {
    runs[`${name}.stdout`] = r.out;
    runs[`${name}.stderr`] = r.err;
    return r;
  };

  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    const [sa, sb, scc] = await Promise.all([serve(a.tenant), serve(b.tenant), serve(c.tenant)]);
    urls = { a: await ignoringFields(sa), b: sb.url, c: scc.url };
  });

  it('plants the catalogue where the API really serves it, also past an ignored `fields`', async () => {
    const wire = await onTheWire(urls.a, sc.scanner, sc.audience);
    const served = a.planted.filter((p) => p.catalogue && wire.includes(p.marker));
    for (const kind of ['clients', 'connections', 'log_streams', 'email_provider', 'users', 'guardian_factors', 'actions', 'rules', 'hooks']) {
      expect(served.some((p) => p.kind === kind), kind).toBe(true);
    }
    expect(a.planted.length).toBeGreaterThan(500);
  });

  it('collect (.ndjson and .ndjson.gz, --verbose), scan of the snapshot and live to every format, diff of two snapshots: nothing leaks', async () => {
    const s = (n: string): string => join(dir, n);
    for (const [name, args] of [
      ['collect-a', ['collect', '--all-kinds', '--verbose', '-o', s('a.ndjson'), ...conn(urls.a)]],
      ['collect-a-gz', ['collect', '--all-kinds', '-o', s('a.ndjson.gz'), ...conn(urls.a)]],
      ['collect-b', ['collect', '--all-kinds', '-o', s('b.ndjson.gz'), ...conn(urls.b)]],
      ['collect-c', ['collect', '--all-kinds', '-o', s('c.ndjson'), ...conn(urls.c)]],
    ] as const) {
      const r = record(name, await cli(dir, [...args, '--allow-partial']));
      expect(r.code, `${name}: ${r.err}`).toBe(0);
    }
    for (const [name, args] of [
      ['scan-a-snapshot', ['scan', '--snapshot', s('a.ndjson.gz'), '--verbose', ...everyFormat(dir, 'scan-a')]],
      ['scan-b-snapshot', ['scan', '--snapshot', s('b.ndjson.gz'), '--format', 'table', ...everyFormat(dir, 'scan-b')]],
      ['scan-a-live', ['scan', ...conn(urls.a), '--verbose', '--format', 'json', ...everyFormat(dir, 'live-a')]],
      ['scan-b-live', ['scan', ...conn(urls.b), '--verbose', '--format', 'markdown', ...everyFormat(dir, 'live-b')]],
      ['scan-b-csv', ['scan', '--snapshot', s('b.ndjson.gz'), '--format', 'csv', '--fail-on', 'never']],
      ['scan-b-junit', ['scan', '--snapshot', s('b.ndjson.gz'), '--format', 'junit', '--fail-on', 'never']],
      ['scan-b-sarif', ['scan', '--snapshot', s('b.ndjson.gz'), '--format', 'sarif', '--fail-on', 'never']],
      ['diff-bc', ['diff', s('b.ndjson.gz'), s('c.ndjson')]],
      ['diff-cb-md', ['diff', s('c.ndjson'), s('b.ndjson.gz'), '--format', 'markdown']],
      ['diff-bc-json', ['diff', s('b.ndjson.gz'), s('c.ndjson'), '--format', 'json']],
      ['diff-ab', ['diff', s('a.ndjson'), s('b.ndjson.gz')]],
    ] as const) {
      const r = record(name, await cli(dir, [...args]));
      expect(r.code, `${name}: ${r.err}`).not.toBe(2);
      expect(r.err, name).not.toMatch(/internal error/);
    }
    const texts = outputsIn(dir, runs);
    expect(leaksIn(texts, planted, allow)).toEqual([]);
    expect([...texts.values()].some((t) => t.includes('DEMO-SECRET-') || t.includes(sc.scanner.client_secret))).toBe(false);

    // The checks mean something: B's rules fired with evidence, the diff printed changed values, the snapshot
    // kept plain values (names) and masked code, and the header says what it kept.
    const report = JSON.parse(texts.get('scan-b.json') ?? '{}') as { findings: { evidence: object }[] };
    expect(report.findings.filter((f) => Object.keys(f.evidence).length > 0).length).toBeGreaterThan(20);
    expect(texts.get('diff-bc.stdout')).toMatch(/→/);
    const snap = texts.get('a.ndjson') ?? '';
    expect(snap).toMatch(/"name":"PLANTED-\d{6}-clients-name"/);
    expect(snap).toContain('REDACTED-HARDCODED-SECRET');
    expect(JSON.parse(snap.split('\n')[0] ?? '{}')).toMatchObject({ redaction: { policy: 'allow-list', paths: { clients: expect.arrayContaining(['client_id', 'addons.samlp?']) } } });
  });
});

describe('custom rules read other paths (--rules DIR)', { timeout: 120_000 }, () => {
  const rulesDir = join(root, 'custom-rules');
  const rule = (id: string, resource: string, scope: string, assert: object, message = 'custom {{$name}}'): string =>
    JSON.stringify({ id, version: 1, title: id, severity: 'low', category: 'custom', description: 'd', rationale: 'r', remediation: 'x', resource, scope, assert, message });
  const files: Record<string, string> = {
    'stream-endpoint.json': rule('custom-stream-endpoint', 'log_streams', 'each', { path: 'sink.httpEndpoint', matches: '^ftp:' }, 'Stream {{$name}} sends to {{sink.httpEndpoint}}.'),
    'wams-key.json': rule('custom-wams-key', 'clients', 'each', { path: 'addons.wams.masterkey', absent: true }),
    'db-config.json': rule('custom-db-config', 'connections', 'each', { path: 'options.configuration.API_KEY', matches: '^never$' }, 'Connection {{$name}} key {{options.configuration.API_KEY}}.'),
    'smtp-pass.json': rule('custom-smtp-pass', 'email_provider', 'each', { path: 'credentials', empty: true }, 'Provider credentials {{credentials}}.'),
    'legacy-script.json': rule('custom-legacy-script', 'rules', 'each', { path: 'script', absent: true }, 'Rule {{$name}}: {{script}}'),
    'user-plan.json': rule('custom-user-plan', 'users', 'summary', { path: 'app_metadata.plan', not_matches: '^PLANTED-' }, '{{$count}} users'),
    'guardian.json': rule('custom-guardian', 'guardian_factors', 'collection', { path: 'items', none: { path: 'aws_secret_access_key', exists: true } }, 'factors {{items.aws_secret_access_key}}'),
  };
  const tenant = withSecretCatalogue(loadDemoTenant());
  const scanner = demoScanner(tenant);
  const { tenant: planted, planted: markers } = plantTenant(tenant, { start: 900_000, keepIds: true, keepRead: builtinAllowList() });
  let allow: AllowList;
  let url: string;
  const dir = join(root, 'custom');

  beforeAll(async () => {
    mkdirSync(rulesDir, { recursive: true });
    mkdirSync(dir, { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(rulesDir, name), text);
    allow = allowListForRules(Object.keys(files).map((f) => loadRuleFile(join(rulesDir, f), false).file));
    url = await ignoringFields(await serve(planted));
  });

  it('the run keeps what they read, their rules judge it, and secrets at those paths stay [REDACTED] in every output', async () => {
    const conn = ['--domain', url, '--audience', `https://${tenant.domain}/api/v2/`, '--client-id', scanner.client_id, '--client-secret', scanner.client_secret, '--rules', rulesDir];
    const collected = await cli(dir, ['collect', '--all-kinds', '-o', join(dir, 'd.ndjson.gz'), ...conn, '--allow-partial']);
    expect(collected.code, collected.err).toBe(0);
    const live = await cli(dir, ['scan', ...conn, '--verbose', '--format', 'table', ...everyFormat(dir, 'live-d')]);
    expect(live.code, live.err).toBe(0);
    const fromFile = await cli(dir, ['scan', '--snapshot', join(dir, 'd.ndjson.gz'), '--rules', rulesDir, ...everyFormat(dir, 'file-d')]);
    const texts = outputsIn(dir, { 'collect.stderr': collected.err, 'live.stdout': live.out, 'live.stderr': live.err, 'file.stdout': fromFile.out, 'file.stderr': fromFile.err });
    expect(leaksIn(texts, markers, allow)).toEqual([]);

    const report = JSON.parse(texts.get('live-d.json') ?? '{}') as { findings: { ruleId: string; message: string; evidence: Record<string, unknown> }[] };
    const fired = new Set(report.findings.map((f) => f.ruleId));
    // Each rule fired on what the snapshot kept: the endpoint's host (never its credentials), the presence of
    // the masterkey, the plan, the factor's key, and the script (masked: its literal token is gone).
    for (const id of ['custom-stream-endpoint', 'custom-wams-key', 'custom-user-plan', 'custom-guardian', 'custom-db-config']) expect(fired, id).toContain(id);
    const stream = report.findings.find((f) => f.ruleId === 'custom-stream-endpoint');
    expect(stream?.message).toContain('https://[REDACTED]@siem.northwind.example/ingest?token=[REDACTED]&api_key=[REDACTED]&x=1');
    expect(report.findings.filter((f) => f.ruleId === 'custom-db-config').map((f) => f.message)).toContainEqual(expect.stringContaining('key [REDACTED].'));
    const snapshot = texts.get('d.ndjson.gz') ?? '';
    expect(snapshot).toContain('"masterkey":"[REDACTED]"');
    expect(snapshot).toMatch(/"app_metadata":\{"plan":"PLANTED-\d{6}-users-app_metadata\.plan"\}/);
    expect(JSON.parse(snapshot.split('\n')[0] ?? '{}').redaction.paths.log_streams).toContain('sink.httpEndpoint');

    // Read again with the same rules, the file serves them: the same custom rules fire, and nothing leaks (above).
    const fileReport = JSON.parse(readFileSync(join(dir, 'file-d.json'), 'utf8')) as { findings: { ruleId: string }[]; skipped: { ruleId: string }[] };
    expect(fileReport.skipped.map((s) => s.ruleId).filter((id) => id.startsWith('custom-'))).toEqual([]);
    expect([...new Set(fileReport.findings.map((f) => f.ruleId).filter((id) => id.startsWith('custom-')))].sort()).toEqual([...fired].filter((id) => id.startsWith('custom-')).sort());
  });
});
