import type { ReportForDiff } from '../diff/report-for-diff.js';
import type { ScanReport } from '../model/report.js';

export interface SeriesReport {
  report: ScanReport;
  forDiff: ReportForDiff;
}

/** One tenant's reports, oldest first: the last is the tenant's current state, the others its history. */
export interface TenantSeries {
  domain: string;
  reports: SeriesReport[];
}

/**
 * Groups reports by tenant (domain, case-insensitive), in the order each tenant first appears, and orders each
 * tenant's reports by startedAt (ISO timestamps compare as text; equal ones keep the order given).
 */
export function tenantSeries(reports: readonly SeriesReport[]): TenantSeries[] {
  const byDomain = new Map<string, SeriesReport[]>();
  for (const r of reports) {
    const key = r.report.tenant.domain.toLowerCase();
    const list = byDomain.get(key);
    if (list) list.push(r);
    else byDomain.set(key, [r]);
  }
  return [...byDomain.values()].map((list) => {
    const sorted = list
      .map((r, i) => ({ r, i }))
      .sort((a, b) => (a.r.report.startedAt < b.r.report.startedAt ? -1 : a.r.report.startedAt > b.r.report.startedAt ? 1 : a.i - b.i))
      .map((x) => x.r);
    return { domain: sorted[sorted.length - 1]?.report.tenant.domain ?? '', reports: sorted };
  });
}
