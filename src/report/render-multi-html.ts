import type { MultiTenantReport, RenderOptions } from '../model/report.js';
import { htmlDocumentModel } from './html/html-document-model.js';
import { htmlPage } from './html/html-page.js';

/** The HTML report of a multi-tenant scan: every tenant in one file, a switcher, and a comparison table. */
export function renderMultiTenantHtml(report: MultiTenantReport, options: RenderOptions): string {
  return htmlPage(
    htmlDocumentModel({ tenants: report.tenants.map((r) => ({ report: r })), failed: report.failed, rules: options.rules, toolVersion: report.tool.version }),
  );
}
