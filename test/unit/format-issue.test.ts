import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatIssue } from '../../src/rules/format-issue.js';

function problem(schema: z.ZodType, data: unknown): string {
  const r = schema.safeParse(data);
  if (r.success) throw new Error('expected a problem');
  const issue = formatIssue(r.error.issues, data);
  return `${issue.path.join('.')}: ${issue.message}`;
}

describe('formatIssue: sentences, not validator wording', () => {
  const entry = z.object({ rule: z.string(), enabled: z.boolean().optional(), expires: z.string({ error: 'must be a date written YYYY-MM-DD' }) });

  it('a missing value says it is missing, with the schema own message when it has one', () => {
    expect(problem(entry, { expires: '2026-01-01' })).toBe('rule: is missing: give a string');
    expect(problem(entry, { rule: 'x' })).toBe('expires: is missing: it must be a date written YYYY-MM-DD');
  });

  it('a value of the wrong type is named by its type, never quoted', () => {
    expect(problem(entry, { rule: 'x', expires: '2026-01-01', enabled: 1 })).toBe('enabled: must be true or false, not a number');
    expect(problem(entry, { rule: ['SECRET-VALUE'], expires: '2026-01-01' })).toBe('rule: must be a string, not an array');
    expect(problem(entry, { rule: 'x', expires: 20260101 })).toBe('expires: must be a date written YYYY-MM-DD');
  });

  it('a value outside an enum lists the allowed values, not the validator wording', () => {
    expect(problem(z.object({ failOn: z.enum(['high', 'never']) }), { failOn: 3 })).toBe('failOn: must be one of "high", "never"');
  });
});
