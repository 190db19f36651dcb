import type { RenderOptions, ScanReport } from '../model/report.js';
import { htmlDocumentModel } from './html/html-document-model.js';
import { htmlPage } from './html/html-page.js';

/**
 * `--format html`: one self-contained page (inline style, script and SVG; a strict Content-Security-Policy; nothing
 * loaded from anywhere) with the score, the findings grouped by rule with filters, skipped rules and coverage.
 */
export function renderHtml(report: ScanReport, options: RenderOptions): string {
  return htmlPage(htmlDocumentModel({ tenants: [{ report }], failed: [], rules: options.rules, toolVersion: report.tool.version }));
}
