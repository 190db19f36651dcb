import { readFileSync } from 'node:fs';
// The named export: under NodeNext the default import of this CommonJS module is not constructable for tsc.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { artifactUri, buildSarif, renderSarif, SARIF_MAX_RESULTS } from '../../src/report/render-sarif.js';
import { pascalCase } from '../../src/report/sarif-rules.js';
import { aFinding, aReport, aRuleDoc, aSkipped, aSummaryFinding, DOMAIN, manyFindings, ruleDocs } from '../report-builders.js';

const sarifSchema = JSON.parse(readFileSync(new URL('../fixtures/sarif-2.1.0.json', import.meta.url), 'utf8'));
const validate = new Ajv2020({ strict: false, allErrors: true, validateFormats: false }).compile(sarifSchema);

const implicit = aRuleDoc();
const mfa = aRuleDoc({ id: 'users-without-mfa', title: 'Users are enrolled in MFA', severity: 'medium', category: 'users', resource: 'users' });
const unused = aRuleDoc({ id: 'tenant-session-lifetime', title: 'Sessions expire', severity: 'low', category: 'tenant', resource: 'tenant', references: [] });
const docs = ruleDocs(unused, mfa, implicit);

const report = aReport({
  findings: [
    aFinding({ severity: 'critical', resource: { type: 'users', id: 'auth0|123', name: 'a@b.c' }, ruleId: 'user-odd' }),
    aFinding(),
    aSummaryFinding(),
    aFinding({ severity: 'info', resource: { type: 'tenant', id: 'tenant' }, ruleId: 'tenant-flag' }),
  ],
  skipped: [aSkipped()],
  collection: { kinds: { clients: { status: 'ok', count: 12 }, log_streams: { status: 'forbidden', count: 0, missingScopes: ['read:log_streams'] } } },
});

function expectValid(doc: unknown): void {
  const ok = validate(doc);
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
}

