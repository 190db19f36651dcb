import { REPORT_SCHEMA_VERSION, type MultiTenantReport, type ScanReport, type TenantFailure } from '../model/report.js';
import { SEVERITIES, type FailOn, type Severity } from '../model/severity.js';
import type { ScoredRule } from '../score/compute-posture-score.js';
import { lowestPostureScore } from '../score/lowest-posture-score.js';
import { unreadTenantScore } from '../score/unread-tenant-score.js';

export interface BuildMultiTenantReportInput {
  /** One report per tenant that could be read, in the order they should appear (the config file's). */
  reports: readonly ScanReport[];
  failed: readonly TenantFailure[];
  /** The run's rules (as each tenant's report got them): a tenant that could not be read scores 0 on them. */
  rules: readonly ScoredRule[];
  toolVersion: string;
  startedAt: string;
  finishedAt: string;
  failOn: FailOn;
}

/**
 * One document for a scan of several tenants: the tenants' own reports unchanged, plus a summary of the same shape
 * as a single report's whose counts are sums and whose gate fails when any tenant's gate fails. A tenant that could
 * not be read is listed in `failed` (and the CLI exits 3); with nothing to vouch for, it also fails the gate. The
 * score is the lowest tenant's (docs/score.md), a tenant not read scoring as one whose every rule lacked its data.
 */
export function buildMultiTenantReport(input: BuildMultiTenantReportInput): MultiTenantReport {
  const { reports } = input;
  const sum = (pick: (r: ScanReport) => number) => reports.reduce((n, r) => n + pick(r), 0);
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, sum((r) => r.summary.bySeverity[s])])) as Record<Severity, number>;
  const withSuppressions = reports.some((r) => r.summary.suppressed !== undefined);
  const notJudged = sum((r) => r.summary.notJudged ?? 0);
  const incomplete = input.failed.length > 0 || reports.some((r) => r.summary.gate.incomplete === true);
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
      ...(notJudged > 0 ? { notJudged } : {}),
      score: lowestPostureScore([
        ...reports.flatMap((r) => (r.summary.score ? [r.summary.score] : [])),
        ...(input.failed.length > 0 ? [unreadTenantScore(input.rules)] : []),
      ]),
      gate: {
        failOn: input.failOn,
        // A tenant that could not be read has nothing to vouch for: the document's gate cannot pass.
        passed: reports.every((r) => r.summary.gate.passed) && input.failed.length === 0,
        ...(incomplete ? { incomplete: true as const } : {}),
      },
    },
    tenants: [...reports],
    failed: [...input.failed],
  };
}
