import { describe, expect, it } from 'vitest';
import { runRuleTests } from '../../src/engine/run-rule-tests.js';
import { loadRuleSet } from '../../src/rules/load-rule-set.js';

const rules = loadRuleSet();

describe('built-in rules', () => {
  it('load without errors', () => {
    expect(rules.length).toBeGreaterThan(0);
  });

  for (const rule of rules) {
    describe(rule.file.id, () => {
      it('has at least one failing and one passing test case', () => {
        const expects = rule.file.tests.map((t) => t.expect);
        expect(expects).toContain('fail');
        expect(expects).toContain('pass');
      });
      it('passes its inline test cases', () => {
        const failed = runRuleTests(rule.file).filter((r) => !r.passed);
        expect(failed.map((r) => `${r.name}: expected ${r.expected}, got ${r.actual}${r.error ? ` (${r.error})` : ''}`)).toEqual([]);
      });
      it('lives in a file named after its id', () => {
        expect(rule.path.endsWith(`/${rule.file.id}.yaml`)).toBe(true);
      });
    });
  }
});
