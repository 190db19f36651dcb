import type { RuleFile } from '../src/rules/rule-schema.js';
import { ruleSchema } from '../src/rules/rule-schema.js';
import type { Condition } from '../src/rules/condition-schema.js';
import { compileCondition } from '../src/engine/compile-condition.js';
import { CompileErrors } from '../src/engine/compile-issue.js';
import { NotJudged } from '../src/engine/not-judged.js';
import { memoryContext } from '../src/engine/memory-context.js';
import type { EvalContext, Resource } from '../src/engine/eval-context.js';
import type { KindName } from '../src/model/kinds.js';

export const NOW = Date.parse('2026-01-01T00:00:00Z');

/** A valid rule file with every required field; override what the test is about. */
export function ruleFile(overrides: Partial<Record<keyof RuleFile, unknown>> = {}): RuleFile {
  return ruleSchema.parse({
    id: 'test-rule',
    version: 1,
    title: 'Test rule passes',
    severity: 'medium',
    category: 'test',
    description: 'd',
    rationale: 'r',
    remediation: 'fix it',
    resource: 'clients',
    assert: { path: 'ok', equals: true },
    message: 'Resource {{$name}} fails.',
    ...overrides,
  });
}

export function client(overrides: Resource = {}): Resource {
  return { client_id: 'c1', name: 'App', app_type: 'spa', grant_types: ['authorization_code'], ...overrides };
}

export function user(overrides: Resource = {}): Resource {
  return { user_id: 'auth0|u1', email: 'u1@example.com', created_at: '2024-01-01T00:00:00Z', ...overrides };
}

/** Compiles a condition with given params/tenant and returns a predicate over one subject, or the compile issues. */
export function cond(
  c: Condition,
  opts: { params?: Record<string, unknown>; resources?: Partial<Record<KindName, Resource[]>>; now?: number } = {},
): { test: (subject: unknown) => boolean | 'not_judged'; issues: string[]; ctx: EvalContext } {
  const errors = new CompileErrors();
  const p = compileCondition(c, [], { params: opts.params ?? {}, tenant: { domain: 't.example.com', mgmtApiIdentifier: 'https://t.example.com/api/v2/' } }, errors);
  const ctx = memoryContext(opts.resources ?? {}, opts.now ?? NOW);
  const test = (s: unknown): boolean | 'not_judged' => {
    try {
      return p(s, ctx);
    } catch (err) {
      if (err instanceof NotJudged) return 'not_judged';
      throw err;
    }
  };
  return { test, issues: errors.issues.map((i) => i.message), ctx };
}
