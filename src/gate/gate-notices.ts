import type { ScanReport, SuppressionEntryRef } from '../model/report.js';

const describe = (e: SuppressionEntryRef) => `${e.entry} (rule ${e.rule}, resource ${e.resource})`;

/**
 * The warnings a CI log should show about the gate's filters: expired and unused suppressions, and a baseline
 * written for another tenant (whose fingerprints can never match). One line each, without the `auth0-scan: ` prefix.
 */
export function gateNotices(report: ScanReport, baselineTenant?: string): string[] {
  const lines: string[] = [];
  for (const e of report.suppressions?.expired ?? []) {
    lines.push(`warning: suppression ${describe(e)} expired (expires ${e.expires}): it no longer suppresses anything`);
  }
  for (const e of report.suppressions?.unused ?? []) lines.push(`warning: suppression ${describe(e)} matched no finding`);
  if (report.baseline && baselineTenant !== undefined && baselineTenant.toLowerCase() !== report.tenant.domain.toLowerCase()) {
    lines.push(`warning: baseline ${report.baseline.path} is for ${baselineTenant}, not ${report.tenant.domain}: every finding is new`);
  }
  return lines;
}
