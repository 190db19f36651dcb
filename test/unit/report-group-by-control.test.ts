import { describe, expect, it } from 'vitest';
import { controlGroups, UNMAPPED } from '../../src/report/control-groups.js';
import { renderJson } from '../../src/report/render-json.js';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import { renderTable } from '../../src/report/render-table.js';
import { aFinding, aReport } from '../report-builders.js';

const implicit = aFinding({ fingerprint: 'f-implicit' });
const password = aFinding({ ruleId: 'client-password-grant', fingerprint: 'f-password' });
const other = aFinding({ ruleId: 'tenant-support-contact-missing', resource: { type: 'tenant', id: 'tenant' }, fingerprint: 'f-other' });
const controls = {
  'client-implicit-grant': { asvs: ['V10.1.10', 'V10.1.2'], cis: ['16.1'] },
  'client-password-grant': { asvs: ['V10.1.2'] },
};
const report = { ...aReport({ findings: [implicit, password, other] }), controls };

describe('controlGroups', () => {
  it('puts a finding under every control of its rule, in framework then numeric id order, unmapped last', () => {
    const groups = controlGroups(report.findings, controls);
    expect(groups.map((g) => [g.key, g.findings.map((f) => f.fingerprint)])).toEqual([
      ['asvs:V10.1.2', ['f-implicit', 'f-password']],
      ['asvs:V10.1.10', ['f-implicit']],
      ['cis:16.1', ['f-implicit']],
      [UNMAPPED, ['f-other']],
    ]);
  });

  it('keeps only the frameworks asked for: a finding of none of them is unmapped', () => {
    const groups = controlGroups(report.findings, controls, ['cis']);
    expect(groups.map((g) => [g.key, g.findings.map((f) => f.fingerprint)])).toEqual([
      ['cis:16.1', ['f-implicit']],
      [UNMAPPED, ['f-password', 'f-other']],
    ]);
  });
});

describe('--group-by control in the reports', () => {
  it('JSON gains groups (control -> fingerprints) only when asked', () => {
    expect(JSON.parse(renderJson(report))).not.toHaveProperty('groups');
    const grouped = JSON.parse(renderJson(report, { groupBy: 'control', frameworks: ['cis'] })) as { groups: unknown };
    expect(grouped.groups).toEqual({ 'cis:16.1': ['f-implicit'], unmapped: ['f-password', 'f-other'] });
  });

  it('the table heads each control group and repeats a finding under each control', () => {
    const out = renderTable(report, { color: false, groupBy: 'control' });
    const headings = out.split('\n').filter((l) => l.startsWith('▌'));
    expect(headings).toEqual(['▌ asvs:V10.1.2 · 2 findings', '▌ asvs:V10.1.10 · 1 finding', '▌ cis:16.1 · 1 finding', '▌ unmapped · 1 finding']);
    expect(out.split('client-implicit-grant').length - 1).toBe(3);
    expect(renderTable(report, { color: false })).not.toContain('▌');
  });

  it('Markdown has one section per control instead of per severity', () => {
    const out = renderMarkdown(report, { groupBy: 'control' });
    expect(out).toContain('### `asvs:V10.1.2` (2)');
    expect(out).toContain('### `unmapped` (1)');
    expect(out).not.toContain('### High (');
    expect(renderMarkdown(report)).toContain('### High (');
  });
});
