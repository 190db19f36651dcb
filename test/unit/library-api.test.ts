import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport, loadRuleSet, REPORTERS, scanSnapshotFile } from '../../src/index.js';

describe('library entry point', () => {
  it('scans the bundled demo snapshot without the CLI', async () => {
    const rules = loadRuleSet().map((r) => ({ file: r.file }));
    const scanned = await scanSnapshotFile(join(import.meta.dirname, '../../examples/demo-snapshot.ndjson'), rules);
    expect(scanned.header.tenant.domain).toBe('northwind-demo.eu.auth0.com');
    expect(scanned.evaluation.skipped).toEqual([]);
    expect(scanned.evaluation.findings.length).toBeGreaterThan(50);
    const report = buildReport({ evaluation: scanned.evaluation, rules: rules.map((r) => r.file), collection: { source: 'snapshot', requests: 0, retries: 0, throttled: 0, durationMs: 0, kinds: scanned.coverage }, toolVersion: 't', startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:01.000Z', failOn: 'high' });
    expect(JSON.parse(REPORTERS.json(report, { color: false, rules: new Map() })).summary.total).toBe(scanned.evaluation.findings.length);
  });
});
