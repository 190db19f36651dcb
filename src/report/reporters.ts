import type { Reporter } from '../model/report.js';
import { REPORT_FORMATS, type ReportFormat } from './report-formats.js';
import { renderCsv } from './render-csv.js';
import { renderFixPlan } from './render-fix-plan.js';
import { renderHtml } from './render-html.js';
import { renderJson } from './render-json.js';
import { renderJunit } from './render-junit.js';
import { renderMarkdown } from './render-markdown.js';
import { renderSarif } from './render-sarif.js';
import { renderTable } from './render-table.js';

export { REPORT_FORMATS, type ReportFormat };

export const REPORTERS: Readonly<Record<ReportFormat, Reporter>> = {
  table: renderTable,
  json: renderJson,
  sarif: renderSarif,
  markdown: renderMarkdown,
  junit: renderJunit,
  csv: renderCsv,
  html: renderHtml,
  'fix-plan': renderFixPlan,
};

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}
