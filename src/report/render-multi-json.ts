import type { MultiTenantReport } from '../model/report.js';

/** The multi-tenant document as is (schemas/report.schema.json, `multiTenantReport`). */
export function renderMultiTenantJson(report: MultiTenantReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
