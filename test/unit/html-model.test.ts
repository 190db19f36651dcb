import { describe, expect, it } from 'vitest';
import type { ScanReport } from '../../src/model/report.js';
import { htmlDocumentModel } from '../../src/report/html/html-document-model.js';
import { aFinding, aReport, aRuleDoc, aSkipped, aSummaryFinding, DOMAIN, fp, ruleDocs } from '../report-builders.js';

const model = (report: ScanReport, docs = ruleDocs(aRuleDoc())) => htmlDocumentModel({ tenants: [{ report }], failed: [], rules: docs, toolVersion: '9.9.9' });

describe('the HTML report model', () => {
  it('keeps every finding once, with the rule text once per rule rather than per finding', () => {
    const findings = [aFinding(), aFinding({ resource: { type: 'clients', id: 'def456', name: 'Admin' }, fingerprint: fp('x', 'def456') })];
    const doc = model(aReport({ findings }));
    const t = doc.tenants[0];
    expect(t?.findings.map((f) => f.i)).toEqual(['abc123', 'def456']);
    expect(t?.findings.map((f) => f.f)).toEqual(findings.map((f) => f.fingerprint));
    const rule = doc.rules.find((r) => r.id === 'client-implicit-grant');
    expect(rule).toMatchObject({ known: true, area: 'applications', rationale: 'Tokens in URLs leak through history, logs and referrers.' });
    // The builder's finding remediation differs from the doc's: kept on the finding, since it is not the rule's.
    expect(t?.findings[0]?.fix).toBe('Switch the application to the authorization code flow with PKCE.');
    const same = model(aReport({ findings }), ruleDocs(aRuleDoc({ remediation: 'Switch the application to the authorization code flow with PKCE.' })));
    expect(same.tenants[0]?.findings[0]?.fix).toBeUndefined();
  });

  it('marks suppressed, baseline-accepted and new findings apart', () => {
    const findings = [
      aFinding({ fingerprint: fp('1'), suppression: { reason: 'legacy', expires: '2030-01-01', entry: '.auth0-scan-ignore.yaml:3' } }),
      aFinding({ fingerprint: fp('2'), resource: { type: 'clients', id: 'b' }, baselineState: 'unchanged' }),
      aFinding({ fingerprint: fp('3'), resource: { type: 'clients', id: 'c' }, baselineState: 'new' }),
      aFinding({ fingerprint: fp('4'), resource: { type: 'clients', id: 'd' } }),
    ];
    const states = model(aReport({ findings })).tenants[0]?.findings.map((f) => [f.i, f.st]);
    expect(Object.fromEntries(states ?? [])).toEqual({ abc123: 'suppressed', b: 'accepted', c: 'new', d: 'open' });
  });

  it('neutralises hostile tenant text and keeps only http(s) references', () => {
    const hostile = aFinding({
      resource: { type: 'clients', id: 'id\u202E<script>', name: '<img src=x onerror=alert(1)>\u0000\u2066' },
      message: 'javascript:alert(1) \u2028 next',
      evidence: { 'callbacks\u202E': ['javascript:alert(1)'] },
    });
    const docs = ruleDocs(aRuleDoc({ references: ['javascript:alert(1)', 'https://auth0.com/docs/ok', 'data:text/html,x'], title: 'T\u202Eitle' }));
    const doc = model(aReport({ findings: [hostile] }), docs);
    const f = doc.tenants[0]?.findings[0];
    expect(f?.i).toBe('id\\u{202e}<script>');
    expect(f?.n).toBe('<img src=x onerror=alert(1)>\\x00\\u{2066}');
    expect(f?.m).toBe('javascript:alert(1) \\u{2028} next');
    expect(f?.e).toEqual([['callbacks\\u{202e}', '["javascript:alert(1)"]']]);
    const rule = doc.rules[0];
    expect(rule?.references).toEqual(['https://auth0.com/docs/ok']);
    expect(rule?.title).toBe('T\\u{202e}itle');
  });

  it('says a rule is unknown when its documentation is not available, from what its findings say', () => {
    const custom = aFinding({ ruleId: 'acme-custom', title: 'Custom title', category: 'house-rules', remediation: 'Do the thing.' });
    const doc = model(aReport({ findings: [custom], skipped: [aSkipped()] }), new Map());
    expect(doc.rules.find((r) => r.id === 'acme-custom')).toMatchObject({ known: false, title: 'Custom title', area: 'other', remediation: 'Do the thing.' });
    expect(doc.rules.find((r) => r.id === 'log-stream-configured')).toMatchObject({ known: false });
    expect(doc.tenants[0]?.skipped).toEqual([{ ruleId: 'log-stream-configured', reason: aSkipped().reason, kinds: ['log_streams'], missingScopes: ['read:log_streams'] }]);
  });

  it('carries the score when the report has one, and none when it predates it', () => {
    const report = aReport({ findings: [aFinding(), aSummaryFinding()] });
    const score = { formula: 'auth0-scan-score/1' as const, value: 61, areas: [{ area: 'applications' as const, value: 40, rulesCounted: 5, rulesPassed: 2, rulesFailed: 3, rulesSkipped: 0 }] };
    const withScore = model({ ...report, summary: { ...report.summary, score } }).tenants[0];
    expect(withScore?.score).toEqual({ formula: 'auth0-scan-score/1', value: 61, areas: [{ area: 'applications', value: 40, counted: 5, passed: 2, failed: 3, skipped: 0 }] });
    const { score: _dropped, ...older } = report.summary;
    expect(model({ ...report, summary: older }).tenants[0]?.score).toBeUndefined();
  });

  it('lists coverage per kind and counts summary findings with their sample', () => {
    const t = model(aReport({ findings: [aSummaryFinding()], collection: { kinds: { users: { status: 'ok', count: 1204 }, log_streams: { status: 'forbidden', count: 0, missingScopes: ['read:log_streams'] } } } })).tenants[0];
    expect(t?.coverage).toEqual([
      { kind: 'users', status: 'ok', count: 1204 },
      { kind: 'log_streams', status: 'forbidden', count: 0, missingScopes: ['read:log_streams'] },
    ]);
    expect(t?.findings[0]).toMatchObject({ c: 1204, sm: ['auth0|0001', 'auth0|0002'], k: 'users', i: 'users' });
    expect(t?.domain).toBe(DOMAIN);
  });
});
