import { readFileSync } from 'node:fs';
// The named export: under NodeNext the default import of this CommonJS module is not constructable for tsc.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { gateNotices } from '../../src/gate/gate-notices.js';
import { staleSuppressions } from '../../src/gate/stale-suppressions.js';
import { triageFindings } from '../../src/gate/triage-findings.js';
import type { FailOn } from '../../src/model/severity.js';
import { buildReport } from '../../src/report/build-report.js';
import { buildSarif } from '../../src/report/render-sarif.js';
import { renderTable } from '../../src/report/render-table.js';
import { aCollection, aFinding, anEvaluation, DOMAIN, fp, ruleDocs, aRuleDoc, rulesOf } from '../report-builders.js';

const readJson = (rel: string): object => JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as object;
const validateReport = new Ajv2020({ allErrors: true, validateFormats: false }).compile(readJson('../../schemas/report.schema.json'));
const validateSarif = new Ajv2020({ strict: false, allErrors: true, validateFormats: false }).compile(readJson('../fixtures/sarif-2.1.0.json'));

const high = aFinding({ resource: { type: 'clients', id: 'h1' }, fingerprint: fp('h1') });
const high2 = aFinding({ resource: { type: 'clients', id: 'h2' }, fingerprint: fp('h2') });
const low = aFinding({ severity: 'low', ruleId: 'tenant-flag', resource: { type: 'tenant', id: 'tenant' }, fingerprint: fp('low') });
const SCAN = '2026-11-20T09:00:00Z';
const entry = (resource: string, expires = '2099-01-01', at = 'ignore.yaml:2') => ({ entry: at, rule: 'client-*', resource, reason: 'accepted risk', expires });

function report(triage: ReturnType<typeof triageFindings>, failOn: FailOn = 'high') {
  const evaluation = anEvaluation({ findings: triage.findings });
  return buildReport({
    evaluation,
    rules: rulesOf(evaluation),
    suppressions: triage.suppressions,
    baseline: triage.baseline,
    collection: aCollection(),
    toolVersion: '0.1.0',
    startedAt: '2026-11-20T09:00:00.000Z',
    finishedAt: '2026-11-20T09:00:01.000Z',
    failOn,
  });
}