describe('renderSarif', () => {
  const text = renderSarif(report, { rules: docs });
  const log = buildSarif(report, { rules: docs });
  const run = log.runs[0];
  const rules = run.tool.driver.rules;
  const uri = (i: number) => run.results[i]?.locations[0]?.physicalLocation.artifactLocation.uri;

  it('validates against the SARIF 2.1.0 schema', () => {
    expect(JSON.parse(text)).toEqual(log);
    expectValid(JSON.parse(text));
    expectValid(JSON.parse(renderSarif(aReport({ findings: [] }), { rules: new Map() })));
  });

  it('the schema catches a broken log', () => {
    expect(validate({ ...log, version: '2.0.0' })).toBe(false);
    const relative = structuredClone(log);
    const first = relative.runs[0].results[0];
    if (first) first.ruleIndex = -5;
    expect(validate(relative)).toBe(false);
  });

  it('has the header, one run and the driver GitHub expects', () => {
    expect(text.endsWith('}\n')).toBe(true);
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver).toMatchObject({ name: 'auth0-scan', version: '0.1.0', informationUri: 'https://github.com/auth0-scan/auth0-scan' });
    expect(run.automationDetails).toEqual({ id: `auth0-scan/${DOMAIN}/` });
  });

  it('lists every documented rule and every rule with a result, sorted, with GitHub properties', () => {
    const ids = rules.map((r) => r.id);
    expect(ids).toEqual(['client-implicit-grant', 'tenant-flag', 'tenant-session-lifetime', 'user-odd', 'users-without-mfa']);
    const rule = rules[0];
    expect(rule).toMatchObject({
      name: 'ClientImplicitGrant',
      shortDescription: { text: implicit.title },
      fullDescription: { text: implicit.description },
      defaultConfiguration: { level: 'error' },
      properties: { 'security-severity': '8.0', tags: ['security', 'applications'], precision: 'high' },
    });
    expect(rule?.help.text).toContain(implicit.remediation);
    expect(rule?.help.markdown).toContain(implicit.rationale);
    expect(rule?.help.markdown).toContain(`[${implicit.references[0]}](${implicit.references[0]})`);
    for (const r of rules) {
      expect(typeof r.properties['security-severity']).toBe('string');
      expect(r.properties.tags).toContain('security');
    }
    expect(rules[4]?.properties['security-severity']).toBe('5.5');
  });

  it('points each result at its rule by index and maps severities to levels', () => {
    expect(run.results.map((r) => r.level)).toEqual(['error', 'error', 'warning', 'note']);
    expect(run.results.map((r) => r.ruleIndex)).toEqual([3, 0, 4, 1]);
    for (const r of run.results) expect(rules[r.ruleIndex]?.id).toBe(r.ruleId);
  });

  it('gives every result a relative, encoded URI at line 1 and a logical location', () => {
    const user = run.results[0]?.locations[0];
    expect(user?.physicalLocation).toEqual({
      artifactLocation: { uri: `auth0/${DOMAIN}/users/auth0%7C123.json` },
      region: { startLine: 1 },
    });
    expect(user?.logicalLocations).toEqual([{ name: 'a@b.c', fullyQualifiedName: 'users/auth0|123', kind: 'resource' }]);
    expect(uri(1)).toBe(`auth0/${DOMAIN}/clients/abc123.json`);
    expect(uri(2)).toBe(`auth0/${DOMAIN}/users/users.json`);
    expect(uri(3)).toBe(`auth0/${DOMAIN}/tenant/tenant.json`);
    expect(run.results[2]?.properties).toMatchObject({ count: 1204, sample: ['auth0|0001', 'auth0|0002'] });
    expect(run.results[1]?.properties.evidence).toEqual({ grant_types: ['implicit', 'authorization_code'] });
    for (const r of run.results) {
      expect(r.locations[0]?.physicalLocation.artifactLocation.uri).toMatch(/^auth0\/[^/]+\/[a-z_]+\/[^/]+\.json$/);
      expect(r.locations[0]?.physicalLocation.region.startLine).toBe(1);
    }
    expect(text).not.toContain('file://');
    expect(text).not.toMatch(/"uri": "\//);
  });

  it('encodes every path segment and keeps dot segments from escaping', () => {
    expect(artifactUri('t.auth0.com', 'clients', 'a/b c?#')).toBe('auth0/t.auth0.com/clients/a%2Fb%20c%3F%23.json');
    expect(artifactUri('..', 'clients', '..')).toBe('auth0/%2E%2E/clients/%2E%2E.json');
  });

  it('sets stable partial fingerprints from the finding fingerprint', () => {
    const shuffled = aReport({ findings: [...report.findings].reverse(), skipped: [aSkipped()], collection: { kinds: report.collection.kinds } });
    const prints = (l: typeof log) => l.runs[0].results.map((r) => r.partialFingerprints.primaryLocationLineHash);
    expect(prints(log)[1]).toBe(`${report.findings[1]?.fingerprint}:1`);
    expect(prints(log)[1]).toMatch(/^[0-9a-f]{32}:1$/);
    expect(new Set(prints(log)).size).toBe(4);
    expect(prints(buildSarif(shuffled, { rules: docs }))).toEqual(prints(log));
    expect(renderSarif(shuffled, { rules: docs })).toBe(text);
  });

  it('marks a run with skipped rules unsuccessful: an error per kind not read, a warning per skipped rule', () => {
    const inv = run.invocations[0];
    expect(inv?.executionSuccessful).toBe(false);
    expect(inv?.startTimeUtc).toBe('2025-01-02T03:04:05.000Z');
    expect(inv?.toolExecutionNotifications).toEqual([
      {
        level: 'error',
        message: { text: 'log_streams could not be read (forbidden (missing read:log_streams)); 1 rule not evaluated.' },
        properties: { kind: 'log_streams', status: 'forbidden', missingScopes: ['read:log_streams'] },
      },
      {
        level: 'warning',
        message: { text: 'Rule log-stream-configured was skipped: log_streams is forbidden (missing read:log_streams)' },
        associatedRule: { id: 'log-stream-configured' },
        properties: { kinds: ['log_streams'], missingScopes: ['read:log_streams'] },
      },
    ]);
  });

  it('links a skipped rule that has a doc to its index', () => {
    const skippedMfa = buildSarif(aReport({ skipped: [aSkipped({ ruleId: 'users-without-mfa' })] }), { rules: docs });
    const note = skippedMfa.runs[0].invocations[0]?.toolExecutionNotifications.find((n) => n.associatedRule !== undefined);
    expect(note?.associatedRule).toEqual({ id: 'users-without-mfa', index: 2 });
  });

  it('keeps tags unique when the category is security', () => {
    const log2 = buildSarif(aReport({ findings: [] }), { rules: ruleDocs(aRuleDoc({ category: 'security' })) });
    expect(log2.runs[0].tool.driver.rules[0]?.properties.tags).toEqual(['security']);
    expectValid(JSON.parse(JSON.stringify(log2)));
  });

  it('leaves out invocation times that are not UTC', () => {
    const local = { ...aReport(), startedAt: '2025-01-02T04:04:05+01:00' };
    const inv = buildSarif(local, { rules: docs }).runs[0].invocations[0];
    expect(inv?.startTimeUtc).toBeUndefined();
    expect(inv?.endTimeUtc).toBe('2025-01-02T03:04:09.500Z');
  });

  it('makes PascalCase names', () => {
    expect(pascalCase('mfa-no-factor-enabled')).toBe('MfaNoFactorEnabled');
    expect(pascalCase('a')).toBe('A');
  });
});

describe('the 25,000-result cap', () => {
  it('keeps the most severe results and says so', () => {
    const findings = manyFindings(SARIF_MAX_RESULTS + 10, ['info', 'critical', 'low', 'high', 'medium']);
    const big = aReport({ findings });
    const log = buildSarif(big, { rules: docs });
    const results = log.runs[0].results;
    expect(results).toHaveLength(SARIF_MAX_RESULTS);
    // 5,002 info findings: the 10 left out must all be info, and every other severity kept in full.
    const levels = new Map<string, number>();
    for (const r of results) levels.set(r.level, (levels.get(r.level) ?? 0) + 1);
    expect(levels.get('error')).toBe(2 * 5002);
    expect(levels.get('warning')).toBe(5002);
    expect(levels.get('note')).toBe(5002 + 5002 - 10);
    const notes = log.runs[0].invocations[0]?.toolExecutionNotifications ?? [];
    expect(notes.at(-1)?.message.text).toContain(`25000 most severe of 25010`);
    expect(notes.at(-1)?.level).toBe('warning');
    expectValid(log);
  });

  it('adds no cap notification below the limit', () => {
    const log = buildSarif(aReport({ findings: manyFindings(3) }), { rules: docs });
    expect(log.runs[0].invocations[0]?.toolExecutionNotifications).toEqual([]);
  });
});
