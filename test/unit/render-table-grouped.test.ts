import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import type { PostureScore } from '../../src/model/posture-score.js';
import type { ScanReport } from '../../src/model/report.js';
import { renderTable, summaryLine } from '../../src/report/render-table.js';
import { aFinding, aReport, aSummaryFinding, fp } from '../report-builders.js';

/** `n` findings of one rule, on clients named `App <i>` with ids `cli_<rule>_<i>`. */
function findingsOf(ruleId: string, n: number, overrides: Partial<Finding> = {}): Finding[] {
  return Array.from({ length: n }, (_, i) => {
    const id = `cli_${ruleId}_${String(i).padStart(3, '0')}`;
    return aFinding({ ruleId, title: `Title of ${ruleId}`, resource: { type: 'clients', id, name: `App ${i}` }, fingerprint: fp(ruleId, id), ...overrides });
  });
}

/** The rule ids in the order their rows appear (first line of each row of the grouped table). */
function rowRules(text: string): string[] {
  return [...text.matchAll(/^├[─┼]+┤\n│ ([a-z0-9-]+) /gm)].map((m) => m[1] ?? '');
}

const lastParagraph = (text: string) => (text.trimEnd().split('\n\n').at(-1) ?? '').split('\n').join(' ');

const score = (value: number | null): PostureScore => ({ formula: 'auth0-scan-score/1', value, areas: [] });
const withScore = (report: ScanReport, s: PostureScore | undefined): ScanReport => {
  const { score: _old, ...summary } = report.summary;
  return { ...report, summary: s === undefined ? summary : { ...summary, score: s } };
};

describe('the grouped table (the default)', () => {
  const report = aReport({
    findings: [
      ...findingsOf('high-few', 2, { severity: 'high' }),
      ...findingsOf('high-many', 7, { severity: 'high' }),
      ...findingsOf('b-tie', 3, { severity: 'medium' }),
      ...findingsOf('a-tie', 3, { severity: 'medium' }),
      ...findingsOf('crit-one', 1, { severity: 'critical' }),
      aSummaryFinding({ severity: 'medium', count: 5, sample: ['auth0|u1', 'auth0|u2', 'auth0|u3', 'auth0|u4'] }),
    ],
  });
  const text = renderTable(report, { color: false });

  it('has one row per failing rule, ordered by severity, then count (most first), then rule id', () => {
    expect(rowRules(text)).toEqual(['crit-one', 'high-many', 'high-few', 'users-without-mfa', 'a-tie', 'b-tie']);
    expect(text.split('\n').filter((l) => /^(CRITICAL|HIGH|MEDIUM) · /.test(l))).toEqual(['CRITICAL · 1 finding', 'HIGH · 9 findings', 'MEDIUM · 7 findings']);
    // Each rule once: no per-finding rows.
    expect(text.match(/│ high-many /g)).toHaveLength(1);
  });

  it('shows the rule title, the count, the first three resources by name and id, and "+N more"', () => {
    const row = text.slice(text.indexOf('│ high-many'), text.indexOf('│ high-few'));
    expect(row).toMatch(/│ high-many\s+│\s+7 │ App 0 \(cli_high-many_000\)\s+│/);
    expect(row).toMatch(/│ Title of high-many\s+│\s+│ App 1 \(cli_high-many_001\)\s+│/);
    expect(row).toContain('App 2 (cli_high-many_002)');
    expect(row).not.toContain('App 3');
    expect(row).toMatch(/│ \+4 more\s+│/);
    // All resources shown: no "+N more".
    const few = text.slice(text.indexOf('│ high-few'), text.indexOf('MEDIUM ·'));
    expect(few).toContain('App 1 (cli_high-few_001)');
    expect(few).not.toContain('more');
  });

  it('counts the resources of a summary finding and names its sample ids', () => {
    const row = text.slice(text.indexOf('│ users-without-mfa'), text.indexOf('│ a-tie'));
    expect(row).toMatch(/│ users-without-mfa\s+│\s+5 │ auth0\|u1\s+│/);
    expect(row).toContain('auth0|u3');
    expect(row).not.toContain('auth0|u4');
    expect(row).toMatch(/│ \+2 more\s+│/);
  });

  it('leaves suppressed findings out of the rows and the counts', () => {
    const suppression = { reason: 'accepted', expires: '2099-01-01', entry: 'i.yaml:2' };
    const r = aReport({ findings: [...findingsOf('mixed', 2), ...findingsOf('mixed', 3).slice(2).map((f) => ({ ...f, suppression }))] });
    const t = renderTable(r, { color: false });
    expect(t).toMatch(/│ mixed\s+│\s+2 │/);
    expect(t).not.toContain('cli_mixed_002');
  });

  it('ends with the summary line, the score first when the report has one', () => {
    expect(lastParagraph(renderTable(withScore(report, score(62)), { color: false }))).toMatch(/^Score 62\/100 · 17 findings \(1 critical, 9 high, 7 medium\) · 40 rules evaluated, 0 skipped · gate: FAILED \(fail-on high\)$/);
    expect(summaryLine(withScore(report, score(null)))).toMatch(/^Score n\/a · 17 findings/);
    // A report written before the score existed: the line starts with the findings, as it always did.
    const old = withScore(report, undefined);
    expect(summaryLine(old)).toBe('17 findings (1 critical, 9 high, 7 medium) · 40 rules evaluated, 0 skipped · gate: FAILED (fail-on high)');
    expect(lastParagraph(renderTable(old, { color: false }))).toBe(summaryLine(old));
    expect(renderTable(old, { color: false })).not.toContain('Score');
  });

  it('--details lists every finding, one row each', () => {
    const details = renderTable(report, { color: false, details: true });
    for (const f of report.findings) {
      if (f.count === undefined) expect(details, f.resource.id).toMatch(new RegExp(`│ ${f.ruleId}\\s+│ clients/${f.resource.name ?? ''} \\(${f.resource.id}\\)\\s+│ ${f.message.split(' ')[0] ?? ''} `));
    }
    expect(details.split('\n').filter((l) => /^│ [a-z]/.test(l) && !l.startsWith('│ Rule'))).toHaveLength(report.findings.length);
    expect(details).toMatch(/│ users-without-mfa\s+│ users \(5\)\s+│/);
    expect(details).not.toContain('more');
  });
});

describe('ids in the grouped table are never cut', () => {
  const longId = `samlp|corp-directory|${'employee.'.repeat(4)}someone@example-corporation.com`;
  const report = aReport({
    findings: [
      aFinding({ resource: { type: 'users', id: longId, name: 'Someone' }, fingerprint: fp('long') }),
      aFinding({ resource: { type: 'users', id: 'auth0|short', name: 'Short' }, fingerprint: fp('short') }),
    ],
  });

  it('shows an id whole on one line, or leaves the resource to "+N more"', () => {
    expect(longId.length).toBeGreaterThan(48);
    for (const width of [45, 60, 80, 100, 200]) {
      const text = renderTable(report, { color: false, width });
      const shown = text.includes(longId);
      // Never a piece of it: the distinctive middle appears only inside the whole id.
      expect(text.split('employee.').length - 1, `width ${width}`).toBe(shown ? 4 : 0);
      if (!shown) expect(text, `width ${width}`).toContain('+1 more');
      expect(text).toContain('(auth0|short)');
    }
    // Wide enough, it is shown; the stacked layout at 45 columns shows it on its own line.
    expect(renderTable(report, { color: false, width: 200 })).toContain(`Someone (${longId})`);
    expect(renderTable(report, { color: false, width: 45 }).split('\n').map((l) => l.trim())).toContain(`(${longId})`);
  });
});
