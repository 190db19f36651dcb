import type { ScanReport, SuppressionEntryRef } from '../model/report.js';

/** The entries --strict-suppressions rejects: expired ones and those that matched nothing. */
export function staleSuppressions(report: Pick<ScanReport, 'suppressions'>): SuppressionEntryRef[] {
  return [...(report.suppressions?.expired ?? []), ...(report.suppressions?.unused ?? [])];
}
