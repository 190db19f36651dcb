import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { scanSnapshotFile } from '../../src/core/scan-snapshot-file.js';
import { InputError } from '../../src/errors.js';
import { SnapshotWriter } from '../../src/snapshot/snapshot-writer.js';
import { redactResource, REDACTED } from '../../src/snapshot/redact.js';
import { client, ruleFile, user } from '../builders.js';

const dir = mkdtempSync(join(tmpdir(), 'auth0-scan-snap-'));
const header = { format: 'auth0-scan-snapshot', version: 1, tool: { name: 'auth0-scan', version: 't' }, tenant: { domain: 'acme.auth0.com' }, collectedAt: '2026-01-01T00:00:00Z', source: 'live' } as const;
const dormant = ruleFile({ id: 'dormant', resource: 'users', assert: { path: 'last_login', newer_than: 'P90D' }, message: '{{$count}}' });
const implicit = ruleFile({ id: 'implicit', assert: { path: 'grant_types', not_contains: 'implicit' } });

async function write(name: string, users: number): Promise<string> {
  const path = join(dir, name);
  const w = new SnapshotWriter(path);
  await w.begin(header);
  await w.resource('clients', client({ client_id: 'a', grant_types: ['implicit'], client_secret: 'SUPER-SECRET-VALUE' }));
  for (let i = 0; i < users; i++) await w.resource('users', user({ user_id: `auth0|${i}`, last_login: i % 3 === 0 ? '2020-01-01T00:00:00Z' : '2025-12-01T00:00:00Z' }));
  await w.end({ clients: { status: 'ok', count: 1 }, users: { status: 'ok', count: users } });
  return path;
}

