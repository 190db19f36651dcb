import { describe, expect, it } from 'vitest';
import { diffReports } from '../../src/diff/diff-reports.js';
import { newFindingsGate } from '../../src/diff/new-findings-gate.js';
import { renderReportDiffMarkdown } from '../../src/diff/render-report-diff-markdown.js';
import { renderReportDiffText } from '../../src/diff/render-report-diff-text.js';
import { multiTenantReportForDiff, singleReportForDiff, type ReportForDiff } from '../../src/diff/report-for-diff.js';
import { multiTenantInputSchema, reportInputSchema } from '../../src/diff/report-input-schema.js';
import type { Finding, SkippedRule } from '../../src/model/finding.js';
import type { ScanReport } from '../../src/model/report.js';
import { buildMultiTenantReport } from '../../src/report/build-multi-tenant-report.js';
import { aFinding, aReport, aSkipped, aSummaryFinding, aTenantReport, DOMAIN, fp } from '../report-builders.js';

function asInput(findings: Finding[], skipped: SkippedRule[] = []): ReportForDiff {
  // Through JSON and the schema, as the command reads a report file.
  return singleReportForDiff(reportInputSchema.parse(JSON.parse(JSON.stringify(aReport({ findings, skipped })))));
}

const kept = aFinding({ resource: { type: 'clients', id: 'kept', name: 'Kept' } });
const fixedOne = aFinding({ severity: 'medium', ruleId: 'client-callback-wildcard', resource: { type: 'clients', id: 'gone' } });
const moved = aFinding({ severity: 'low', ruleId: 'client-cross-origin-auth', resource: { type: 'clients', id: 'm' }, message: 'old text', evidence: { a: 1, b: [1, 2] } });
const usersBefore = aSummaryFinding({ count: 10, message: '10 users have no MFA.' });

const oldReport = asInput([kept, fixedOne, moved, usersBefore]);
const newReport = asInput([
  kept,
  { ...moved, severity: 'high', message: 'new text', evidence: { b: [1, 2], a: 2 } },
  { ...usersBefore, count: 12, message: '12 users have no MFA.' },
  aFinding({ severity: 'critical', ruleId: 'grant-mgmt-api-non-m2m', resource: { type: 'client_grants', id: 'g1' } }),
  aFinding({ severity: 'low', ruleId: 'client-oidc-nonconformant', resource: { type: 'clients', id: 'n2' } }),
]);

describe('diffReports', () => {
  const diff = diffReports(oldReport, newReport);

  it('finds new and fixed findings by fingerprint, most severe first', () => {
    expect(diff.added.map((f) => [f.severity, f.ruleId, f.resource.id])).toEqual([
      ['critical', 'grant-mgmt-api-non-m2m', 'g1'],
      ['low', 'client-oidc-nonconformant', 'n2'],
    ]);
    expect(diff.fixed.map((f) => f.resource.id)).toEqual(['gone']);
    expect(diff.unchanged).toBe(1);
    expect(diff.old.total).toBe(4);
    expect(diff.new.total).toBe(5);
  });

  it('reports a finding whose severity, message, evidence or count moved as changed, not fixed + new', () => {
    expect(diff.changed.map((c) => [c.ruleId, c.fields])).toEqual([
      ['client-cross-origin-auth', ['severity', 'message', 'evidence']],
      ['users-without-mfa', ['message', 'count']],
    ]);
    const c = diff.changed[0];
    expect(c?.before).toMatchObject({ severity: 'low', message: 'old text' });
    expect(c?.after).toMatchObject({ severity: 'high', message: 'new text' });
  });

  it('ignores key order in evidence', () => {
    const a = asInput([aFinding({ evidence: { x: 1, y: { p: 1, q: 2 } } })]);
    const b = asInput([aFinding({ evidence: { y: { q: 2, p: 1 }, x: 1 } })]);
    expect(diffReports(a, b)).toMatchObject({ added: [], fixed: [], changed: [], unchanged: 1 });
  });

  it('gates on new findings at or above the threshold only', () => {
    expect(newFindingsGate(diff, 'critical')).toEqual({ failOnNew: 'critical', passed: false, failing: 1 });
    expect(newFindingsGate(diff, 'low')).toEqual({ failOnNew: 'low', passed: false, failing: 2 });
    // The changed finding became high, but it is not new.
    const onlyChanged = diffReports(oldReport, asInput([kept, { ...moved, severity: 'critical' }]));
    expect(newFindingsGate(onlyChanged, 'info').passed).toBe(true);
  });

  it('does not gate on a new finding that a suppression entry covers', () => {
    const suppression = { reason: 'accepted', expires: '2099-01-01', entry: 'ignore.yaml:1' };
    const d = diffReports(asInput([]), asInput([aFinding({ severity: 'critical', suppression })]));
    expect(d.added).toHaveLength(1);
    expect(newFindingsGate(d, 'info')).toEqual({ failOnNew: 'info', passed: true, failing: 0 });
    expect(renderReportDiffText(d)).toContain('CRITICAL client-implicit-grant (suppressed)  clients/Storefront');
  });

  it('renders text and markdown with every section and the gate', () => {
    const gate = newFindingsGate(diff, 'high');
    const text = renderReportDiffText(diff, gate);
    expect(text).toContain('New findings (2)\n  CRITICAL grant-mgmt-api-non-m2m  client_grants/g1');
    expect(text).toContain('Fixed findings (1)\n  MEDIUM   client-callback-wildcard  clients/gone');
    expect(text).toContain('  LOW → HIGH client-cross-origin-auth  clients/m  (severity, message, evidence changed)\n      was: old text\n      now: new text');
    expect(text.trimEnd().split('\n').at(-1)).toBe('2 new (1 critical, 1 low), 1 fixed, 2 changed, 1 unchanged · fail-on-new high: FAILED (1 new at or above high)');
    const md = renderReportDiffMarkdown(diff, gate);
    expect(md).toContain('### New findings (2)');
    expect(md).toContain('| critical | `grant-mgmt-api-non-m2m` | client\\_grants/g1 |');
    expect(md).toContain('| low → high | `client-cross-origin-auth` | clients/m | severity, message, evidence | old text → new text |');
  });

  it('escapes tenant text in both renderings', () => {
    const hostile = asInput([aFinding({ resource: { type: 'clients', id: 'x', name: '<b>x</b>|y' }, message: 'm\u001b[2J\nnext' })]);
    const d = diffReports(asInput([]), hostile);
    expect(renderReportDiffText(d)).not.toContain('\u001b');
    expect(renderReportDiffText(d)).toContain('m\\x1b[2J next');
    expect(renderReportDiffMarkdown(d)).toContain('clients/\\<b\\>x\\</b\\>\\|y');
  });

  it('says so when nothing differs', () => {
    const same = diffReports(oldReport, oldReport);
    expect(same).toMatchObject({ added: [], fixed: [], changed: [], unchanged: 4 });
    expect(renderReportDiffText(same)).toContain('No differences in findings.');
  });
});

