import type { ScanReport, RenderOptions } from '../model/report.js';
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
export function writeReports(report: ScanReport, targets: ReportTargets, options: RenderOptions, term: Terminal): void {
  const plain: RenderOptions = { ...options, color: false };
  const main = REPORTERS[targets.format](report, targets.output ? plain : options);
  const files: [string, string][] = [];
  if (targets.jsonOutput) files.push([targets.jsonOutput, REPORTERS.json(report, plain)]);
  if (targets.sarifOutput) files.push([targets.sarifOutput, REPORTERS.sarif(report, plain)]);
  if (targets.markdownOutput) files.push([targets.markdownOutput, REPORTERS.markdown(report, plain)]);
  if (targets.junitOutput) files.push([targets.junitOutput, REPORTERS.junit(report, plain)]);
  if (targets.csvOutput) files.push([targets.csvOutput, REPORTERS.csv(report, plain)]);
  if (targets.output) files.push([targets.output, main]);
  for (const [path, content] of files) writeFileAtomic(path, content);
  if (!targets.output) term.stdout(main);
}
