import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { scanSnapshotFile } from '../../src/core/scan-snapshot-file.js';
import { startMockServer, type MockServer } from '../../src/mock/index.js';
import { keepAllowed } from '../../src/redact/keep-allowed.js';
import { AllowList } from '../../src/redact/allow-list.js';
import { nestedDeeperThan } from '../../src/redact/resource-depth.js';
import { redactResource, REDACTED } from '../../src/snapshot/redact.js';
import { demoScanner, loadDemoTenant } from '../e2e/demo-mock.js';
import { fakeTerminal } from '../fake-terminal.js';
import { client, ruleFile } from '../builders.js';

const dir = mkdtempSync(join(tmpdir(), 'auth0-scan-deep-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const DEPTH = 5000;
/** `{"client_id":"deep",…,"x":[[[…]]]}` as text: JSON.stringify itself cannot write it. */
const deepClientJson = (id: string, depth = DEPTH): string => `{"client_id":"${id}","name":"Deep","grant_types":["implicit"],"x":${'['.repeat(depth)}${']'.repeat(depth)}}`;
const deepValue = (depth: number): unknown => {
  let v: unknown = 'leaf';
  for (let i = 0; i < depth; i++) v = i % 2 === 0 ? [v] : { a: v };
  return v;
};
/**
 * A /clients page with the deep client appended (last: the pager fingerprints a page's first item with
 * JSON.stringify, which a 5,000-deep first item overflows; that is src/http/page-shapes.ts repeatGuard's to bound).
 */
function withDeepClient(page: string): string {
  const envelope = JSON.parse(page) as Record<string, unknown>;
  const items = (envelope['clients'] as unknown[] | undefined) ?? [];
  const rest = Object.entries(envelope).filter(([k]) => k !== 'clients').map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`);
  return `{"clients":[${[...items.map((i) => JSON.stringify(i)), deepClientJson('deep-live')].join(',')}]${rest.map((r) => `,${r}`).join('')}}`;
}
const header = JSON.stringify({ format: 'auth0-scan-snapshot', version: 1, tool: { name: 'auth0-scan', version: 't' }, tenant: { domain: 'acme.auth0.com' }, collectedAt: '2026-01-01T00:00:00Z', source: 'live' });
const implicit = ruleFile({ id: 'implicit', assert: { path: 'grant_types', not_contains: 'implicit' } });

describe('a resource nested 5,000 deep', () => {
  it('is measured without recursion and redacted within a bounded depth, never overflowing the stack', () => {
    expect(nestedDeeperThan(deepValue(100_000))).toBe(true);
    expect(nestedDeeperThan(deepValue(50))).toBe(false);
    const everything = new AllowList([['clients', [{ segments: [], mode: 'value' }]]]);
    const out = keepAllowed('clients', { client_id: 'c', deep: deepValue(DEPTH) }, everything);
    expect(JSON.stringify(out)).toContain(`"${REDACTED}"`);
    expect(redactResource('clients', { client_id: 'c', callbacks: deepValue(DEPTH) })).toMatchObject({ client_id: 'c' });
  });

  it('in a snapshot file is kept out and named in coverage; the rest of the kind is judged; a singleton makes its kind error', async () => {
    const path = join(dir, 'deep.ndjson');
    const end = JSON.stringify({ end: true, coverage: { clients: { status: 'ok', count: 2 }, tenant: { status: 'ok', count: 1 } } });
    const tenant = `{"kind":"tenant","data":{"deep":${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}}}`;
    writeFileSync(path, [header, tenant, `{"kind":"clients","data":${deepClientJson('deep')}}`, JSON.stringify({ kind: 'clients', data: client({ client_id: 'ok', grant_types: ['implicit'] }) }), end, ''].join('\n'));
    const scan = await scanSnapshotFile(path, [{ file: implicit }]);
    expect(scan.coverage.clients).toMatchObject({ status: 'partial', count: 1, notUnderstoodCount: 1, notUnderstood: [{ id: 'deep', field: '', problem: 'nested more than 100 levels deep' }] });
    expect(scan.coverage.tenant).toMatchObject({ status: 'error', notUnderstood: [{ id: 'tenant', problem: 'nested more than 100 levels deep' }] });
    expect(scan.evaluation.findings.map((f) => f.resource.id)).toEqual(['ok']);

    const term = fakeTerminal(dir);
    const code = await main(['node', 'auth0-scan', 'scan', '--snapshot', path, '--format', 'json', '--fail-on', 'never'], term);
    expect(term.err).not.toMatch(/internal error/);
    expect(code).toBe(3);
    expect(JSON.parse(term.out)).toMatchObject({ collection: { kinds: { clients: { status: 'partial' } } } });
    const diff = fakeTerminal(dir);
    expect(await main(['node', 'auth0-scan', 'diff', path, path], diff)).toBe(0);
    expect(diff.err).not.toMatch(/internal error/);
  });

  describe('served by the API during collection', () => {
    let mock: MockServer;
    let url: string;
    const tenant = loadDemoTenant();
    beforeAll(async () => {
      mock = await startMockServer({ tenant, rateLimit: false });
      // In front of the mock: each page of /clients carries one more client, 5,000 levels deep.
      const proxy = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          const headers = { authorization: req.headers.authorization ?? '', 'content-type': req.headers['content-type'] ?? 'application/json' };
          fetch(new URL(req.url ?? '/', mock.url), { method: req.method, headers, body: chunks.length > 0 ? Buffer.concat(chunks) : undefined })
            .then(async (r) => {
              let text = await r.text();
              if (req.url?.startsWith('/api/v2/clients?')) text = withDeepClient(text);
              res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'application/json' });
              res.end(text);
            })
            .catch(() => res.destroy());
        });
      });
      await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', () => r()));
      url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
      return async () => {
        await new Promise<void>((r) => proxy.close(() => r()));
        await mock.close();
      };
    });

    it('costs that one resource: scan and collect finish with a report, the client named as not understood', { timeout: 60_000 }, async () => {
      const m2m = demoScanner(tenant);
      const conn = ['--domain', url, '--audience', `https://${tenant.domain}/api/v2/`, '--client-id', m2m.client_id, '--client-secret', m2m.client_secret];
      const term = fakeTerminal(dir);
      const code = await main(['node', 'auth0-scan', 'scan', ...conn, '--format', 'json', '--fail-on', 'never', '--only', 'client-*'], term);
      expect(term.err).not.toMatch(/internal error/);
      expect(code, term.err + term.out.slice(0, 2000)).toBe(0);
      const report = JSON.parse(term.out) as { collection: { kinds: Record<string, { status: string; notUnderstood?: { id: string; problem: string }[] }> } };
      expect(report.collection.kinds['clients']).toMatchObject({ status: 'partial', notUnderstood: [{ id: 'deep-live', problem: 'nested more than 100 levels deep' }] });
      const snap = join(dir, 'live.ndjson');
      const collected = fakeTerminal(dir);
      expect(await main(['node', 'auth0-scan', 'collect', ...conn, '--only', 'client-*', '-o', snap, '--allow-partial'], collected), collected.err).toBe(0);
      const text = readFileSync(snap, 'utf8');
      expect(text).not.toContain('"client_id":"deep-live"');
      expect(text).toMatch(/"notUnderstood":\[\{"id":"deep-live"/);
    });
  });
});
