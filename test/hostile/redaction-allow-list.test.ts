import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scanSnapshotFile } from '../../src/core/scan-snapshot-file.js';
import { checkResource } from '../../src/engine/check-resource.js';
import { compileRule } from '../../src/engine/compile-rule.js';
import { memoryContext } from '../../src/engine/memory-context.js';
import { PLACEHOLDER_TENANT } from '../../src/engine/rule-kinds.js';
import { DEFAULT_TEST_NOW } from '../../src/engine/run-rule-tests.js';
import { tenantBindings } from '../../src/engine/tenant-bindings.js';
import type { KindName } from '../../src/model/kinds.js';
import { AllowList } from '../../src/redact/allow-list.js';
import { allowListForRules } from '../../src/redact/allow-list-for-rules.js';
import { allowListOfRecord, redactionRecord } from '../../src/redact/allow-list-record.js';
import { builtinAllowList } from '../../src/redact/builtin-allow-list.js';
import { formatPathSpec } from '../../src/redact/path-spec.js';
import { readsNotHeld } from '../../src/redact/reads-not-held.js';
import { renderBuiltinAllowList } from '../../src/redact/render-builtin-allow-list.js';
import { ruleReadPaths } from '../../src/redact/rule-read-paths.js';
import { loadBuiltinRules } from '../../src/rules/load-rule-set.js';
import { redactResource, REDACTED } from '../../src/snapshot/redact.js';
import { SnapshotWriter } from '../../src/snapshot/snapshot-writer.js';
import { readSnapshot } from '../../src/snapshot/snapshot-reader.js';
import { client, ruleFile } from '../builders.js';

const builtin = loadBuiltinRules().map((r) => r.file);
const paths = (file: Parameters<typeof ruleReadPaths>[0]): Record<string, string[]> =>
  Object.fromEntries([...ruleReadPaths(file)].map(([k, specs]) => [k, specs.map(formatPathSpec).sort()]));

describe('the allow-list is derived from what the rules read', () => {
  it('the generated built-in list is current: a rule reading a path it drops fails here (regenerate with write-allow-list)', () => {
    const file = readFileSync(new URL('../../src/redact/builtin-read-paths.ts', import.meta.url), 'utf8');
    expect(file).toBe(renderBuiltinAllowList(builtin));
    for (const rule of builtin) expect(readsNotHeld(rule, [builtinAllowList()]), rule.id).toEqual([]);
  });

  it('every built-in rule judges its own test cases the same on redacted data (the list keeps all they need)', () => {
    const allow = builtinAllowList();
    const redactAll = (kind: KindName, list: readonly Record<string, unknown>[]): Record<string, unknown>[] => list.map((r) => redactResource(kind, r, allow));
    let cases = 0;
    for (const file of builtin) {
      for (const t of file.tests) {
        const related = Object.fromEntries(Object.entries(t.related ?? {}).map(([k, list]) => [k, redactAll(k as KindName, list)]));
        const own = redactAll(file.resource, t.items ?? (t.resource ? [t.resource] : []));
        const resources: Partial<Record<KindName, Record<string, unknown>[]>> = { ...related, [file.resource]: [...(related[file.resource] ?? []), ...own] };
        const compiled = compileRule(file, tenantBindings(t.tenant?.domain ?? PLACEHOLDER_TENANT.domain, resources.resource_servers), { params: t.params });
        if (!compiled.rule) throw new Error(`${file.id} does not compile`);
        const subject = compiled.rule.scope === 'collection' ? { items: own, count: own.length } : own[0];
        const outcome = checkResource(compiled.rule, subject, memoryContext(resources, Date.parse(t.now ?? DEFAULT_TEST_NOW)));
        expect(outcome, `${file.id}: ${t.name}`).toBe(t.expect);
        cases++;
      }
    }
    expect(cases).toBeGreaterThan(200);
  });

  it('reads deep paths: quantifiers add *, collection items map to the resource, lookup and count reach other kinds', () => {
    expect(paths(ruleFile({ assert: { path: 'callbacks', none: { url: { scheme: 'http' } } }, message: '{{callbacks}} {{$name}}' }))).toEqual({ clients: ['callbacks', 'callbacks.*'] });
    expect(paths(ruleFile({ resource: 'guardian_factors', scope: 'collection', assert: { path: 'items', some: { all: [{ path: 'name', in: ['otp'] }, { path: 'enabled', equals: true }] } }, message: '{{count}} {{items.name}}' }))).toEqual({
      guardian_factors: ['enabled', 'name', 'name'],
    });
    expect(
      paths(ruleFile({ resource: 'client_grants', assert: { path: 'client_id', lookup: { kind: 'clients', key: 'client_id', where: { path: 'app_type', equals: 'spa' } } }, requires: ['scope'], message: 'x' })),
    ).toEqual({ client_grants: ['client_id', 'scope?'], clients: ['app_type', 'client_id'] });
    expect(paths(ruleFile({ resource: 'tenant', assert: { count: { from: 'log_streams', where: { path: 'status', equals: 'active' } }, gt: 0 }, message: 'x' }))).toEqual({ log_streams: ['status'] });
    expect(paths(ruleFile({ assert: { path: 'addons.samlp', exists: true } }))).toEqual({ clients: ['addons.samlp?'] });
  });

  it('keeps the value, the shape, or nothing, and redacts secrets even at kept paths', () => {
    const allow = new AllowList([['clients', [{ segments: ['addons', 'samlp'], mode: 'presence' }, { segments: ['addons', 'samlp', 'signatureAlgorithm'], mode: 'value' }, { segments: ['jwt_configuration'], mode: 'value' }]]]);
    const out = redactResource('clients', { client_id: 'c', addons: { samlp: { signatureAlgorithm: 'rsa-sha1', audience: 'https://x', mappings: { a: 'b' }, lifetimeInSeconds: 3600, empty: '' }, wams: { masterkey: 'K' } }, jwt_configuration: { alg: 'RS256', secret_encoded: false, private_key: 'PK' } }, allow);
    expect(out).toEqual({ addons: { samlp: { signatureAlgorithm: 'rsa-sha1', audience: REDACTED, mappings: { a: REDACTED }, lifetimeInSeconds: 3600, empty: '' } }, jwt_configuration: { alg: 'RS256', secret_encoded: false, private_key: REDACTED } });
    // A scalar where the list expects an object keeps its type (so rules report "not judged"), never its value.
    expect(redactResource('clients', { client_id: 'c', addons: 'weird' }, allow)).toEqual({ addons: REDACTED });
    // `__proto__` stays data.
    const proto = redactResource('clients', JSON.parse('{"client_id":"c","jwt_configuration":{"__proto__":{"polluted":1}}}') as Record<string, unknown>, allow);
    expect(Object.getPrototypeOf(proto['jwt_configuration'])).toBe(Object.prototype);
  });
});

