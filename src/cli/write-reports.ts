import { isMultiTenantReport, type MultiTenantReport, type RenderOptions, type ScanReport } from '../model/report.js';
import { MULTI_TENANT_REPORTERS } from '../report/multi-tenant-reporters.js';
import { REPORTERS, type ReportFormat } from '../report/reporters.js';
import { writeFileAtomic } from '../util/atomic-file.js';
import type { Terminal } from './terminal.js';

export interface ReportTargets {
  format: ReportFormat;
  output?: string;
  jsonOutput?: string;
  sarifOutput?: string;
  markdownOutput?: string;
  junitOutput?: string;
  csvOutput?: string;
}

/**
 * Renders every requested format from the same report (so all outputs and the exit code agree) and writes
 * them: files atomically, the main format to stdout unless --output names a file.
 */
export function writeReports(report: ScanReport | MultiTenantReport, targets: ReportTargets, options: RenderOptions, term: Terminal): void {
  const render = (format: ReportFormat, opts: RenderOptions): string =>
    isMultiTenantReport(report) ? MULTI_TENANT_REPORTERS[format](report, opts) : REPORTERS[format](report, opts);
  const plain: RenderOptions = { ...options, color: false };
  const main = render(targets.format, targets.output ? plain : options);
  const files: [string, string][] = [];
  if (targets.jsonOutput) files.push([targets.jsonOutput, render('json', plain)]);
  if (targets.sarifOutput) files.push([targets.sarifOutput, render('sarif', plain)]);
  if (targets.markdownOutput) files.push([targets.markdownOutput, render('markdown', plain)]);
  if (targets.junitOutput) files.push([targets.junitOutput, render('junit', plain)]);
  if (targets.csvOutput) files.push([targets.csvOutput, render('csv', plain)]);
  if (targets.output) files.push([targets.output, main]);
  for (const [path, content] of files) writeFileAtomic(path, content);
  if (!targets.output) term.stdout(main);
}
