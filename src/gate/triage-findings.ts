import type { Finding } from '../model/finding.js';
import type { BaselineReport, SuppressionsReport } from '../model/report.js';
import type { Baseline } from './baseline-schema.js';
import { classifyBaseline } from './classify-baseline.js';
import { matchSuppressions } from './match-suppressions.js';
import type { LocatedSuppression } from './suppression-schema.js';

export interface TriageInput {
  findings: readonly Finding[];
  /** The scanned tenant's domain. */
  tenant: string;
  /** Its config name in a multi-tenant scan (suppressions may name it). */
  tenantName?: string;
  /** The evaluation's scan time: it decides which suppressions have expired. */
  scanTime: string;
  suppressions?: { sources: string[]; entries: readonly LocatedSuppression[] };
  baseline?: { path: string; doc: Baseline };
  /** Rules that ran and were not skipped; a baseline finding of another rule is not "fixed". */
  evaluatedRuleIds?: ReadonlySet<string>;
}

export interface Triage {
  findings: Finding[];
  suppressions?: SuppressionsReport;
  baseline?: BaselineReport;
}

/**
 * Between evaluation and the gate: marks suppressed findings, then classifies every finding against the baseline.
 * Pure: the caller loads the files and passes the scan time in.
 */
export function triageFindings(input: TriageInput): Triage {
  let findings: Finding[] = [...input.findings];
  let suppressions: SuppressionsReport | undefined;
  let baseline: BaselineReport | undefined;
  if (input.suppressions) {
    const s = matchSuppressions(findings, input.suppressions.entries, {
      tenant: input.tenant,
      ...(input.tenantName === undefined ? {} : { tenantName: input.tenantName }),
      scanTime: input.scanTime,
    });
    findings = s.findings;
    suppressions = { sources: input.suppressions.sources, entries: input.suppressions.entries.length, expired: s.expired, unused: s.unused };
  }
  if (input.baseline) {
    const b = classifyBaseline(findings, input.baseline.doc, { path: input.baseline.path, evaluatedRuleIds: input.evaluatedRuleIds });
    findings = b.findings;
    baseline = b.report;
  }
  return { findings, ...(suppressions ? { suppressions } : {}), ...(baseline ? { baseline } : {}) };
}
