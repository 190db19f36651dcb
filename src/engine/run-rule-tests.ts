import type { KindName } from '../model/kinds.js';
import type { RuleFile } from '../rules/rule-schema.js';
import { checkResource, type CheckOutcome } from './check-resource.js';
import { compileRule } from './compile-rule.js';
import type { Resource } from './eval-context.js';
import { memoryContext } from './memory-context.js';
import { PLACEHOLDER_TENANT } from './rule-kinds.js';
import { tenantBindings } from './tenant-bindings.js';

export interface RuleTestResult {
  ruleId: string;
  name: string;
  expected: CheckOutcome;
  actual: CheckOutcome | 'error';
  passed: boolean;
  error?: string;
}

export const DEFAULT_TEST_NOW = '2026-01-01T00:00:00Z';

/** Runs a rule's inline test cases through the same compile and check code a scan uses. */
export function runRuleTests(file: RuleFile): RuleTestResult[] {
  return file.tests.map((t) => {
    const domain = t.tenant?.domain ?? PLACEHOLDER_TENANT.domain;
    const resources: Partial<Record<KindName, Resource[]>> = { ...(t.related ?? {}) };
    const own = t.items ?? (t.resource ? [t.resource] : []);
    resources[file.resource] = [...(resources[file.resource] ?? []), ...own];
    const compiled = compileRule(file, tenantBindings(domain, resources.resource_servers), { params: t.params });
    const base = { ruleId: file.id, name: t.name, expected: t.expect };
    if (!compiled.rule) {
      const error = compiled.issues.map((i) => i.message).join('; ');
      return { ...base, actual: 'error' as const, passed: false, error };
    }
    const ctx = memoryContext(resources, Date.parse(t.now ?? DEFAULT_TEST_NOW));
    const subject = compiled.rule.scope === 'collection' ? { items: own, count: own.length } : t.resource;
    const actual = checkResource(compiled.rule, subject, ctx);
    return { ...base, actual, passed: actual === t.expect };
  });
}