describe('the gate after suppressions and baselines', () => {
  it('does not count a suppressed finding: the only high one suppressed passes the gate', () => {
    const r = report(triageFindings({ findings: [high, low], tenant: DOMAIN, scanTime: SCAN, suppressions: { sources: ['ignore.yaml'], entries: [entry('h1')] } }));
    expect(r.summary.gate.passed).toBe(true);
    expect(r.summary.total).toBe(1);
    expect(r.summary.suppressed).toBe(1);
    expect(r.summary.bySeverity).toEqual({ critical: 0, high: 0, medium: 0, low: 1, info: 0 });
    // Still in the document, marked.
    expect(r.findings.map((f) => [f.resource.id, f.suppression?.reason])).toEqual([['h1', 'accepted risk'], ['tenant', undefined]]);
    expect(validateReport(r), JSON.stringify(validateReport.errors)).toBe(true);
  });

  it('fails when another high finding is not covered, or the entry has expired', () => {
    const two = report(triageFindings({ findings: [high, high2], tenant: DOMAIN, scanTime: SCAN, suppressions: { sources: ['i'], entries: [entry('h1')] } }));
    expect(two.summary.gate.passed).toBe(false);
    const expired = report(triageFindings({ findings: [high], tenant: DOMAIN, scanTime: SCAN, suppressions: { sources: ['i'], entries: [entry('h1', '2026-11-19')] } }));
    expect(expired.summary.gate.passed).toBe(false);
    expect(expired.summary.suppressed).toBe(0);
    expect(expired.suppressions?.expired.map((e) => e.entry)).toEqual(['ignore.yaml:2']);
    expect(staleSuppressions(expired).map((e) => e.expires)).toEqual(['2026-11-19']);
    expect(gateNotices(expired)).toEqual([
      'warning: suppression ignore.yaml:2 (rule client-*, resource h1) expired (expires 2026-11-19): it no longer suppresses anything',
    ]);
  });

  it('with a baseline counts only new findings', () => {
    const baseline = { schemaVersion: '1.0', tenant: { domain: DOMAIN }, findings: [{ ruleId: high.ruleId, resource: { type: 'clients' as const, id: 'h1' }, fingerprint: high.fingerprint }] };
    const known = report(triageFindings({ findings: [high, low], tenant: DOMAIN, scanTime: SCAN, baseline: { path: 'b.json', doc: baseline } }));
    expect(known.summary.gate.passed).toBe(true);
    expect(known.summary.total).toBe(2);
    expect(known.baseline).toEqual({ path: 'b.json', new: 1, unchanged: 1, fixed: [] });
    expect(validateReport(known), JSON.stringify(validateReport.errors)).toBe(true);
    const fresh = report(triageFindings({ findings: [high, high2], tenant: DOMAIN, scanTime: SCAN, baseline: { path: 'b.json', doc: baseline } }));
    expect(fresh.summary.gate.passed).toBe(false);
    expect(fresh.findings.map((f) => f.baselineState)).toEqual(['unchanged', 'new']);
    expect(gateNotices(fresh, 'other.eu.auth0.com')).toEqual(['warning: baseline b.json is for other.eu.auth0.com, not acme.eu.auth0.com: every finding is new']);
  });

  it('the schema rejects a malformed suppression mark', () => {
    const r = report(triageFindings({ findings: [high], tenant: DOMAIN, scanTime: SCAN, suppressions: { sources: ['i'], entries: [entry('h1')] } }));
    const broken = structuredClone(r);
    const first = broken.findings[0];
    if (first?.suppression) first.suppression.expires = 'next year';
    expect(validateReport(broken)).toBe(false);
  });

  it('SARIF marks suppressed results as externally suppressed, with the baseline state, and stays valid', () => {
    const baseline = { schemaVersion: '1.0', tenant: { domain: DOMAIN }, findings: [] };
    const r = report(
      triageFindings({ findings: [high, high2], tenant: DOMAIN, scanTime: SCAN, suppressions: { sources: ['i'], entries: [entry('h1')] }, baseline: { path: 'b', doc: baseline } }),
    );
    const log = buildSarif(r, { rules: ruleDocs(aRuleDoc()) });
    const results = log.runs[0].results;
    // Suppressed results go after open ones of the same severity.
    expect(results.map((x) => x.locations[0]?.logicalLocations[0]?.fullyQualifiedName)).toEqual(['clients/h2', 'clients/h1']);
    expect(results[1]?.suppressions).toEqual([{ kind: 'external', justification: 'accepted risk (until 2099-01-01; ignore.yaml:2)' }]);
    expect(results[0]?.suppressions).toBeUndefined();
    expect(results.map((x) => x.baselineState)).toEqual(['new', 'new']);
    expect(validateSarif(JSON.parse(JSON.stringify(log))), JSON.stringify(validateSarif.errors)).toBe(true);
  });

  it('the table leaves suppressed findings out of the lists and prints one line of counts each', () => {
    const baseline = { schemaVersion: '1.0', tenant: { domain: DOMAIN }, findings: [
        { ruleId: 'gone-rule', resource: { type: 'clients' as const, id: 'x' }, fingerprint: fp('x') },
        { ruleId: high.ruleId, resource: { type: 'clients' as const, id: 'h1' }, fingerprint: high.fingerprint },
      ] };
    const r = report(
      triageFindings({
        findings: [high, high2, low],
        tenant: DOMAIN,
        scanTime: SCAN,
        suppressions: { sources: ['i'], entries: [entry('h1'), entry('nothing', '2099-01-01', 'ignore.yaml:7')] },
        baseline: { path: 'b.json', doc: baseline },
      }),
    );
    const text = renderTable(r, { color: false, details: true });
    expect(text).toContain('clients/h2');
    expect(text).not.toContain('clients/h1');
    const grouped = renderTable(r, { color: false });
    for (const t of [text, grouped]) {
      expect(t).not.toContain('h1');
      expect(t).toContain('Suppressions: 1 finding suppressed (not listed, not gated) · entries 1 unused');
      expect(t).toContain('Baseline b.json: 2 new · 1 unchanged · 1 fixed (the gate counts new findings only)');
      const summary = (t.trimEnd().split('\n\n').at(-1) ?? '').split('\n').join(' ');
      expect(summary).toContain('2 findings (1 high, 1 low) + 1 suppressed');
      expect(summary).toContain('gate: FAILED (fail-on high, new findings only)');
    }
    // --details marks new findings in the rule column (one of them wraps onto its own line) ...
    expect(text).toContain('tenant-flag (new)');
    expect(text.match(/\(new\)/g)).toHaveLength(2);
    // ... the grouped table counts them under each rule's count.
    expect(grouped).toMatch(/│ h2\s+│/);
    expect(grouped.match(/│ \(1 new\) │/g)).toHaveLength(2);
  });

  it('a report without suppressions or baseline has neither section nor count', () => {
    const r = report(triageFindings({ findings: [high], tenant: DOMAIN, scanTime: SCAN }));
    expect(r).not.toHaveProperty('suppressions');
    expect(r).not.toHaveProperty('baseline');
    expect(r.summary).not.toHaveProperty('suppressed');
    expect(renderTable(r, { color: false })).not.toContain('Suppressions:');
  });
});
