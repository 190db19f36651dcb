import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDiffInput } from '../../src/diff/read-diff-input.js';
import { InputError } from '../../src/errors.js';
import { aReport } from '../report-builders.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'auth0-scan-diff-input-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const HEADER = '{"format":"auth0-scan-snapshot","version":1,"tool":{"name":"auth0-scan","version":"0.1.0"},"tenant":{"domain":"a.auth0.com"},"collectedAt":"2026-01-01T00:00:00Z"}\n';

async function inputError(path: string): Promise<InputError> {
  const err = await readDiffInput(path).then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(InputError);
  return err as InputError;
}

describe('readDiffInput', () => {
  it('recognises snapshots by their header line, gzipped or not, whatever the file is called', async () => {
    expect(await readDiffInput(file('report.json', `${HEADER}{"end":true,"coverage":{}}\n`))).toEqual({ type: 'snapshot', path: join(dir, 'report.json') });
    expect((await readDiffInput(file('x.gz', gzipSync(`\n${HEADER}`)))).type).toBe('snapshot');
  });

  it('reads pretty-printed, compact and gzipped JSON reports', async () => {
    const report = aReport();
    for (const [name, content] of [
      ['pretty.json', JSON.stringify(report, null, 2)],
      ['compact.ndjson', JSON.stringify(report)],
      ['zipped.json.gz', gzipSync(JSON.stringify(report))],
    ] as const) {
      const input = await readDiffInput(file(name, content));
      expect(input.type, name).toBe('report');
      if (input.type === 'report') expect(input.report.findings.map((f) => f.fingerprint)).toEqual(report.findings.map((f) => f.fingerprint));
    }
  });

  it('keeps fields it does not know (a newer report version may add some)', async () => {
    const report = { ...aReport(), suppressed: [] };
    const input = await readDiffInput(file('extra.json', JSON.stringify(report)));
    expect(input.type).toBe('report');
  });

  it('rejects what is neither, naming the file and the problem', async () => {
    const missing = await inputError(join(dir, 'missing.json'));
    expect(missing.code).toBe('USAGE');
    expect(missing.where).toBe(join(dir, 'missing.json'));
    expect(missing.message).toContain('ENOENT');
    expect((await inputError(file('empty.json', '\n\n'))).message).toBe('the file is empty');
    expect((await inputError(file('text.txt', 'hello'))).message).toContain('neither an auth0-scan JSON report nor a snapshot');
    const bad = { ...aReport(), findings: [{ ...aReport().findings[0], severity: 'urgent' }] };
    expect((await inputError(file('bad.json', JSON.stringify(bad)))).message).toMatch(/^not a valid auth0-scan JSON report: findings\[0\]\.severity: /);
    expect((await inputError(file('other.json', '{"schemaVersion":"1.0","tool":{"name":"other","version":"1"}}'))).message).toContain('tool.name: not an auth0-scan report');
  });
});
