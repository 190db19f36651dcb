import type { MultiTenantReport, RenderOptions } from '../model/report.js';
import { withGroups } from './render-json.js';

/** The multi-tenant document as is (schemas/report.schema.json, `multiTenantReport`); `groups` per tenant when asked. */
export function renderMultiTenantJson(report: MultiTenantReport, options?: Pick<RenderOptions, 'groupBy' | 'frameworks'>): string {
  const doc = options?.groupBy === 'control' ? { ...report, tenants: report.tenants.map((r) => withGroups(r, options)) } : report;
  return `${JSON.stringify(doc, null, 2)}\n`;
}