describe('custom rules and snapshots', () => {
  const dir = mkdtempSync(join(tmpdir(), 'auth0-scan-allow-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const custom = ruleFile({ id: 'custom-wams', assert: { path: 'addons.wams.masterkey', absent: true }, message: 'x {{$name}}' });

  it('a run keeps what its custom rules read on top of the built-in list; the header records it', async () => {
    const allow = allowListForRules([...builtin, custom]);
    expect(allow.covers('clients', { segments: ['addons', 'wams', 'masterkey'], mode: 'presence' })).toBe(true);
    expect(builtinAllowList().covers('clients', { segments: ['addons', 'wams', 'masterkey'], mode: 'presence' })).toBe(false);
    expect(allowListOfRecord(redactionRecord(allow)).specs()).toEqual(allow.specs());

    const path = join(dir, 'custom.ndjson');
    const w = new SnapshotWriter(path);
    await w.begin({ format: 'auth0-scan-snapshot', version: 1, tool: { name: 'auth0-scan', version: 't' }, tenant: { domain: 'acme.auth0.com' }, collectedAt: '2026-01-01T00:00:00Z', source: 'live', redaction: redactionRecord(allow) });
    await w.resource('clients', redactResource('clients', client({ client_id: 'a', addons: { wams: { masterkey: 'MASTER-KEY-VALUE' } } }), allow));
    await w.end({ clients: { status: 'ok', count: 1 } });
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('"masterkey":"[REDACTED]"');
    expect(text).not.toContain('MASTER-KEY-VALUE');

    // The header records the path, and the scan's rules read it: the custom rule is judged on what was kept.
    const scan = await scanSnapshotFile(path, [{ file: custom }, { file: ruleFile({ id: 'named', assert: { path: 'name', empty: false } }) }]);
    expect(scan.evaluation.skipped).toEqual([]);
    expect(scan.evaluation.rulesEvaluated).toBe(2);
    expect(scan.evaluation.findings.map((f) => f.ruleId)).toEqual(['custom-wams']);

    // Rules that do not read it never see it, whatever the header kept.
    const seen: Record<string, unknown>[] = [];
    await readSnapshot(path, { begin: () => undefined, resource: (_kind, data) => void seen.push(data), end: () => undefined });
    expect(seen).toHaveLength(1);
    expect(JSON.stringify(seen)).not.toContain('masterkey');
  });

  it('a rule reading a path the header does not record is skipped, never passed', async () => {
    const path = join(dir, 'builtin.ndjson');
    const w = new SnapshotWriter(path);
    await w.begin({ format: 'auth0-scan-snapshot', version: 1, tool: { name: 'auth0-scan', version: 't' }, tenant: { domain: 'acme.auth0.com' }, collectedAt: '2026-01-01T00:00:00Z', source: 'live' });
    await w.resource('clients', redactResource('clients', client({ client_id: 'a', addons: { wams: { masterkey: 'MASTER-KEY-VALUE' } } })));
    await w.end({ clients: { status: 'ok', count: 1 } });
    expect(readFileSync(path, 'utf8')).not.toContain('masterkey');
    const scan = await scanSnapshotFile(path, [{ file: custom }, { file: ruleFile({ id: 'named', assert: { path: 'name', empty: false } }) }]);
    expect(scan.evaluation.skipped).toEqual([{ ruleId: 'custom-wams', reason: expect.stringContaining('does not keep clients addons.wams.masterkey'), kinds: ['clients'] }]);
    expect(scan.evaluation.rulesEvaluated).toBe(1);
  });

  it('a snapshot written without a record gets one, the built-in list', async () => {
    const path = join(dir, 'plain.ndjson');
    const w = new SnapshotWriter(path);
    await w.begin({ format: 'auth0-scan-snapshot', version: 1, tool: { name: 'auth0-scan', version: 't' }, tenant: { domain: 'acme.auth0.com' }, collectedAt: '2026-01-01T00:00:00Z', source: 'live' });
    await w.end({});
    const header = JSON.parse(readFileSync(path, 'utf8').split('\n')[0] ?? '{}') as { redaction: Parameters<typeof allowListOfRecord>[0] };
    expect(allowListOfRecord(header.redaction).specs()).toEqual(builtinAllowList().specs());
  });
});
