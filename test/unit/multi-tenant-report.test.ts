import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The named export: under NodeNext the default import of this CommonJS module is not constructable for tsc.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, describe, expect, it } from 'vitest';
import { baselineForTenant } from '../../src/gate/baseline-for-tenant.js';
import { loadBaseline } from '../../src/gate/load-baseline.js';
import { staleSuppressionsAcrossTenants } from '../../src/gate/stale-suppressions-across-tenants.js';
import type { Finding } from '../../src/model/finding.js';
import { SCORE_AREAS } from '../../src/model/posture-score.js';
import type { ScanReport, SuppressionEntryRef } from '../../src/model/report.js';
import { buildMultiTenantReport } from '../../src/report/build-multi-tenant-report.js';
import { buildReport } from '../../src/report/build-report.js';
import { MULTI_TENANT_REPORTERS } from '../../src/report/multi-tenant-reporters.js';
import { renderMultiTenantCsv } from '../../src/report/render-multi-csv.js';
import { renderMultiTenantJunit } from '../../src/report/render-multi-junit.js';
import { renderMultiTenantMarkdown } from '../../src/report/render-multi-markdown.js';
import { renderMultiTenantTable } from '../../src/report/render-multi-table.js';
import { renderJson } from '../../src/report/render-json.js';
import { checkXml } from '../check-xml.js';
import { aCollection, aFinding, anEvaluation, aReport, aRuleDoc, aSkipped, aTenantReport, DOMAIN, fp, ruleDocs, rulesOf } from '../report-builders.js';

