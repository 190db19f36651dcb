import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanSnapshotFile } from '../../src/core/scan-snapshot-file.js';
import { InputError } from '../../src/errors.js';
import { client, ruleFile } from '../builders.js';

async function inputErrorOf(fn: () => Promise<unknown>): Promise<InputError> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected an InputError');
}

const dir = mkdtempSync(join(tmpdir(), 'auth0-scan-counts-'));
const header = JSON.stringify({ format: 'auth0-scan-snapshot', version: 1, tool: { name: 'auth0-scan', version: 't' }, tenant: { domain: 'acme.auth0.com' }, collectedAt: '2026-01-01T00:00:00Z', source: 'live' });
const rule = ruleFile({ id: 'implicit', assert: { path: 'grant_types', not_contains: 'implicit' } });
const record = (id: string) => JSON.stringify({ kind: 'clients', data: client({ client_id: id, grant_types: ['implicit'] }) });

function snapshot(name: string, records: string[], counts: Record<string, number>): string {
  const path = join(dir, name);
  const coverage = Object.fromEntries(Object.entries(counts).map(([k, n]) => [k, { status: 'ok', count: n }]));
  writeFileSync(path, [header, ...records, JSON.stringify({ end: true, coverage }), ''].join('\n'));
  return path;
}

describe("a snapshot's end record is checked against what the file holds", () => {
  it('a record cut out of the file is refused, naming the kind and both counts', async () => {
    const path = snapshot('cut.ndjson', [record('a')], { clients: 2 });
    const err = await inputErrorOf(() => scanSnapshotFile(path, [{ file: rule }]));
    expect(err.code).toBe('SNAPSHOT');
    expect(err.message).toBe('end record: clients counts 2 resource(s) but the file holds 1');
    expect(err.where).toMatch(/cut\.ndjson:3$/);
  });

  it('records of a kind the end record does not count are refused too', async () => {
    const err = await inputErrorOf(() => scanSnapshotFile(snapshot('extra.ndjson', [record('a')], {}), [{ file: rule }]));
    expect(err.message).toBe('end record: clients counts 0 resource(s) but the file holds 1');
  });

  it('matching counts scan as before', async () => {
    const scan = await scanSnapshotFile(snapshot('ok.ndjson', [record('a'), record('b')], { clients: 2 }), [{ file: rule }]);
    expect(scan.evaluation.findings).toHaveLength(2);
  });
});
