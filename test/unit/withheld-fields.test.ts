import { describe, expect, it } from 'vitest';
import { createEvaluator } from '../../src/engine/create-evaluator.js';
import type { KindCoverage } from '../../src/model/coverage.js';
import { fieldsRead } from '../../src/engine/fields-read.js';
import { ruleKinds } from '../../src/engine/rule-kinds.js';
import { loadRuleSet } from '../../src/rules/load-rule-set.js';

// Rules over connections alone: those that also count tenants or clients would be skipped for those kinds here.
const connectionRules = loadRuleSet().filter((r) => r.file.resource === 'connections' && ruleKinds(r.file).length === 1);
const connections = [
  { id: 'con_used', name: 'db', strategy: 'auth0', enabled_clients: ['app'] },
  { id: 'con_unused', name: 'idle', strategy: 'auth0', enabled_clients: [] },
];

function evaluate(coverage: KindCoverage) {
  const ev = createEvaluator({
    tenant: { domain: 'acme.auth0.com' },
    now: '2026-01-01T00:00:00Z',
    resources: { connections },
    rules: connectionRules.map(({ file }) => ({ file })),
  });
  return ev.finish({ connections: coverage });
}

describe('connections read without read:connections_options', () => {
  const withheld = evaluate({ status: 'ok', count: 2, withheldFields: ['options'], missingScopes: ['read:connections_options'] });

  it('skips exactly the rules that read options, naming the scope', () => {
    const readsOptions = connectionRules.filter((r) => fieldsRead(r.file).get('connections')?.has('options') === true).map((r) => r.file.id);
    expect(readsOptions.length).toBeGreaterThan(3);
    expect(withheld.skipped.map((s) => s.ruleId).sort()).toEqual(readsOptions.filter((id) => id !== 'connection-unused').sort());
    for (const s of withheld.skipped) expect(s).toMatchObject({ reason: expect.stringContaining('options withheld'), missingScopes: ['read:connections_options'] });
  });

  it('still judges connection-unused, which needs only the enabled clients', () => {
    expect(withheld.skipped.map((s) => s.ruleId)).not.toContain('connection-unused');
    expect(withheld.findings.filter((f) => f.ruleId === 'connection-unused').map((f) => f.resource.id)).toEqual(['con_unused']);
  });

  it('judges a partial kind like an ok one: the resources that were understood are evaluated', () => {
    const partial = evaluate({ status: 'partial', count: 2, notUnderstood: [{ id: 'con_x', field: 'id', problem: 'absent' }], notUnderstoodCount: 1 });
    expect(partial.skipped).toEqual([]);
    expect(partial.findings.filter((f) => f.ruleId === 'connection-unused').map((f) => f.resource.id)).toEqual(['con_unused']);
  });
});