describe('diffReports when NEW could not check everything', () => {
  const BETA = 'beta.us.auth0.com';
  const onTenant = (domain: string, id: string, ruleId = 'client-implicit-grant'): Finding =>
    aFinding({ ruleId, resource: { type: 'clients', id }, fingerprint: fp(ruleId, domain, 'clients', id) });
  const multi = (reports: ScanReport[], failed: string[] = []): ReportForDiff =>
    multiTenantReportForDiff(
      multiTenantInputSchema.parse(
        JSON.parse(
          JSON.stringify(
            buildMultiTenantReport({
              reports,
              failed: failed.map((domain) => ({ tenant: { domain }, code: 'AUTH', message: 'Could not get a token.' })),
              rules: [],
              toolVersion: '0.1.0',
              startedAt: '2025-01-02T03:04:05.000Z',
              finishedAt: '2025-01-02T03:04:07.000Z',
              failOn: 'high',
            }),
          ),
        ),
      ),
    );

  it('calls a finding whose rule was skipped in NEW "not re-checked", not fixed', () => {
    const logStream = aFinding({ ruleId: 'log-stream-configured', resource: { type: 'tenant', id: 'tenant' } });
    const d = diffReports(asInput([kept, logStream]), asInput([kept], [aSkipped({ ruleId: 'log-stream-configured' })]));
    expect(d.fixed).toEqual([]);
    expect(d.notRechecked.map((f) => f.ruleId)).toEqual(['log-stream-configured']);
    const text = renderReportDiffText(d);
    expect(text).toContain('Not re-checked: rule skipped or tenant not read in NEW (1)\n  HIGH     log-stream-configured  tenant  ');
    expect(text.trimEnd().split('\n').at(-1)).toBe('0 new, 0 fixed, 1 not re-checked, 0 changed, 1 unchanged');
    expect(renderReportDiffMarkdown(d)).toContain('### Not re-checked (rule skipped or tenant not read in NEW) (1)');
    // The same finding gone while its rule ran is fixed.
    expect(diffReports(asInput([kept, logStream]), asInput([kept])).fixed.map((f) => f.ruleId)).toEqual(['log-stream-configured']);
  });

  it('compares multi-tenant reports tenant by tenant; a tenant NEW could not read fixes nothing', () => {
    const before = multi([aTenantReport(DOMAIN, [onTenant(DOMAIN, 'a1'), onTenant(DOMAIN, 'a2')]), aTenantReport(BETA, [onTenant(BETA, 'b1')])]);
    const after = multi([aTenantReport(DOMAIN, [onTenant(DOMAIN, 'a1'), onTenant(DOMAIN, 'a3')])], [BETA]);
    const d = diffReports(before, after);
    expect(d.added.map((f) => f.resource.id)).toEqual(['a3']);
    expect(d.fixed.map((f) => f.resource.id)).toEqual(['a2']);
    expect(d.notRechecked.map((f) => `${f.tenant} ${f.resource.id}`)).toEqual([`${BETA} b1`]);
    expect(d.unchanged).toBe(1);
    expect(d.old.domain).toBe(`${DOMAIN}, ${BETA}`);
    expect(d.new.domain).toBe(`${DOMAIN}, ${BETA}`);
  });

  it('a single-tenant report against a multi-tenant one matches the shared tenant by fingerprint', () => {
    const single = singleReportForDiff(reportInputSchema.parse(JSON.parse(JSON.stringify(aTenantReport(DOMAIN, [onTenant(DOMAIN, 'a1')])))));
    const both = multi([aTenantReport(DOMAIN, [onTenant(DOMAIN, 'a1')]), aTenantReport(BETA, [onTenant(BETA, 'b1')])]);
    const grew = diffReports(single, both);
    expect(grew.added.map((f) => f.resource.id)).toEqual(['b1']);
    expect(grew.unchanged).toBe(1);
    // Going back, beta was not read by NEW: its finding is not called fixed.
    expect(diffReports(both, single)).toMatchObject({ fixed: [], unchanged: 1 });
    expect(diffReports(both, single).notRechecked.map((f) => f.resource.id)).toEqual(['b1']);
  });
});
