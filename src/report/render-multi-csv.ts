import type { MultiTenantReport } from '../model/report.js';
import { csvRow } from './csv-cell.js';
import { CSV_COLUMNS } from './render-csv.js';

export const MULTI_TENANT_CSV_COLUMNS = ['tenant', ...CSV_COLUMNS] as const;

/** The single-tenant CSV with the tenant's domain as a first column: one row per open finding, tenants in order. */
export function renderMultiTenantCsv(report: MultiTenantReport): string {
  const rows = [csvRow(MULTI_TENANT_CSV_COLUMNS)];
  for (const r of report.tenants) {
    for (const f of r.findings) {
      if (f.suppression !== undefined) continue;
      rows.push(csvRow([r.tenant.domain, f.severity, f.ruleId, f.resource.type, f.resource.id, f.resource.name, f.message, f.fingerprint, f.count]));
    }
  }
  return rows.join('');
}
