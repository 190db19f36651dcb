import { readFileSync } from 'node:fs';
// The named export: under NodeNext the default import of this CommonJS module is not constructable for tsc.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { SCORE_AREAS, SCORE_FORMULA } from '../../src/model/posture-score.js';
import type { ScanReport } from '../../src/model/report.js';
import { buildMultiTenantReport } from '../../src/report/build-multi-tenant-report.js';
import { buildReport } from '../../src/report/build-report.js';
import { renderJson } from '../../src/report/render-json.js';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import { renderMultiTenantJson } from '../../src/report/render-multi-json.js';
import { renderMultiTenantMarkdown } from '../../src/report/render-multi-markdown.js';
import { buildMultiTenantSarif } from '../../src/report/render-multi-sarif.js';
import { buildSarif, renderSarif } from '../../src/report/render-sarif.js';
import type { ScoredRule } from '../../src/score/compute-posture-score.js';
import { aCollection, aFinding, anEvaluation, aRuleDoc, DOMAIN, ruleDocs } from '../report-builders.js';

const readJson = (rel: string): object => JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as object;
const validateReport = new Ajv2020({ allErrors: true, validateFormats: false }).compile(readJson('../../schemas/report.schema.json'));
const validateSarif = new Ajv2020({ strict: false, allErrors: true, validateFormats: false }).compile(readJson('../fixtures/sarif-2.1.0.json'));

const RULES: ScoredRule[] = [
  { id: 'client-implicit-grant', severity: 'high', category: 'applications' },
  { id: 'tenant-flag', severity: 'medium', category: 'tenant' },
  { id: 'mfa-policy', severity: 'critical', category: 'mfa' },
];

function report(domain = DOMAIN, findings = [aFinding()]): ScanReport {
  return buildReport({
    evaluation: anEvaluation({ tenant: { domain }, findings }),
    rules: RULES,
    collection: aCollection(),
    toolVersion: '0.1.0',
    startedAt: '2025-01-02T03:04:05.000Z',
    finishedAt: '2025-01-02T03:04:06.000Z',
    failOn: 'high',
  });
}
// 13 of 19 credited: mfa 100, tenant 100, applications 0.
const single = report();

describe('the score in the JSON report', () => {
  const doc = JSON.parse(renderJson(single)) as { summary: { score: { value: number; areas: { area: string; value: number | null }[] } } };

  it('is summary.score, schema-valid, with the ten areas in order', () => {
    expect(validateReport(doc), JSON.stringify(validateReport.errors)).toBe(true);
    expect(doc.summary.score.value).toBe(68);
    expect(doc.summary.score.areas.map((a) => a.area)).toEqual([...SCORE_AREAS]);
    expect(doc.summary.score.areas.find((a) => a.area === 'grants')?.value).toBeNull();
  });

  const broken: [string, (s: Record<string, unknown>) => void][] = [
    ['a value above 100', (s) => (s['value'] = 101)],
    ['a fractional value', (s) => (s['value'] = 68.5)],
    ['another formula', (s) => (s['formula'] = 'auth0-scan-score/2')],
    ['an extra key', (s) => (s['grade'] = 'B')],
    ['nine areas', (s) => (s['areas'] as unknown[]).pop()],
    ['areas out of order', (s) => (s['areas'] as unknown[]).reverse()],
    ['an area without its counts', (s) => delete (s['areas'] as Record<string, unknown>[])[0]?.['rulesCounted']],
    ['an eleventh area', (s) => (s['areas'] as unknown[]).push({ area: 'users', value: 1, rulesCounted: 1, rulesPassed: 0, rulesFailed: 1, rulesSkipped: 0 })],
  ];
  for (const [name, breakIt] of broken) {
    it(`the schema rejects a score with ${name}`, () => {
      const copy = structuredClone(doc) as unknown as { summary: { score: Record<string, unknown> } };
      breakIt(copy.summary.score);
      expect(validateReport(copy)).toBe(false);
    });
  }

  it('a report written before the score existed still validates', () => {
    const old = structuredClone(doc) as { summary: Record<string, unknown> };
    delete old.summary['score'];
    expect(validateReport(old)).toBe(true);
  });

  it('the multi-tenant document carries the lowest score and validates', () => {
    const multi = buildMultiTenantReport({
      reports: [report('a.example.com', []), single],
      failed: [],
      rules: RULES,
      toolVersion: '0.1.0',
      startedAt: '2025-01-02T03:04:00.000Z',
      finishedAt: '2025-01-02T03:04:07.000Z',
      failOn: 'high',
    });
    const parsed = JSON.parse(renderMultiTenantJson(multi)) as { summary: { score: { value: number } }; tenants: { summary: { score: { value: number } } }[] };
    expect(validateReport(parsed), JSON.stringify(validateReport.errors)).toBe(true);
    expect(parsed.tenants.map((t) => t.summary.score.value)).toEqual([100, 68]);
    expect(parsed.summary.score.value).toBe(68);
  });
});

