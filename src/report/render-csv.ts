import type { ScanReport } from '../model/report.js';
import { csvRow } from './csv-cell.js';

export const CSV_COLUMNS = ['severity', 'ruleId', 'resourceType', 'resourceId', 'resourceName', 'message', 'fingerprint', 'count'] as const;

/**
 * One row per open finding, in report order, for spreadsheets and SIEM imports; every tenant-controlled cell is
 * defused. Suppressed findings are left out, as from the summary counts (the JSON report keeps them).
 */
export function renderCsv(report: ScanReport): string {
  const rows = [csvRow(CSV_COLUMNS)];
  for (const f of report.findings) {
    if (f.suppression !== undefined) continue;
    rows.push(csvRow([f.severity, f.ruleId, f.resource.type, f.resource.id, f.resource.name, f.message, f.fingerprint, f.count]));
  }
  return rows.join('');
}
