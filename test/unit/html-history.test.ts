import { describe, expect, it } from 'vitest';
import { singleReportForDiff } from '../../src/diff/report-for-diff.js';
import { reportInputSchema } from '../../src/diff/report-input-schema.js';
import type { ScanReport } from '../../src/model/report.js';
import { historyModel } from '../../src/report/html/history-model.js';
import { tenantSeries, type SeriesReport } from '../../src/report/tenant-series.js';
import { aFinding, aReport, aSkipped, fp } from '../report-builders.js';

function at(startedAt: string, report: ScanReport, domain?: string): SeriesReport {
  const r: ScanReport = { ...report, startedAt, ...(domain ? { tenant: { domain } } : {}) };
  return { report: r, forDiff: singleReportForDiff(reportInputSchema.parse(JSON.parse(JSON.stringify(r)))) };
}

const implicit = (id: string) => aFinding({ resource: { type: 'clients', id, name: id }, fingerprint: fp('client-implicit-grant', id) });
const logs = aFinding({ ruleId: 'log-stream-configured', severity: 'medium', resource: { type: 'log_streams', id: 'log_streams' }, fingerprint: fp('logs') });

describe('trend and changes across reports of one tenant', () => {
  it('groups by tenant (case-insensitively) and orders each tenant by startedAt', () => {
    const series = tenantSeries([
      at('2026-03-01T00:00:00.000Z', aReport()),
      at('2026-01-01T00:00:00.000Z', aReport(), 'other.eu.auth0.com'),
      at('2026-01-01T00:00:00.000Z', aReport(), 'ACME.eu.auth0.com'),
      at('2026-02-01T00:00:00.000Z', aReport()),
    ]);
    expect(series.map((s) => [s.domain, s.reports.map((r) => r.report.startedAt.slice(0, 7))])).toEqual([
      ['acme.eu.auth0.com', ['2026-01', '2026-02', '2026-03']],
      ['other.eu.auth0.com', ['2026-01']],
    ]);
  });

  it('has no history for a tenant given once', () => {
    const [only] = tenantSeries([at('2026-01-01T00:00:00.000Z', aReport())]);
    expect(only && historyModel(only)).toBeUndefined();
  });

  it('says new, fixed and not re-checked exactly as diff does, and plots every report', () => {
    const first = at('2026-01-01T00:00:00.000Z', aReport({ findings: [implicit('a'), implicit('b'), implicit('c'), logs] }));
    const second = at('2026-02-01T00:00:00.000Z', aReport({ findings: [implicit('a'), implicit('b'), logs] }));
    // Latest: b fixed (its rule ran), logs not re-checked (its rule was skipped), d new.
    const third = at('2026-03-01T00:00:00.000Z', aReport({ findings: [implicit('a'), implicit('d')], skipped: [aSkipped()] }));
    const [series] = tenantSeries([third, first, second]);
    const history = series && historyModel(series);
    expect(history?.points.map((p) => [p.startedAt.slice(0, 7), p.total])).toEqual([
      ['2026-01', 4],
      ['2026-02', 3],
      ['2026-03', 2],
    ]);
    expect(history?.changes.since).toBe('2026-02-01T00:00:00.000Z');
    expect(history?.changes.added.map((c) => c.i)).toEqual(['d']);
    expect(history?.changes.fixed.map((c) => c.i)).toEqual(['b']);
    expect(history?.changes.notRechecked.map((c) => c.r)).toEqual(['log-stream-configured']);
    expect(history?.changes).toMatchObject({ addedCount: 1, fixedCount: 1, notRecheckedCount: 1, unchanged: 1, changed: 0 });
  });

  it('plots the score of each report, and null for one without', () => {
    const base = aReport();
    const scored = (v: number): ScanReport => ({ ...base, summary: { ...base.summary, score: { formula: 'auth0-scan-score/1', value: v, areas: [] } } });
    const { score: _none, ...unscored } = base.summary;
    const [series] = tenantSeries([at('2026-01-01T00:00:00.000Z', { ...base, summary: unscored }), at('2026-02-01T00:00:00.000Z', scored(40)), at('2026-03-01T00:00:00.000Z', scored(55))]);
    expect(series && historyModel(series)?.points.map((p) => p.score)).toEqual([null, 40, 55]);
  });
});