const schema = JSON.parse(readFileSync(new URL('../../schemas/report.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2020({ allErrors: true, validateFormats: false }).compile(schema);

const BETA = 'beta.us.auth0.com';


const betaFinding = (overrides: Partial<Finding> = {}) =>
  aFinding({ fingerprint: fp('client-implicit-grant', BETA, 'clients', 'abc123'), ...overrides });

const alpha = aTenantReport(DOMAIN, [aFinding({ severity: 'critical' }), aFinding({ severity: 'low', resource: { type: 'clients', id: 'x1' } })], { name: 'alpha' });
const beta = aTenantReport(BETA, [betaFinding({ severity: 'medium' })], { skipped: [aSkipped()] });
const failure = { tenant: { domain: 'gamma.eu.auth0.com', name: 'gamma' }, code: 'AUTH', message: 'Could not get a Management API token (401 access_denied).' };

const multi = (reports: ScanReport[], failed = [failure]) =>
  buildMultiTenantReport({ reports, failed, rules: [], toolVersion: '0.1.0', startedAt: '2025-01-02T03:04:00.000Z', finishedAt: '2025-01-02T03:04:07.000Z', failOn: 'high' });

describe('every finding names its tenant', () => {
  it('buildReport sets the report domain on each finding, single-tenant reports included', () => {
    const single = aReport();
    expect(single.findings.map((f) => f.tenant)).toEqual([DOMAIN]);
    expect(single.tenant).toEqual({ domain: DOMAIN });
    expect(beta.findings.map((f) => f.tenant)).toEqual([BETA]);
    expect(alpha.tenant).toEqual({ domain: DOMAIN, name: 'alpha' });
  });
});

describe('buildMultiTenantReport', () => {
  const doc = multi([alpha, beta]);

  it('keeps each tenant report whole and sums the summaries', () => {
    expect(doc.tenants).toEqual([alpha, beta]);
    expect(doc.failed).toEqual([failure]);
    expect(doc.summary).toEqual({
      total: 3,
      bySeverity: { critical: 1, high: 0, medium: 1, low: 1, info: 0 },
      rulesEvaluated: 80,
      rulesSkipped: 1,
      // The lowest tenant's: both fail their only rules (gamma, not read, has no rules to score in this document).
      score: expect.objectContaining({ formula: 'auth0-scan-score/1', value: 0 }),
      gate: { failOn: 'high', passed: false, incomplete: true },
    });
  });

  it('passes the gate only when every tenant passes it and every tenant was read', () => {
    const calm = aTenantReport(BETA, [betaFinding({ severity: 'low' })]);
    expect(multi([calm], []).summary.gate.passed).toBe(true);
    expect(multi([calm, alpha], []).summary.gate.passed).toBe(false);
    expect(multi([], [failure]).summary).toEqual({
      total: 0,
      bySeverity: { critical: 0, high: 0, medium: 0, low: 0, info: 0 },
      rulesEvaluated: 0,
      rulesSkipped: 0,
      score: { formula: 'auth0-scan-score/1', value: null, areas: SCORE_AREAS.map((area) => ({ area, value: null, rulesCounted: 0, rulesPassed: 0, rulesFailed: 0, rulesSkipped: 0 })) },
      // A tenant that could not be read vouches for nothing: the document cannot pass.
      gate: { failOn: 'high', passed: false, incomplete: true },
    });
  });

  it('counts suppressed findings when any tenant read suppressions', () => {
    const evaluation = anEvaluation({ findings: [aFinding({ suppression: { reason: 'r', expires: '2099-01-01', entry: 'i.yaml:2' } })] });
    const suppressed = buildReport({
      evaluation,
      rules: rulesOf(evaluation),
      collection: aCollection(),
      toolVersion: '0.1.0',
      startedAt: '2025-01-02T03:04:05.000Z',
      finishedAt: '2025-01-02T03:04:06.000Z',
      failOn: 'high',
      suppressions: { sources: ['i.yaml'], entries: 1, expired: [], unused: [] },
    });
    expect(multi([suppressed, beta], []).summary.suppressed).toBe(1);
    expect('suppressed' in multi([beta], []).summary).toBe(false);
  });

  it('validates against schemas/report.schema.json, as the single-tenant document still does', () => {
    for (const d of [doc, multi([], [failure]), multi([alpha], [])]) {
      const ok = validate(JSON.parse(MULTI_TENANT_REPORTERS.json(d, { color: false, rules: new Map() })));
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    }
    expect(validate(JSON.parse(renderJson(alpha)))).toBe(true);
    expect(validate(JSON.parse(renderJson(aReport())))).toBe(true);
  });

  const broken: [string, (d: Record<string, unknown>) => void][] = [
    ['without failed', (d) => delete d['failed']],
    ['with a top-level tenant', (d) => (d['tenant'] = { domain: DOMAIN })],
    ['with top-level findings', (d) => (d['findings'] = [])],
    ['with a tenant report missing its collection', (d) => delete (d['tenants'] as Record<string, unknown>[])[0]?.['collection']],
    ['with a failure without a message', (d) => delete (d['failed'] as Record<string, unknown>[])[0]?.['message']],
    ['with an extra summary key', (d) => ((d['summary'] as Record<string, unknown>)['tenants'] = 2)],
  ];
  for (const [name, breakIt] of broken) {
    it(`rejects a multi-tenant document ${name}`, () => {
      const d = JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
      breakIt(d);
      expect(validate(d)).toBe(false);
    });
  }

  it('rejects a single-tenant document carrying tenants[]', () => {
    const d = JSON.parse(renderJson(alpha)) as Record<string, unknown>;
    d['tenants'] = [];
    expect(validate(d)).toBe(false);
  });
});

describe('multi-tenant renderers', () => {
  const doc = multi([alpha, beta]);
  const options = { color: false, rules: ruleDocs(aRuleDoc()) };

  it('table: one section per tenant (grouped, with its score), the tenants not read, and one line over all', () => {
    const text = renderMultiTenantTable(doc, options);
    expect(text).toMatch(/── Tenant 1 of 3: alpha \(acme\.eu\.auth0\.com\) · score (\d+\/100|n\/a) ──/);
    expect(text).toContain(`── Tenant 2 of 3: ${BETA} · score `);
    expect(text.indexOf('Tenant 1 of 3')).toBeLessThan(text.indexOf('Tenant 2 of 3'));
    // Each tenant's section is its grouped table, ending with that tenant's summary and score.
    const alphaSection = text.slice(text.indexOf('Tenant 1 of 3'), text.indexOf('Tenant 2 of 3'));
    expect(alphaSection).toMatch(/│ Rule\s+│ Count │ Resources\s+│/);
    expect(alphaSection).toMatch(/Score (\d+\/100|n\/a) · 2 findings \(1 critical, 1 low\)/);
    expect(text).toContain('Not read (1)');
    expect(text).toContain('• gamma (gamma.eu.auth0.com): Could not get a Management API token');
    const last = (text.trimEnd().split('\n\n').at(-1) ?? '').split('\n').join(' ');
    expect(last).toMatch(/^All tenants: 3 tenants \(1 not read\) · .*3 findings \(1 critical, 1 medium, 1 low\) · 1 rule skipped · gate: INCOMPLETE \(fail-on high\)$/);
    for (const line of text.split('\n')) expect(line.length, line).toBeLessThanOrEqual(100);
    // --details is passed on to every tenant's section.
    expect(renderMultiTenantTable(doc, { ...options, details: true })).toMatch(/│ Rule\s+│ Resource\s+│ Message\s+│/);
  });

  it('markdown: an overview row per tenant, then each tenant as a section', () => {
    const md = renderMultiTenantMarkdown(doc);
    expect(md.startsWith('## auth0-scan: 3 tenants\n')).toBe(true);
    expect(md).toContain('| alpha (acme.eu.auth0.com) | ❌ | 0/100 | 1 | 0 | 0 | 1 | 0 | 0 |');
    expect(md).toContain(`| ${BETA} | ⚠️ | 0/100 | 0 | 0 | 1 | 0 | 0 | 1 |`);
    expect(md).toContain('| gamma (gamma.eu.auth0.com) | `AUTH` | Could not get a Management API token (401 access\\_denied). |');
    expect(md).toContain('## auth0-scan: alpha (acme.eu.auth0.com)\n');
    expect(md).toContain(`## auth0-scan: ${BETA}\n`);
  });

  it('csv: the single-tenant columns after a tenant column, open findings of every tenant', () => {
    const rows = renderMultiTenantCsv(doc).trimEnd().split('\r\n');
    expect(rows[0]).toBe('tenant,severity,ruleId,resourceType,resourceId,resourceName,message,fingerprint,count');
    expect(rows.slice(1).map((r) => r.split(',').slice(0, 3).join(','))).toEqual([
      `${DOMAIN},critical,client-implicit-grant`,
      `${DOMAIN},low,client-implicit-grant`,
      `${BETA},medium,client-implicit-grant`,
    ]);
  });

  it('junit: suites qualified by tenant under one root, and an errored suite for a tenant not read', () => {
    const xml = renderMultiTenantJunit(doc, options);
    const names = checkXml(xml);
    expect(names.filter((n) => n === 'testsuites')).toHaveLength(1);
    const suites = [...xml.matchAll(/<testsuite name="([^"]+)" tests="(\d+)" failures="(\d+)" errors="(\d+)"/g)].map((m) => m.slice(1).join(' '));
    expect(suites).toEqual([
      `${DOMAIN}/client-implicit-grant 2 2 0`,
      `${BETA}/client-implicit-grant 1 1 0`,
      `${BETA}/log-stream-configured 1 0 0`,
      'gamma.eu.auth0.com 1 0 1',
    ]);
    expect(xml).toContain('<testsuites name="auth0-scan" tests="5" failures="3" errors="1" time="7.000">');
    expect(xml).toContain('<error type="AUTH" message="Could not get a Management API token (401 access_denied)."/>');
  });
});

describe('suppressions over several tenants', () => {
  const ref = (entry: string, tenant?: string): SuppressionEntryRef => ({
    entry,
    rule: 'client-*',
    resource: '/.*/',
    ...(tenant ? { tenant } : {}),
    reason: 'r',
    expires: '2099-01-01',
  });
  const withSuppressions = (domain: string, expired: SuppressionEntryRef[], unused: SuppressionEntryRef[], name?: string) => ({
    tenant: { domain, ...(name === undefined ? {} : { name }) },
    suppressions: { sources: ['i.yaml'], entries: 4, expired, unused },
  });

  it('calls an entry unused only when no tenant it applies to used it; expired entries are listed once', () => {
    const everywhere = ref('i.yaml:2');
    const usedOnBeta = ref('i.yaml:6');
    const alphaOnly = ref('i.yaml:10', DOMAIN);
    const stale = staleSuppressionsAcrossTenants([
      withSuppressions(DOMAIN, [ref('i.yaml:14')], [everywhere, usedOnBeta, alphaOnly]),
      withSuppressions(BETA, [ref('i.yaml:14')], [everywhere]),
    ]);
    expect(stale.unused.map((e) => e.entry)).toEqual(['i.yaml:2', 'i.yaml:10']);
    expect(stale.expired.map((e) => e.entry)).toEqual(['i.yaml:14']);
  });

  it("an entry naming a tenant by its config name applies to that tenant only", () => {
    const betaByName = ref('i.yaml:18', 'Beta');
    const usedOnBeta = staleSuppressionsAcrossTenants([
      withSuppressions(DOMAIN, [], [betaByName], 'alpha'),
      withSuppressions(BETA, [], [], 'beta'),
    ]);
    expect(usedOnBeta.unused).toEqual([]);
    const unusedOnBeta = staleSuppressionsAcrossTenants([withSuppressions(DOMAIN, [], [], 'alpha'), withSuppressions(BETA, [], [betaByName], 'beta')]);
    expect(unusedOnBeta.unused.map((e) => e.entry)).toEqual(['i.yaml:18']);
  });
});

describe('baselines over several tenants', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('reads a multi-tenant JSON report as a baseline and gives each tenant only its own findings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'auth0-scan-mt-baseline-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'b.json'), MULTI_TENANT_REPORTERS.json(multi([alpha, beta]), { color: false, rules: new Map() }));
    const loaded = loadBaseline('b.json', dir);
    expect(loaded.tenants).toEqual([DOMAIN, BETA]);
    expect(loaded.findings).toHaveLength(3);
    const forBeta = baselineForTenant(loaded, BETA.toUpperCase());
    expect(forBeta.tenant).toEqual({ domain: BETA });
    expect(forBeta.findings.map((f) => f.fingerprint)).toEqual([fp('client-implicit-grant', BETA, 'clients', 'abc123')]);
    const other = baselineForTenant(loaded, 'delta.eu.auth0.com');
    expect(other.findings).toEqual([]);
    expect(other.tenant.domain).toBe(`${DOMAIN}, ${BETA}`);
  });

  it('keeps a single-tenant baseline whole for its tenant and empty for the others', () => {
    const single = { schemaVersion: '1.0', tenant: { domain: DOMAIN }, findings: [{ ruleId: 'a-rule', resource: { type: 'clients' as const, id: 'c' }, fingerprint: 'a'.repeat(32) }] };
    expect(baselineForTenant(single, DOMAIN)).toBe(single);
    expect(baselineForTenant(single, BETA)).toEqual({ schemaVersion: '1.0', tenant: { domain: DOMAIN }, findings: [] });
  });
});
