import { describe, expect, it } from 'vitest';
import { runRuleTests } from '../../src/engine/run-rule-tests.js';
import { loadRuleSet } from '../../src/rules/load-rule-set.js';
import { compileRule } from '../../src/engine/compile-rule.js';
import { PLACEHOLDER_TENANT } from '../../src/engine/rule-kinds.js';
import { KINDS, resourceId } from '../../src/model/kinds.js';

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
      it('has a machine-readable fix that fills in for its failing case', () => {
        const fix = rule.file.fix;
        expect(fix, 'a fix block: the request, or a note saying why no single request fixes it').toBeDefined();
        if (!fix?.request) return expect(fix?.note).toMatch(/\S/);
        const compiled = compileRule(rule.file, PLACEHOLDER_TENANT).rule;
        const failing = rule.file.tests.find((t) => t.expect === 'fail');
        const subject = failing?.resource ?? { items: failing?.items ?? [], count: failing?.items?.length ?? 0 };
        const id = rule.file.scope === 'collection' || KINDS[rule.file.resource].singleton ? rule.file.resource : resourceId(rule.file.resource, subject);
        const filled = compiled?.fix?.({ subject, id, ...(KINDS[rule.file.resource].streamed ? { count: 1, sample: [id] } : {}) });
        // A path a person can send: no template left, no value that was missing from the resource.
        expect(filled?.request?.path).toMatch(/^\/api\/v2\/[^\s{}]*(\{id\}[^\s{}]*)?$/);
        expect(filled?.request?.path).not.toMatch(/undefined|null|%22/);
        expect(filled?.cli).toMatch(/^auth0 /);
      });
      it('lives in a file named after its id', () => {
        expect(rule.path.endsWith(`/${rule.file.id}.yaml`)).toBe(true);
      });
    });
  }
});