describe('the score in SARIF', () => {
  const docs = ruleDocs(aRuleDoc());

  it('is in the run properties, and the log stays valid SARIF 2.1.0', () => {
    const log = buildSarif(single, { rules: docs });
    expect(log.runs[0].properties).toEqual({
      'auth0-scan/score': 68,
      'auth0-scan/scoreAreas': Object.fromEntries(SCORE_AREAS.map((a) => [a, a === 'applications' ? 0 : a === 'tenant' || a === 'mfa' ? 100 : null])),
      'auth0-scan/scoreFormula': SCORE_FORMULA,
    });
    const ok = validateSarif(JSON.parse(renderSarif(single, { rules: docs })));
    expect(validateSarif.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('a null score is written as null, and each tenant run has its own', () => {
    const none = buildReport({ evaluation: anEvaluation({ findings: [] }), rules: [], collection: aCollection(), toolVersion: '0.1.0', startedAt: '2025-01-02T03:04:05.000Z', finishedAt: '2025-01-02T03:04:06.000Z', failOn: 'high' });
    expect(buildSarif(none, { rules: docs }).runs[0].properties?.['auth0-scan/score']).toBeNull();
    expect(validateSarif(JSON.parse(renderSarif(none, { rules: docs })))).toBe(true);
    const multi = buildMultiTenantReport({ reports: [report('a.example.com', []), single], failed: [], rules: RULES, toolVersion: '0.1.0', startedAt: single.startedAt, finishedAt: single.finishedAt, failOn: 'high' });
    expect(buildMultiTenantSarif(multi, { rules: docs }).runs.map((r) => r.properties?.['auth0-scan/score'])).toEqual([100, 68]);
  });

  it('a report without a score (older JSON) has no run properties', () => {
    const summary = { ...single.summary };
    delete summary.score;
    expect(buildSarif({ ...single, summary }, { rules: docs }).runs[0].properties).toBeUndefined();
  });
});

describe('the score in Markdown', () => {
  it('a score line and a table of the areas, before the severity counts', () => {
    const md = renderMarkdown(single);
    expect(md).toContain('**Posture score: 68/100** (severity-weighted share of the selected rules that pass; suppressed findings count; formula `auth0-scan-score/1`)');
    expect(md).toContain('| Area | Score | Rules passed | Failed | Data missing |');
    expect(md).toContain('| Applications | 0/100 | 0 | 1 | 0 |');
    expect(md).toContain('| MFA | 100/100 | 1 | 0 | 0 |');
    expect(md).toContain('| Grants | n/a | 0 | 0 | 0 |');
    expect(md.indexOf('Posture score')).toBeLessThan(md.indexOf('| Severity | Findings |'));
    const areaRows = md.split('\n').filter((l) => /^\| (Applications|Grants|APIs|Connections|Attack protection|MFA|Extensibility|Monitoring|Tenant|Access) \|/.test(l));
    expect(areaRows).toHaveLength(10);
  });

  it('multi-tenant: a score column per tenant and the lowest score with its areas', () => {
    const multi = buildMultiTenantReport({
      reports: [report('a.example.com', []), single],
      failed: [{ tenant: { domain: 'c.example.com' }, code: 'AUTH', message: 'refused' }],
      rules: RULES,
      toolVersion: '0.1.0',
      startedAt: '2025-01-02T03:04:00.000Z',
      finishedAt: '2025-01-02T03:04:07.000Z',
      failOn: 'high',
    });
    const md = renderMultiTenantMarkdown(multi);
    expect(md).toContain('| Tenant | Gate | Score | Critical | High | Medium | Low | Info | Skipped rules |');
    expect(md).toContain('| a.example.com | ✅ | 100/100 | 0 | 0 | 0 | 0 | 0 | 0 |');
    expect(md).toContain(`| ${DOMAIN} | ❌ | 68/100 | 0 | 1 | 0 | 0 | 0 | 0 |`);
    expect(md).toContain("**Posture score: 0/100** (the lowest tenant's, area by area; a tenant not read scores 0;");
    expect(md.indexOf('**Posture score: 0/100**')).toBeLessThan(md.indexOf('## auth0-scan: a.example.com'));
    // Each tenant's own section keeps its own score.
    expect(md).toContain('**Posture score: 68/100**');
  });
});
