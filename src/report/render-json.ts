import type { ScanReport } from '../model/report.js';

/** The report as is: its shape is the versioned contract documented by schemas/report.schema.json. */
export function renderJson(report: ScanReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