describe('snapshot files', () => {
  it('round-trips through NDJSON and gzip with identical findings, streaming users', async () => {
    const plain = await scanSnapshotFile(await write('s.ndjson', 3000), [{ file: dormant }, { file: implicit }]);
    const gz = await scanSnapshotFile(await write('s.ndjson.gz', 3000), [{ file: dormant }, { file: implicit }]);
    expect(plain.evaluation.findings.map((f) => [f.ruleId, f.count ?? 1])).toEqual([['dormant', 1000], ['implicit', 1]]);
    expect(gz.evaluation).toEqual(plain.evaluation);
    expect(gz.counts).toEqual({ clients: 1, users: 3000 });
    expect(gunzipSync(readFileSync(join(dir, 's.ndjson.gz'))).toString().split('\n')[0]).toContain('"auth0-scan-snapshot"');
  });

  it('never stores a secret, and leaves no temporary file behind', async () => {
    const path = await write('secret.ndjson', 1);
    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain('SUPER-SECRET-VALUE');
    // No rule reads client_secret, so the allow-list does not keep it at all (test/hostile/redaction-*).
    expect(text).not.toContain('client_secret');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  async function readError(name: string, content: string): Promise<InputError> {
    const path = join(dir, name);
    writeFileSync(path, content);
    try {
      await scanSnapshotFile(path, [{ file: implicit }]);
    } catch (err) {
      if (err instanceof InputError) return err;
      throw err;
    }
    throw new Error('expected an error');
  }
  const head = JSON.stringify(header);
  const end = JSON.stringify({ end: true, coverage: { clients: { status: 'ok', count: 1 } } });

  it('rejects a truncated snapshot', async () => {
    const e = await readError('trunc.ndjson', `${head}\n${JSON.stringify({ kind: 'clients', data: client() })}\n`);
    expect(e.code).toBe('SNAPSHOT');
    expect(e.message).toMatch(/ends before its end record/);
  });
  it('rejects the wrong version with the line', async () => {
    const e = await readError('ver.ndjson', `${JSON.stringify({ ...header, version: 9 })}\n${end}\n`);
    expect(e.where).toMatch(/ver\.ndjson:1$/);
    expect(e.message).toMatch(/^header: version: unsupported snapshot version/);
  });
  it('judges a resource of unexpected type "not judged" and keeps one without its id out, never failing the file', async () => {
    const path = join(dir, 'types.ndjson');
    const odd = { kind: 'clients', data: { client_id: 'odd', grant_types: 42 } };
    const good = { kind: 'clients', data: client({ client_id: 'good', grant_types: ['implicit'] }) };
    const noId = { kind: 'clients', data: { name: 'x', grant_types: ['implicit'] } };
    const endRecord = JSON.stringify({ end: true, coverage: { clients: { status: 'ok', count: 3 } } });
    writeFileSync(path, [head, ...[odd, good, noId].map((r) => JSON.stringify(r)), endRecord, ''].join('\n'));
    const scan = await scanSnapshotFile(path, [{ file: implicit }]);
    expect(scan.coverage.clients).toMatchObject({ status: 'partial', count: 2, notUnderstoodCount: 1, notUnderstood: [{ id: '#3 "x"', field: 'client_id', problem: 'absent' }] });
    expect(scan.evaluation.findings.flatMap((f) => [f.resource.id])).toEqual(['good']);
    expect(scan.evaluation.notJudged).toEqual([{ ruleId: 'implicit', count: 1, resources: [expect.objectContaining({ id: 'odd', reason: expect.stringContaining('grant_types') })] }]);
  });
  it('rejects an unknown kind, invalid JSON, and files that are not snapshots', async () => {
    expect((await readError('kind.ndjson', `${head}\n${JSON.stringify({ kind: 'widgets', data: {} })}\n${end}\n`)).message).toMatch(/^record: kind/);
    expect((await readError('json.ndjson', `${head}\n{"kind":\n${end}\n`)).message).toBe('invalid JSON');
    expect((await readError('report.json', '{\n  "schemaVersion": "1.0"\n}\n')).message).toMatch(/not an auth0-scan snapshot/);
    expect((await readError('empty.ndjson', '')).message).toMatch(/empty/);
  });
  it('rejects users before other kinds', async () => {
    const e = await readError('order.ndjson', `${head}\n${JSON.stringify({ kind: 'users', data: user() })}\n${JSON.stringify({ kind: 'clients', data: client() })}\n${end}\n`);
    expect(e.message).toMatch(/must come before users/);
  });
});

describe('redaction', () => {
  it('keeps only allow-listed paths, and at them replaces secrets by [REDACTED]', () => {
    const c = redactResource('clients', { client_id: 'a', client_secret: 's1', signing_keys: [{ cert: 'x' }], refresh_token: { rotation_type: 'rotating' } });
    expect(c).toEqual({ client_id: 'a', refresh_token: { rotation_type: 'rotating' } });
    expect(redactResource('resource_servers', { id: 'r', signing_secret: 's2' })).toEqual({ id: 'r' });
    const conn = redactResource('connections', { id: 'c', options: { client_id: 'pub', client_secret: 's3', app_secret: 's4', customScripts: { change_password: 'function(){}' } } });
    expect(conn['options']).toEqual({ client_id: REDACTED, customScripts: { change_password: 'function(){}' } });
    const ls = redactResource('log_streams', { id: 'l', status: 'active', sink: { httpEndpoint: 'https://x', httpAuthorization: 's5', datadogApiKey: 's6', sumoSourceAddress: 'https://s7' } });
    // log-stream-http-insecure reads the endpoint and whether an Authorization header is set: the value is gone.
    expect(ls).toEqual({ id: 'l', status: 'active', sink: { httpEndpoint: 'https://x', httpAuthorization: REDACTED } });
    const u = redactResource('users', { user_id: 'u', identities: [{ provider: 'google-oauth2', access_token: 's8', refresh_token: 's9' }] });
    expect(u).toEqual({ user_id: 'u', identities: [{ provider: 'google-oauth2' }] });
  });
});

describe('hard-coded secrets in code', () => {
  it('are masked with a marker that the secret-in-code pattern still matches', async () => {
    const { sharedPatterns } = await import('../../src/rules/shared-patterns.js');
    const { RE2JS } = await import('re2js');
    const action = redactResource('actions', { id: 'a', name: 'x', code: 'const apiKey = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";\nreturn event.secrets.OK;' });
    expect(action['code']).not.toContain('sk_test_4eC39HqLyjWDarjtT1zdp7dc');
    expect(action['code']).toContain('return event.secrets.OK;');
    expect(RE2JS.compile(sharedPatterns()['hardcodedSecret'] ?? '').test(String(action['code']))).toBe(true);
    const conn = redactResource('connections', { id: 'c', options: { customScripts: { login: 'const password = "hunter2hunter2";' } } });
    expect(JSON.stringify(conn)).not.toContain('hunter2hunter2');
  });

  it("are masked in an action's deployed_version copy of the code too", () => {
    const code = 'const apiKey = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";';
    const action = redactResource('actions', { id: 'a', code, deployed_version: { id: 'v1', code, deployed: true } });
    expect(JSON.stringify(action)).not.toContain('sk_test_4eC39HqLyjWDarjtT1zdp7dc');
    expect(action['deployed_version']).toMatchObject({ deployed: true });
  });
});
