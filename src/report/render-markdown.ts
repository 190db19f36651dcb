import type { Finding } from '../model/finding.js';
import type { RenderOptions, ScanReport } from '../model/report.js';
import { controlGroups } from './control-groups.js';
import { SEVERITIES, type Severity } from '../model/severity.js';
import { capMarkdown } from './cap-markdown.js';
import { markdownGate } from './markdown-gate.js';
import { markdownScore } from './markdown-score.js';
import { markdownCode, markdownText } from './markdown-text.js';
import { tenantHeading } from './multi-tenant-labels.js';
import { resourceLabel } from './resource-label.js';

/**
 * Findings listed at most: a job summary ($GITHUB_STEP_SUMMARY) is refused above 1 MiB and a PR comment above
 * 65,536 characters, while the summary table always counts them all.
 */
export const MARKDOWN_MAX_FINDINGS = 200;

const SEVERITY_LABEL: Record<Severity, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Info',
};

/**
 * GitHub-flavoured Markdown for job summaries and PR comments; every piece of tenant text is escaped and bounded,
 * and the whole document stays under MARKDOWN_MAX_BYTES (a closing line says what was cut).
 */
export function renderMarkdown(report: ScanReport, options?: Pick<RenderOptions, 'groupBy' | 'frameworks'>): string {
  const blocks = [header(report), ...(report.summary.score ? [markdownScore(report.summary.score)] : []), severityTable(report)];
  // As in the table: suppressed findings are counted, not listed; the JSON and SARIF reports keep them.
  const open = report.findings.filter((f) => f.suppression === undefined);
  const listed = open.slice(0, MARKDOWN_MAX_FINDINGS);
  if (options?.groupBy === 'control') {
    // A finding repeats under each of its controls; the cap above bounds the distinct findings listed.
    for (const g of controlGroups(listed, report.controls, options.frameworks)) blocks.push(`### ${markdownCode(g.key)} (${g.findings.length})\n\n${findingsTable(g.findings)}`);
  } else {
    for (const severity of SEVERITIES) {
      const group = listed.filter((f) => f.severity === severity);
      if (group.length > 0) blocks.push(`### ${SEVERITY_LABEL[severity]} (${report.summary.bySeverity[severity]})\n\n${findingsTable(group)}`);
    }
  }
  if (open.length > listed.length) {
    blocks.push(`_Only the ${listed.length} most severe of ${open.length} findings are listed; the JSON report has them all._`);
  }
  if (report.findings.length === 0 && report.skipped.length === 0) blocks.push('No findings: every evaluated rule passed.');
  else if (report.findings.length === 0) blocks.push('No findings in what could be read: **the run is incomplete** (see the skipped rules).');
  else if (open.length === 0) blocks.push('No open findings: every finding is suppressed.');
  if (report.summary.suppressed) blocks.push(`${plural(report.summary.suppressed, 'finding')} suppressed (not listed, not gated).`);
  if (report.skipped.length > 0) blocks.push(skippedBlock(report));
  if ((report.notJudged ?? []).length > 0) blocks.push(notJudgedBlock(report));
  return capMarkdown(`${blocks.join('\n\n')}\n`);
}

function header(report: ScanReport): string {
  const { summary } = report;
  const gate = markdownGate(summary.gate);
  const source = report.collection.source === 'live' ? '' : ` (${report.collection.source})`;
  return [
    `## auth0-scan: ${markdownText(tenantHeading(report.tenant))}${source}`,
    '',
    `**Gate: ${gate}** (fail-on \`${summary.gate.failOn}\`) · ${plural(summary.total, 'finding')} · ` +
      `${plural(summary.rulesEvaluated, 'rule')} evaluated, ${summary.rulesSkipped} skipped${summary.notJudged ? `, ${summary.notJudged} not judged` : ''} · ` +
      `auth0-scan ${markdownText(report.tool.version)}`,
  ].join('\n');
}

function severityTable(report: ScanReport): string {
  const rows = SEVERITIES.map((s) => `| ${SEVERITY_LABEL[s]} | ${report.summary.bySeverity[s]} |`);
  return ['| Severity | Findings |', '| --- | ---: |', ...rows, `| **Total** | **${report.summary.total}** |`].join('\n');
}

function findingsTable(group: readonly Finding[]): string {
  const withCount = group.some((f) => f.count !== undefined);
  const head = withCount ? '| Rule | Resource | Count | Message |\n| --- | --- | ---: | --- |' : '| Rule | Resource | Message |\n| --- | --- | --- |';
  const rows = group.map((f) => {
    const cells = [`${markdownCode(f.ruleId)}${f.baselineState === 'new' ? ' (new)' : ''}`, markdownText(resourceLabel(f.resource), Infinity)];
    if (withCount) cells.push(f.count === undefined ? '' : f.count.toLocaleString('en-US'));
    cells.push(markdownText(f.message));
    return `| ${cells.join(' | ')} |`;
  });
  return [head, ...rows].join('\n');
}

function skippedBlock(report: ScanReport): string {
  const rows = report.skipped.map((s) => {
    const scopes = s.missingScopes?.length ? s.missingScopes.map(markdownCode).join(', ') : '';
    return `| ${markdownCode(s.ruleId)} | ${markdownText(s.reason)} | ${scopes} |`;
  });
  return [
    `### Skipped rules (${report.skipped.length})`,
    '',
    'Not evaluated, so not passed: the data they need could not be read.',
    '',
    '| Rule | Reason | Missing scopes |',
    '| --- | --- | --- |',
    ...rows,
  ].join('\n');
}

function notJudgedBlock(report: ScanReport): string {
  const rows = (report.notJudged ?? []).flatMap((r) => {
    const more = r.count > r.resources.length ? [`| ${markdownCode(r.ruleId)} | _+${r.count - r.resources.length} more_ | |`] : [];
    return [...r.resources.map((x) => `| ${markdownCode(r.ruleId)} | ${markdownText(resourceLabel(x), Infinity)} | ${markdownText(x.reason)} |`), ...more];
  });
  return [
    `### Not judged (${report.summary.notJudged ?? 0})`,
    '',
    'Resources a rule could not judge (a field of a type it cannot read, or a field it requires is absent): neither found nor passed.',
    '',
    '| Rule | Resource | Why |',
    '| --- | --- | --- |',
    ...rows,
  ].join('\n');
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}
