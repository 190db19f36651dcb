import type { DiffableMultiTenantReport, DiffableReport, DiffFinding } from './report-input-schema.js';

/**
 * A report as `diff` compares it, single- or multi-tenant alike: every finding (each carries its tenant, and
 * fingerprints include it), and per tenant read, the rules that did not run. A tenant that is not in `ruleSkips`
 * was not read at all.
 */
export interface ReportForDiff {
  /** The tenants the report covers, as its reports name them; joined for display. */
  domain: string;
  startedAt: string;
  finishedAt: string;
  findings: DiffFinding[];
  /** Lower-case domain of each tenant read → ids of the rules that were skipped there. */
  ruleSkips: Map<string, Set<string>>;
}

export function singleReportForDiff(report: DiffableReport): ReportForDiff {
  return {
    domain: report.tenant.domain,
    startedAt: report.startedAt,
    finishedAt: report.finishedAt,
    findings: report.findings.map((f) => (f.tenant === undefined ? { ...f, tenant: report.tenant.domain } : f)),
    ruleSkips: new Map([[report.tenant.domain.toLowerCase(), new Set(report.skipped.map((s) => s.ruleId))]]),
  };
}

export function multiTenantReportForDiff(doc: DiffableMultiTenantReport): ReportForDiff {
  const parts = doc.tenants.map(singleReportForDiff);
  return {
    domain: [...parts.map((p) => p.domain), ...doc.failed.map((f) => f.tenant.domain)].join(', '),
    startedAt: doc.startedAt,
    finishedAt: doc.finishedAt,
    findings: parts.flatMap((p) => p.findings),
    ruleSkips: new Map(parts.flatMap((p) => [...p.ruleSkips])),
  };
}
