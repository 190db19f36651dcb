import type { Reporter } from '../model/report.js';
import { renderJson } from './render-json.js';
import { renderSarif } from './render-sarif.js';
import { renderTable } from './render-table.js';

export const REPORT_FORMATS = ['table', 'json', 'sarif'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORTERS: Readonly<Record<ReportFormat, Reporter>> = {
  table: renderTable,
  json: renderJson,
  sarif: renderSarif,
};

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}
