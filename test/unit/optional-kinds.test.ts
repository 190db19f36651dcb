import { describe, expect, it } from 'vitest';
import { createEvaluator } from '../../src/engine/create-evaluator.js';
import type { KindCoverage } from '../../src/model/coverage.js';
import { scopeNeeds } from '../../src/model/kinds.js';
import { computePostureScore } from '../../src/score/compute-posture-score.js';
import { loadRuleSet } from '../../src/rules/load-rule-set.js';

const dormant = loadRuleSet().filter((r) => r.file.id === 'grant-m2m-dormant');
const evaluate = (coverage: Partial<Record<'client_log_activity', KindCoverage>>, resources = {}) =>
  createEvaluator({ tenant: { domain: 'acme.auth0.com' }, now: '2026-01-01T00:00:00Z', resources, rules: dormant.map(({ file }) => ({ file })) }).finish(coverage);

describe('rules over optional kinds (read:logs)', () => {
  it('are not judged, not skipped, when only the optional scope is missing', () => {
    const out = evaluate({ client_log_activity: { status: 'forbidden', count: 0, missingScopes: ['read:logs'] } });
    expect(out.skipped).toEqual([]);
    expect(out.notJudged).toEqual([expect.objectContaining({ ruleId: 'grant-m2m-dormant', withheld: true })]);
    expect(out.rulesEvaluated).toBe(0);
  });

  it('are skipped as usual when a required scope is missing or the read failed', () => {
    expect(evaluate({ client_log_activity: { status: 'forbidden', count: 0, missingScopes: ['read:client_grants'] } }).skipped).toHaveLength(1);
    expect(evaluate({ client_log_activity: { status: 'error', count: 0, detail: 'HTTP 500' } }).skipped).toHaveLength(1);
  });

  it('are judged like any rule when the scope was granted', () => {
    const out = evaluate(
      { client_log_activity: { status: 'ok', count: 1 } },
      { client_log_activity: [{ client_id: 'm1', last_token_exchange: null, logs_from: '2025-10-01T00:00:00Z' }] },
    );
    expect(out.findings.map((f) => f.resource.id)).toEqual(['m1']);
  });

  it('leave the score as it is: a withheld optional rule neither earns nor loses', () => {
    const rules = [{ id: 'grant-m2m-dormant', severity: 'medium' as const, category: 'grants' }, { id: 'other', severity: 'medium' as const, category: 'grants' }];
    const finding = { ruleId: 'other', severity: 'medium' as const, category: 'grants' };
    const withheld = computePostureScore({ rules, findings: [finding], skipped: [], coverage: {}, withheld: ['grant-m2m-dormant'] });
    const counted = computePostureScore({ rules, findings: [finding], skipped: [], coverage: {} });
    expect(withheld.value).toBe(0);
    expect(counted.value).toBe(50);
  });

  it('list their optional scope apart from the required ones', () => {
    expect(scopeNeeds(['client_log_activity', 'client_credentials', 'clients'])).toEqual({
      required: ['read:client_grants', 'read:clients'],
      optional: ['read:client_credentials', 'read:logs'],
    });
  });
});
