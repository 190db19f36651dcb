import { resolve } from 'node:path';
import type { AccessModel } from '../access/access-types.js';
import { exitCodeFor } from '../errors.js';
import { isMultiTenantReport, type MultiTenantReport, type RenderOptions, type ScanReport } from '../model/report.js';
import { MULTI_TENANT_REPORTERS } from '../report/multi-tenant-reporters.js';
import { planOutputs, type OutputRequest } from '../report/plan-outputs.js';
import { renderHtml } from '../report/render-html.js';
import { REPORTERS, type ReportFormat } from '../report/reporters.js';
import { writeFileAtomic } from '../util/atomic-file.js';
import { handleError } from './handle-error.js';
import type { Terminal } from './terminal.js';

/** The output flags (`--format`, `-o`, `--json-output`, …): see `planOutputs`, which checked them before the run. */
export type ReportTargets = OutputRequest;

/** What only some formats show: the access model goes into the HTML report, never into the JSON one. */
export interface ReportExtras {
  access?: AccessModel;
}

interface Output {
  format: ReportFormat;
  /** A file, or stdout when absent. */
  path?: string;
  color: boolean;
}

/**
 * Renders every requested format from the same report (so all outputs and the exit code agree) and writes each as
 * soon as it is rendered: files atomically, the main format to stdout unless --output names a file. Each output
 * stands alone, so a renderer or a write that fails loses only its own output: the others are still written, every
 * failure is reported, and the worst one is rethrown for the usual message and exit code. The data formats go
 * first, and the main format last, so that the machine-readable results are on disk whatever happens to the rest.
 */
export function writeReports(report: ScanReport | MultiTenantReport, targets: ReportTargets, options: RenderOptions, term: Terminal, extras: ReportExtras = {}): void {
  // The files were checked before the run (planOutputs with the file system); this is the same plan, by name only.
  const plan = planOutputs(targets, (path) => ({ key: resolve(term.cwd, path), shareable: true }));
  const rendered = new Map<string, string>();
  const render = (format: ReportFormat, color: boolean): string => {
    const key = `${format}:${String(color)}`;
    const cached = rendered.get(key);
    if (cached !== undefined) return cached;
    const opts = { ...options, color };
    const text = isMultiTenantReport(report)
      ? MULTI_TENANT_REPORTERS[format](report, opts)
      : format === 'html' && extras.access !== undefined
        ? renderHtml(report, opts, { access: extras.access })
        : REPORTERS[format](report, opts);
    // Kept only while another output may need the same text (the main format also written to its own file).
    if (format === plan.format) rendered.set(key, text);
    return text;
  };
  const failures: unknown[] = [];
  // Colour only on a terminal: a file never gets escape codes.
  const outputs: Output[] = plan.outputs.map((o) => (o.path === undefined ? { format: o.format, color: options.color } : { format: o.format, path: o.path, color: false }));
  for (const output of outputs) {
    let text: string;
    try {
      text = render(output.format, output.color);
    } catch (err) {
      failures.push(renderFailure(err, output));
      continue;
    }
    try {
      if (output.path === undefined) term.stdout(text);
      else writeFileAtomic(output.path, text);
    } catch (err) {
      failures.push(err);
    }
  }
  if (failures.length === 0) return;
  const worst = failures.reduce((a, b) => (exitCodeFor(b) > exitCodeFor(a) ? b : a));
  for (const err of failures) if (err !== worst) handleError(err, term, false);
  throw worst;
}

/** A renderer that threw is a bug: the error says which output it cost, and keeps the original as its cause. */
function renderFailure(err: unknown, output: Output): Error {
  const message = err instanceof Error ? err.message : String(err);
  const failure = new Error(`the ${output.format} report${output.path === undefined ? '' : ` for ${output.path}`} could not be rendered: ${message}`, { cause: err });
  if (err instanceof Error && err.stack) failure.stack = `${failure.name}: ${failure.message}\n${err.stack}`;
  return failure;
}
