import { resourceLabel } from '../report/resource-label.js';
import { terminalSafe } from '../report/terminal-text.js';
import type { ChangedFinding, ReportDiff, ReportDiffGate } from './diff-types.js';
import type { DiffFinding } from './report-input-schema.js';
import { reportDiffSummary } from './report-diff-summary.js';

/** The diff of two reports for a terminal or a log: new, fixed, changed findings, then one summary line. */
export function renderReportDiffText(diff: ReportDiff, gate?: ReportDiffGate): string {
  const blocks = [header(diff)];
  if (diff.added.length > 0) blocks.push(section(`New findings (${diff.added.length})`, diff.added.map(findingLine)));
  if (diff.fixed.length > 0) blocks.push(section(`Fixed findings (${diff.fixed.length})`, diff.fixed.map(findingLine)));
  if (diff.notRechecked.length > 0) blocks.push(section(`Not re-checked: rule skipped or tenant not read in NEW (${diff.notRechecked.length})`, diff.notRechecked.map(findingLine)));
  if (diff.changed.length > 0) blocks.push(section(`Changed findings (${diff.changed.length})`, diff.changed.flatMap(changedLines)));
  if (diff.added.length + diff.fixed.length + diff.notRechecked.length + diff.changed.length === 0) blocks.push('No differences in findings.');
  blocks.push(reportDiffSummary(diff, gate));
  return `${blocks.join('\n\n')}\n`;
}

function header(diff: ReportDiff): string {
  const tenant = diff.old.domain === diff.new.domain ? safe(diff.new.domain) : `${safe(diff.old.domain)} → ${safe(diff.new.domain)} (different tenants)`;
  return [
    `auth0-scan diff · ${tenant}`,
    `old: report of ${safe(diff.old.finishedAt)} (${diff.old.total} findings) → new: report of ${safe(diff.new.finishedAt)} (${diff.new.total} findings)`,
  ].join('\n');
}

function section(title: string, lines: string[]): string {
  return [title, ...lines].join('\n');
}

function findingLine(f: DiffFinding): string {
  const suppressed = f.suppression ? ' (suppressed)' : '';
  return `  ${f.severity.toUpperCase().padEnd(8)} ${safe(f.ruleId)}${suppressed}  ${safe(resourceLabel(f.resource))}  ${safe(f.message)}`;
}

function changedLines(c: ChangedFinding): string[] {
  const severity = c.fields.includes('severity') ? `${c.before.severity} → ${c.after.severity}` : c.after.severity;
  const lines = [`  ${severity.toUpperCase().padEnd(8)} ${safe(c.ruleId)}  ${safe(resourceLabel(c.resource))}  (${c.fields.join(', ')} changed)`];
  if (c.fields.includes('message')) lines.push(`      was: ${safe(c.before.message)}`, `      now: ${safe(c.after.message)}`);
  else lines.push(`      ${safe(c.after.message)}`);
  return lines;
}

function safe(text: string): string {
  return terminalSafe(text.replace(/\r\n|[\r\n]/g, ' '));
}
