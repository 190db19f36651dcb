import { describe, expect, it } from 'vitest';
import type { FailOn } from '../../src/model/severity.js';
import { buildReport, gatePassed } from '../../src/report/build-report.js';
import { aCollection, aFinding, anEvaluation, aSkipped, aSummaryFinding, rulesOf } from '../report-builders.js';

const build = (evaluation = anEvaluation(), failOn: FailOn = 'high', collection = aCollection()) =>
  buildReport({
    evaluation,
    rules: rulesOf(evaluation),
    collection,
    toolVersion: '1.2.3',
    startedAt: '2025-01-02T03:04:05.000Z',
    finishedAt: '2025-01-02T03:04:06.000Z',
    failOn,
  });

describe('buildReport', () => {
  it('orders findings by severity, then rule id, then resource id', () => {
    const f = (severity: 'critical' | 'high' | 'low', ruleId: string, id: string) =>
      aFinding({ severity, ruleId, resource: { type: 'clients', id } });
    const input = [f('low', 'a-rule', '1'), f('high', 'b-rule', '2'), f('critical', 'z-rule', '9'), f('high', 'b-rule', '10'),
      f('high', 'a-rule', 'x')];
    const report = build(anEvaluation({ findings: input }));
    expect(report.findings.map((x) => `${x.severity}:${x.ruleId}:${x.resource.id}`)).toEqual([
      'critical:z-rule:9',
      'high:a-rule:x',
      'high:b-rule:10',
      'high:b-rule:2',
      'low:a-rule:1',
    ]);
    expect(input[0]?.severity).toBe('low');
  });

  it('keeps the input order of findings with equal keys (stable)', () => {
    const a = aFinding({ message: 'first' });
    const b = aFinding({ message: 'second' });
    expect(build(anEvaluation({ findings: [a, b] })).findings.map((x) => x.message)).toEqual(['first', 'second']);
    expect(build(anEvaluation({ findings: [b, a] })).findings.map((x) => x.message)).toEqual(['second', 'first']);
  });

  it('computes the summary with every severity key', () => {
    const report = build(
      anEvaluation({
        findings: [aFinding({ severity: 'critical' }), aFinding(), aSummaryFinding()],
        skipped: [aSkipped({ ruleId: 'zz-rule' }), aSkipped({ ruleId: 'aa-rule' })],
        rulesEvaluated: 38,
      }),
    );
    expect(report.summary).toEqual({
      total: 3,
      bySeverity: { critical: 1, high: 1, medium: 1, low: 0, info: 0 },
      rulesEvaluated: 38,
      rulesSkipped: 2,
      // Every rule the evaluation names failed or lacks its data: nothing is credited (docs/score.md).
      score: expect.objectContaining({ formula: 'auth0-scan-score/1', value: 0 }),
      gate: { failOn: 'high', passed: false, incomplete: true },
    });
    expect(report.skipped.map((s) => s.ruleId)).toEqual(['aa-rule', 'zz-rule']);
    expect(report.schemaVersion).toBe('1.0');
    expect(report.tool).toEqual({ name: 'auth0-scan', version: '1.2.3' });
    expect(report.tenant).toEqual({ domain: 'acme.eu.auth0.com' });
  });

  it('reports zero counts for an empty evaluation', () => {
    const report = build(anEvaluation({ findings: [] }), 'info');
    expect(report.summary.bySeverity).toEqual({ critical: 0, high: 0, medium: 0, low: 0, info: 0 });
    expect(report.summary.total).toBe(0);
    expect(report.summary.gate).toEqual({ failOn: 'info', passed: true });
  });

  it('lists coverage kinds in registry order whatever order collection finished in', () => {
    const kinds = { users: { status: 'ok' as const, count: 3 }, tenant: { status: 'ok' as const, count: 1 },
      clients: { status: 'forbidden' as const, count: 0, missingScopes: ['read:clients'] } };
    const report = build(anEvaluation(), 'high', aCollection({ kinds }));
    expect(Object.keys(report.collection.kinds)).toEqual(['tenant', 'clients', 'users']);
    expect(report.collection.kinds.clients).toEqual(kinds.clients);
  });
});

describe('gatePassed', () => {
  const worstMedium = [aFinding({ severity: 'low' }), aFinding({ severity: 'medium' })];
  const expected: Record<FailOn, boolean> = {
    critical: true,
    high: true,
    medium: false,
    low: false,
    info: false,
    never: true,
  };
  for (const [failOn, passed] of Object.entries(expected) as [FailOn, boolean][]) {
    it(`fail-on ${failOn} with a medium finding: ${passed ? 'passes' : 'fails'}`, () => {
      expect(gatePassed(worstMedium, failOn)).toBe(passed);
      expect(build(anEvaluation({ findings: worstMedium }), failOn).summary.gate).toEqual({ failOn, passed });
    });
  }

  it('never fails with a critical finding only under fail-on never', () => {
    const critical = [aFinding({ severity: 'critical' })];
    expect(gatePassed(critical, 'never')).toBe(true);
    expect(gatePassed(critical, 'critical')).toBe(false);
  });

  it('passes every threshold without findings', () => {
    for (const failOn of Object.keys(expected) as FailOn[]) expect(gatePassed([], failOn)).toBe(true);
  });
});
