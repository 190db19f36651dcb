import { REPORT_SCHEMA_VERSION, type MultiTenantReport, type ScanReport, type TenantFailure } from '../model/report.js';
import { SEVERITIES, type FailOn, type Severity } from '../model/severity.js';

export interface BuildMultiTenantReportInput {
  /** One report per tenant that could be read, in the order they should appear (the config file's). */
  reports: readonly ScanReport[];
  failed: readonly TenantFailure[];
  toolVersion: string;
  startedAt: string;
  finishedAt: string;
  failOn: FailOn;
}

/**
 * One document for a scan of several tenants: the tenants' own reports unchanged, plus a summary of the same shape
 * as a single report's whose counts are sums and whose gate fails when any tenant's gate fails. A tenant that could
 * not be read has no findings to gate on: it is listed in `failed` (and the CLI exits 3).
 */
export function buildMultiTenantReport(input: BuildMultiTenantReportInput): MultiTenantReport {
  const { reports } = input;
  const sum = (pick: (r: ScanReport) => number) => reports.reduce((n, r) => n + pick(r), 0);
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, sum((r) => r.summary.bySeverity[s])])) as Record<Severity, number>;
  const withSuppressions = reports.some((r) => r.summary.suppressed !== undefined);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'auth0-scan', version: input.toolVersion },
    startedAt: input.startedAt,
    finishedAt: input.finishedAt,
    summary: {
      total: sum((r) => r.summary.total),
      bySeverity,
      rulesEvaluated: sum((r) => r.summary.rulesEvaluated),
      rulesSkipped: sum((r) => r.summary.rulesSkipped),
      ...(withSuppressions ? { suppressed: sum((r) => r.summary.suppressed ?? 0) } : {}),
      gate: { failOn: input.failOn, passed: reports.every((r) => r.summary.gate.passed) },
    },
    tenants: [...reports],
    failed: [...input.failed],
  };
}
