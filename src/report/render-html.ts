import type { AccessModel } from '../access/access-types.js';
import type { RenderOptions, ScanReport } from '../model/report.js';
import { htmlDocumentModel } from './html/html-document-model.js';
import { htmlPage } from './html/html-page.js';

/**
 * `--format html`: one self-contained page (inline style, script and SVG; a strict Content-Security-Policy; nothing
 * loaded from anywhere) with the score, the findings grouped by rule with filters, skipped rules and coverage; with
 * the scan's access model (never in the JSON report), who can change the tenant.
 */
export function renderHtml(report: ScanReport, options: RenderOptions, extras: { access?: AccessModel } = {}): string {
  return htmlPage(htmlDocumentModel({ tenants: [{ report }], failed: [], rules: options.rules, toolVersion: report.tool.version }), extras);
}
