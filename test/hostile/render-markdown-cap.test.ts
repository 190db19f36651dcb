import { describe, expect, it } from 'vitest';
import { buildMultiTenantReport } from '../../src/report/build-multi-tenant-report.js';
import { capMarkdown, MARKDOWN_MAX_BYTES } from '../../src/report/cap-markdown.js';
import { MARKDOWN_MAX_TEXT } from '../../src/report/markdown-text.js';
import { MARKDOWN_MAX_FINDINGS, renderMarkdown } from '../../src/report/render-markdown.js';
import { renderMultiTenantMarkdown } from '../../src/report/render-multi-markdown.js';
import { aFinding, aReport, aSkipped, aTenantReport, fp } from '../report-builders.js';

const MIB = 1024 * 1024;
const MB = 1_000_000;

// Text that grows the most when escaped: every ESC becomes `\\x1b` (5 bytes), every emoji is 4 bytes.
const EXPANDING = '\u001b😀<'.repeat(MB / 3);

function heavyFindings(n: number) {
  return Array.from({ length: n }, (_, i) =>
    aFinding({ resource: { type: 'clients', id: `c${i}`, name: EXPANDING }, message: EXPANDING, fingerprint: fp(String(i)) }),
  );
}

const heavySkipped = Array.from({ length: 400 }, (_, i) => aSkipped({ ruleId: `rule-${i}`, reason: EXPANDING }));

describe('Markdown stays under GitHub limits whatever the tenant holds', () => {
  it('bounds every cell: two 1 MB names make a small document', () => {
    const md = renderMarkdown(aReport({ findings: heavyFindings(2) }));
    expect(Buffer.byteLength(md)).toBeLessThan(65_536);
    expect(md).toMatch(/… \([\d,]+ characters\) \|/);
  });

  it('caps the whole document below 1 MiB and ends with a line saying what was cut', () => {
    const md = renderMarkdown(aReport({ findings: heavyFindings(MARKDOWN_MAX_FINDINGS + 10), skipped: heavySkipped }));
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(MARKDOWN_MAX_BYTES);
    expect(Buffer.byteLength(md)).toBeLessThan(MIB);
    const last = md.trimEnd().split('\n').at(-1) ?? '';
    expect(last).toMatch(/^_Cut to stay under 1,000,000 bytes \(GitHub refuses job summaries above 1 MiB\): [\d,]+ more lines left out, from within ".+"; the JSON report has everything\._$/);
    expect(last).toContain('from within "Skipped rules (400)"');
    // The summary at the top survives any cut.
    expect(md).toContain('| **Total** | **210** |');
  });

  it('caps a multi-tenant document too, naming the tenants whose sections were cut', () => {
    // Each section well under the cap, so the cut falls deep inside one (not at a few hundred bytes from its top).
    const reports = ['a', 'b', 'c', 'd', 'e', 'f'].map((t) => aTenantReport(`${t}.example.com`, heavyFindings(MARKDOWN_MAX_FINDINGS / 2), { skipped: heavySkipped.slice(0, 300) }));
    const report = buildMultiTenantReport({ reports, failed: [], rules: [], toolVersion: '0.1.0', startedAt: '2025-01-02T03:04:00.000Z', finishedAt: '2025-01-02T03:04:07.000Z', failOn: 'high' });
    const md = renderMultiTenantMarkdown(report);
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(MARKDOWN_MAX_BYTES);
    const last = md.trimEnd().split('\n').at(-1) ?? '';
    expect(last).toMatch(/^_Cut to stay under /);
    // The cut falls in one tenant's section and names it; the tenants after it are named as left out.
    const cutIn = ['a', 'b', 'c', 'd', 'e', 'f'].findLast((t) => md.includes(`## auth0-scan: ${t}.example.com\n`)) ?? '';
    const next = String.fromCharCode(cutIn.charCodeAt(0) + 1);
    expect(last).toContain(`from within "auth0-scan: ${cutIn}.example.com" › "`);
    expect(last).toContain(`and the section${next === 'f' ? '' : 's'} "auth0-scan: ${next}.example.com"`);
    // Every tenant's gate is in the overview, which comes first.
    for (const t of ['a', 'b', 'c', 'd', 'e', 'f']) expect(md).toContain(`| ${t}.example.com |`);
  });

  it('cuts at a line boundary, never inside a multi-byte character or an escape', () => {
    const doc = `# Title\n\n${Array.from({ length: 1_000 }, (_, i) => `| row ${i} | ${'é😀'.repeat(100)} |`).join('\n')}\n`;
    const capped = capMarkdown(doc, 100_000);
    expect(Buffer.byteLength(capped)).toBeLessThanOrEqual(100_000);
    const lines = capped.trimEnd().split('\n');
    for (const line of lines.slice(2, -2)) expect(line).toMatch(/^\| row \d+ \| (é😀){100} \|$/);
    expect(lines.at(-1)).toMatch(/: \d+ more lines left out; the JSON report has everything\._$/);
    expect(capMarkdown(doc)).toBe(doc);
  });

  it('keeps the per-cell bound', () => {
    expect(MARKDOWN_MAX_TEXT).toBeLessThanOrEqual(1_000);
  });
});
