import { readFileSync } from 'node:fs';
// The named export: under NodeNext the default import of this CommonJS module is not constructable for tsc.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { buildMultiTenantReport } from '../../src/report/build-multi-tenant-report.js';
import { buildMultiTenantSarif, renderMultiTenantSarif } from '../../src/report/render-multi-sarif.js';
import { buildSarif } from '../../src/report/render-sarif.js';
import { aFinding, aRuleDoc, aSkipped, aTenantReport, DOMAIN, fp, ruleDocs } from '../report-builders.js';

const sarifSchema = JSON.parse(readFileSync(new URL('../fixtures/sarif-2.1.0.json', import.meta.url), 'utf8'));
const validate = new Ajv2020({ strict: false, allErrors: true, validateFormats: false }).compile(sarifSchema);

const BETA = 'beta.us.auth0.com';
const docs = ruleDocs(aRuleDoc(), aRuleDoc({ id: 'tenant-flag', title: 'Flag', severity: 'info', category: 'tenant', resource: 'tenant' }));


const alpha = aTenantReport(DOMAIN, [aFinding(), aFinding({ ruleId: 'tenant-flag', severity: 'info', resource: { type: 'tenant', id: 'tenant' } })]);
const beta = aTenantReport(BETA, [aFinding({ fingerprint: fp('client-implicit-grant', BETA, 'clients', 'abc123') })], { skipped: [aSkipped()] });
const doc = buildMultiTenantReport({
  reports: [alpha, beta],
  failed: [{ tenant: { domain: 'gamma.eu.auth0.com' }, code: 'NETWORK', message: 'The tenant did not answer.' }],
  rules: [],
  toolVersion: '0.1.0',
  startedAt: '2025-01-02T03:04:00.000Z',
  finishedAt: '2025-01-02T03:04:07.000Z',
  failOn: 'high',
});

describe('SARIF for several tenants', () => {
  const log = buildMultiTenantSarif(doc, { rules: docs });

  it('validates against the SARIF 2.1.0 schema', () => {
    const text = renderMultiTenantSarif(doc, { rules: docs });
    expect(JSON.parse(text)).toEqual(log);
    const ok = validate(JSON.parse(text));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('has one run per tenant read, each with its own automation id; none for a tenant not read', () => {
    expect(log.runs.map((r) => r.automationDetails.id)).toEqual([`auth0-scan/${DOMAIN}/`, `auth0-scan/${BETA}/`]);
  });

  it('gives each tenant exactly the run its single-tenant SARIF would hold', () => {
    expect(log.runs[0]).toEqual(buildSarif(alpha, { rules: docs }).runs[0]);
    expect(log.runs[1]).toEqual(buildSarif(beta, { rules: docs }).runs[0]);
  });

  it("keeps each tenant's results, paths and notifications in its own run", () => {
    const [a, b] = log.runs;
    const uris = (run: typeof a) => run?.results.map((r) => r.locations[0]?.physicalLocation.artifactLocation.uri);
    expect(uris(a)).toEqual([`auth0/${DOMAIN}/clients/abc123.json`, `auth0/${DOMAIN}/tenant/tenant.json`]);
    expect(uris(b)).toEqual([`auth0/${BETA}/clients/abc123.json`]);
    // The same rule on the same resource id in two tenants: two alerts, never merged by GitHub.
    const hash = (run: typeof a) => run?.results[0]?.partialFingerprints.primaryLocationLineHash;
    expect(hash(a)).not.toBe(hash(b));
    expect(a?.invocations[0]?.toolExecutionNotifications).toEqual([]);
    expect(b?.invocations[0]?.toolExecutionNotifications.map((n) => n.message.text)).toEqual([
      'log_streams could not be read (not collected); 1 rule not evaluated.',
      `Rule log-stream-configured was skipped: ${aSkipped().reason}`,
    ]);
    expect(a?.invocations[0]?.executionSuccessful).toBe(true);
    expect(b?.invocations[0]?.executionSuccessful).toBe(false);
  });

  it('writes a log without runs when no tenant could be read', () => {
    const none = buildMultiTenantReport({ reports: [], failed: doc.failed, rules: [], toolVersion: '0.1.0', startedAt: doc.startedAt, finishedAt: doc.finishedAt, failOn: 'high' });
    expect(buildMultiTenantSarif(none, { rules: docs }).runs).toEqual([]);
  });
});
