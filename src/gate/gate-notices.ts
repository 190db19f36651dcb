import type { ScanReport, SuppressionEntryRef } from '../model/report.js';

const describe = (e: SuppressionEntryRef) => `${e.entry} (rule ${e.rule}, resource ${e.resource})`;

/**
 * The warnings a CI log should show about the gate's filters: expired and unused suppressions, and a baseline
 * written for another tenant (whose fingerprints can never match). One line each, without the `auth0-scan: ` prefix.
 */
export function gateNotices(report: ScanReport, baselineTenant?: string): string[] {
  const lines = suppressionNotices(report.suppressions?.expired ?? [], report.suppressions?.unused ?? []);
  const baseline = baselineNotice(report, baselineTenant);
  if (baseline) lines.push(baseline);
  return lines;
}

export function suppressionNotices(expired: readonly SuppressionEntryRef[], unused: readonly SuppressionEntryRef[]): string[] {
  return [
    ...expired.map((e) => `warning: suppression ${describe(e)} expired (expires ${e.expires}): it no longer suppresses anything`),
    ...unused.map((e) => `warning: suppression ${describe(e)} matched no finding`),
  ];
}

export function baselineNotice(report: Pick<ScanReport, 'baseline' | 'tenant'>, baselineTenant?: string): string | undefined {
  if (!report.baseline || baselineTenant === undefined || baselineTenant.toLowerCase() === report.tenant.domain.toLowerCase()) return undefined;
  return `warning: baseline ${report.baseline.path} is for ${baselineTenant}, not ${report.tenant.domain}: every finding is new`;
}
