import { markdownCode, markdownText } from '../report/markdown-text.js';
import { resourceLabel } from '../report/resource-label.js';
import type { ChangedFinding, ReportDiff, ReportDiffGate } from './diff-types.js';
import type { DiffFinding } from './report-input-schema.js';
import { reportDiffSummary } from './report-diff-summary.js';

/** Rows listed per section at most, so the result fits a PR comment or a job summary. */
export const MARKDOWN_DIFF_MAX_ROWS = 200;

/** The diff of two reports as GitHub-flavoured Markdown; tenant text is escaped. */
export function renderReportDiffMarkdown(diff: ReportDiff, gate?: ReportDiffGate): string {
  const tenant = markdownText(diff.new.domain);
  const blocks = [`## auth0-scan diff: ${tenant}`, markdownText(reportDiffSummary(diff, gate))];
  if (diff.added.length > 0) blocks.push(findingsSection('New findings', diff.added));
  if (diff.fixed.length > 0) blocks.push(findingsSection('Fixed findings', diff.fixed));
  if (diff.notRechecked.length > 0) blocks.push(findingsSection('Not re-checked (rule skipped or tenant not read in NEW)', diff.notRechecked));
  if (diff.changed.length > 0) blocks.push(changedSection(diff.changed));
  if (diff.added.length + diff.fixed.length + diff.notRechecked.length + diff.changed.length === 0) blocks.push('No differences in findings.');
  return `${blocks.join('\n\n')}\n`;
}

function findingsSection(title: string, findings: readonly DiffFinding[]): string {
  const rows = findings.slice(0, MARKDOWN_DIFF_MAX_ROWS).map((f) => `| ${f.severity} | ${markdownCode(f.ruleId)}${f.suppression ? ' (suppressed)' : ''} | ${markdownText(resourceLabel(f.resource))} | ${markdownText(f.message)} |`);
  return [`### ${title} (${findings.length})`, '', '| Severity | Rule | Resource | Message |', '| --- | --- | --- | --- |', ...rows, more(findings.length)].join('\n').trimEnd();
}

function changedSection(changed: readonly ChangedFinding[]): string {
  const rows = changed.slice(0, MARKDOWN_DIFF_MAX_ROWS).map((c) => {
    const severity = c.fields.includes('severity') ? `${c.before.severity} → ${c.after.severity}` : c.after.severity;
    const message = c.fields.includes('message') ? `${markdownText(c.before.message)} → ${markdownText(c.after.message)}` : markdownText(c.after.message);
    return `| ${severity} | ${markdownCode(c.ruleId)} | ${markdownText(resourceLabel(c.resource))} | ${c.fields.join(', ')} | ${message} |`;
  });
  return [`### Changed findings (${changed.length})`, '', '| Severity | Rule | Resource | Changed | Message |', '| --- | --- | --- | --- | --- |', ...rows, more(changed.length)].join('\n').trimEnd();
}

function more(total: number): string {
  return total > MARKDOWN_DIFF_MAX_ROWS ? `\n_${total - MARKDOWN_DIFF_MAX_ROWS} more not listed; use --format json for all._` : '';
}
