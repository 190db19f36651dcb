import type { MultiTenantReport, RenderOptions } from '../model/report.js';
import { SEVERITIES } from '../model/severity.js';
import { scoreText } from '../score/score-text.js';
import { capMarkdown, MARKDOWN_MAX_BYTES } from './cap-markdown.js';
import { markdownGate } from './markdown-gate.js';
import { markdownScore } from './markdown-score.js';
import { markdownText } from './markdown-text.js';
import { plural, tenantHeading } from './multi-tenant-labels.js';
import { renderMarkdown } from './render-markdown.js';

/**
 * An overview table (one row per tenant, gate and counts), the tenants that could not be read, then each tenant's
 * own Markdown report as a section. Every piece of tenant text is escaped, and the whole document stays under
 * MARKDOWN_MAX_BYTES: the overview comes first, so a cut costs the last tenants' details, never their gates.
 */
export function renderMultiTenantMarkdown(report: MultiTenantReport, options?: Pick<RenderOptions, 'groupBy' | 'frameworks'>): string {
  const { summary } = report;
  const count = report.tenants.length + report.failed.length;
  const blocks = [
    [
      `## auth0-scan: ${plural(count, 'tenant')}`,
      '',
      `**Gate: ${markdownGate(summary.gate)}** (fail-on \`${summary.gate.failOn}\`) · ${plural(summary.total, 'finding')} · ` +
        `${report.failed.length > 0 ? `${report.failed.length} not read · ` : ''}auth0-scan ${markdownText(report.tool.version)}`,
    ].join('\n'),
    overview(report),
    ...(summary.score ? [markdownScore(summary.score, `the lowest tenant's, area by area${report.failed.length > 0 ? '; a tenant not read scores 0' : ''}`)] : []),
  ];
  if (report.failed.length > 0) {
    const rows = report.failed.map((f) => `| ${markdownText(tenantHeading(f.tenant))} | \`${f.code}\` | ${markdownText(f.message)} |`);
    blocks.push(['### Not read', '', 'No findings and no gate for these tenants.', '', '| Tenant | Error | Message |', '| --- | --- | --- |', ...rows].join('\n'));
  }
  // Sections past the cap are only named (capMarkdown lists them as cut): rendering them would be wasted work.
  let size = Buffer.byteLength(blocks.join('\n\n'));
  const sections = report.tenants.map((r) => {
    if (size > MARKDOWN_MAX_BYTES) return `## auth0-scan: ${markdownText(tenantHeading(r.tenant))}`;
    const section = renderMarkdown(r, options).trimEnd();
    size += Buffer.byteLength(section) + 2;
    return section;
  });
  return capMarkdown(`${[...blocks, ...sections].join('\n\n')}\n`);
}

function overview(report: MultiTenantReport): string {
  const head = `| Tenant | Gate | Score | ${SEVERITIES.map((s) => s.charAt(0).toUpperCase() + s.slice(1)).join(' | ')} | Skipped rules |`;
  const align = `| --- | --- | ---: | ${SEVERITIES.map(() => '---:').join(' | ')} | ---: |`;
  const rows = report.tenants.map((r) => {
    const counts = SEVERITIES.map((s) => String(r.summary.bySeverity[s]));
    const score = r.summary.score ? scoreText(r.summary.score.value) : '';
    return `| ${markdownText(tenantHeading(r.tenant))} | ${markdownGate(r.summary.gate).split(' ')[0]} | ${score} | ${counts.join(' | ')} | ${r.summary.rulesSkipped} |`;
  });
  const failed = report.failed.map((f) => `| ${markdownText(tenantHeading(f.tenant))} | not read | | ${SEVERITIES.map(() => '').join(' | ')} | |`);
  return [head, align, ...rows, ...failed].join('\n');
}
