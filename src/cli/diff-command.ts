import { z } from 'zod';
import { diffReports } from '../diff/diff-reports.js';
import { diffSnapshots } from '../diff/diff-snapshots.js';
import { newFindingsGate } from '../diff/new-findings-gate.js';
import { readDiffInput } from '../diff/read-diff-input.js';
import { renderReportDiffMarkdown } from '../diff/render-report-diff-markdown.js';
import { renderReportDiffText } from '../diff/render-report-diff-text.js';
import { renderSnapshotDiffMarkdown } from '../diff/render-snapshot-diff-markdown.js';
import { renderSnapshotDiffText } from '../diff/render-snapshot-diff-text.js';
import { EXIT, InputError } from '../errors.js';
import { severitySchema } from '../model/severity.js';
import { terminalSafe } from '../report/terminal-text.js';
import { parseOptions } from './scan-options.js';
import type { Terminal } from './terminal.js';

const diffOptionsSchema = z.object({
  format: z.enum(['table', 'json', 'markdown']).default('table'),
  failOnNew: severitySchema.optional(),
});

/**
 * `diff OLD NEW`: two JSON reports (new, fixed, changed findings; `--fail-on-new` gates on new ones) or two
 * snapshots (configuration drift). Each argument is recognised by its content, not its name.
 */
export async function diffCommand(oldPath: string, newPath: string, raw: Record<string, unknown>, term: Terminal): Promise<number> {
  const opts = parseOptions(diffOptionsSchema, raw);
  const [a, b] = await Promise.all([readDiffInput(oldPath), readDiffInput(newPath)]);
  if (a.type === 'report' && b.type === 'report') {
    const diff = diffReports(a.report, b.report);
    if (diff.old.domain !== diff.new.domain) term.stderr(`auth0-scan: warning: the reports are of different tenants (${terminalSafe(diff.old.domain)}, ${terminalSafe(diff.new.domain)})\n`);
    const gate = opts.failOnNew ? newFindingsGate(diff, opts.failOnNew) : undefined;
    if (opts.format === 'json') term.stdout(`${JSON.stringify(gate ? { ...diff, gate } : diff, null, 2)}\n`);
    else term.stdout(opts.format === 'markdown' ? renderReportDiffMarkdown(diff, gate) : renderReportDiffText(diff, gate));
    return gate && !gate.passed ? EXIT.gate : EXIT.ok;
  }
  if (a.type === 'snapshot' && b.type === 'snapshot') {
    // A gate that could never trip would pass a drift check silently; say so instead.
    if (opts.failOnNew) throw new InputError('USAGE', '--fail-on-new compares findings: give two JSON reports, or scan the snapshots first');
    const diff = await diffSnapshots(a.path, b.path);
    if (diff.old.domain !== diff.new.domain) term.stderr(`auth0-scan: warning: the snapshots are of different tenants (${terminalSafe(diff.old.domain)}, ${terminalSafe(diff.new.domain)})\n`);
    if (opts.format === 'json') term.stdout(`${JSON.stringify(diff, null, 2)}\n`);
    else term.stdout(opts.format === 'markdown' ? renderSnapshotDiffMarkdown(diff) : renderSnapshotDiffText(diff));
    return EXIT.ok;
  }
  throw new InputError('USAGE', `cannot compare a ${a.type} (${oldPath}) with a ${b.type} (${newPath}): give two JSON reports or two snapshots`);
}
