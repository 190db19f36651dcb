import { describe, expect, it } from 'vitest';
import { diffValues } from '../../src/diff/diff-values.js';
import { createEvaluator } from '../../src/engine/create-evaluator.js';
import { ruleDoc } from '../../src/engine/compile-rule.js';
import type { KindName } from '../../src/model/kinds.js';
import { buildReport } from '../../src/report/build-report.js';
import { REPORTERS, REPORT_FORMATS } from '../../src/report/reporters.js';
import { loadBuiltinRules } from '../../src/rules/load-rule-set.js';
import { client, ruleFile } from '../builders.js';

const SECRET = 'EVIDENCE-SECRET-7f3a9c';

/**
 * The evaluator as a library caller uses it: handed raw API objects, secrets included, never redacted by
 * collection. Every report format must still come out without them.
 */
function reportsOf(resources: Partial<Record<KindName, Record<string, unknown>[]>>, rules: ReturnType<typeof ruleFile>[]): string[] {
  const evaluation = createEvaluator({ tenant: { domain: 'acme.auth0.com' }, now: '2026-01-01T00:00:00Z', resources, rules: rules.map((file) => ({ file })) }).finish(
    Object.fromEntries(Object.entries(resources).map(([k, list]) => [k, { status: 'ok', count: list.length }])),
  );
  expect(evaluation.findings.length).toBeGreaterThan(0);
  const report = buildReport({ evaluation, rules, collection: { source: 'snapshot', requests: 0, retries: 0, throttled: 0, durationMs: 0, kinds: {} }, toolVersion: 't', startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:01.000Z', failOn: 'high' });
  const options = { color: false, rules: new Map(rules.map((r) => [r.id, ruleDoc(r)])) };
  return REPORT_FORMATS.map((f) => REPORTERS[f](report, options));
}

describe('rule evidence and messages pass through the redaction filter', () => {
  it('a guardian provider key never reaches any format through a collection rule over the factors', () => {
    const mfa = loadBuiltinRules().map((r) => r.file).filter((f) => f.resource === 'guardian_factors');
    const factors = [
      { name: 'sms', enabled: true, trial_expired: false, aws_secret_access_key: SECRET, aws_access_key_id: SECRET, auth_token: SECRET, sid: SECRET, from: SECRET },
      { name: 'email', enabled: true, trial_expired: false, provider_settings: { api_key: SECRET } },
    ];
    const texts = reportsOf({ guardian_factors: factors }, mfa);
    for (const text of texts) expect(text).not.toContain(SECRET);
    // The evidence still shows what the rule judged.
    expect(texts.join('\n')).toMatch(/"name": "sms"/);
  });

  it('messages print only what a snapshot keeps: endpoint credentials and secrets at read paths are gone', () => {
    const rules = [
      ruleFile({ id: 'endpoint', resource: 'log_streams', assert: { path: 'sink.httpEndpoint', matches: '^ftp:' }, message: 'to {{sink.httpEndpoint}} {{sink}}' }),
      ruleFile({ id: 'config', resource: 'connections', assert: { path: 'options', empty: true }, message: 'options {{options.configuration}} {{options.signingKey}}' }),
      ruleFile({ id: 'implicit', assert: { path: 'grant_types', not_contains: 'implicit' }, message: 'grants {{grant_types}} {{client_secret}}' }),
    ];
    const texts = reportsOf(
      {
        log_streams: [{ id: 'l', name: 'siem', sink: { httpEndpoint: `https://u:${SECRET}@siem.example/in?token=${SECRET}`, httpAuthorization: SECRET } }],
        connections: [{ id: 'c', name: 'db', options: { configuration: { K: SECRET }, signingKey: { key: SECRET } } }],
        clients: [client({ client_id: 'a', grant_types: ['implicit'], client_secret: SECRET })],
      },
      rules,
    );
    for (const text of texts) expect(text).not.toContain(SECRET);
    const json = texts[REPORT_FORMATS.indexOf('json')] ?? '';
    expect(json).toContain('to https://[REDACTED]@siem.example/in?token=[REDACTED]');
    expect(json).toContain('grants implicit [REDACTED]');
  });
});

describe('snapshot diffs', () => {
  it('never print scripts or code, also inside an object added whole', () => {
    const changes = diffValues(
      { id: 'r', script: 'function a() { const token = "old-token-value"; }' },
      { id: 'r', script: 'function a() { const token = "new-token-value"; }', deployed_version: { id: 'v', code: 'const x = "code-in-added-object";' } },
      'rules',
    );
    expect(JSON.stringify(changes)).not.toMatch(/token-value|code-in-added-object/);
    expect(changes).toContainEqual({ path: 'script', change: 'changed', hidden: true });
    const tenant = diffValues({ error_page: { html: '<b>a</b>' } }, { error_page: { html: '<b>b</b>' } }, 'tenant');
    expect(tenant).toEqual([{ path: 'error_page.html', change: 'changed', hidden: true }]);
  });
});
