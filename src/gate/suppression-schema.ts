import { z } from 'zod';
import { compileResourcePattern } from './resource-pattern.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const RULE_PATTERN = /^[a-z0-9*?]+(-[a-z0-9*?]+)*$/;

function isCalendarDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function regexProblem(resource: string): string | undefined {
  try {
    compileResourcePattern(resource);
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/** One entry: which finding (rule + resource, optionally tenant) is accepted, why, and until when. */
export const suppressionEntrySchema = z.strictObject({
  rule: z.string().regex(RULE_PATTERN, 'must be a rule id or a glob of rule ids (a-z, 0-9, "-", "*" and "?")'),
  resource: z
    .string()
    .min(1, 'must be a resource id or a regular expression written as /…/')
    .superRefine((value, ctx) => {
      const problem = regexProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: `invalid regular expression: ${problem}` });
    }),
  tenant: z.string().min(1).optional(),
  reason: z.string().trim().min(1, 'must say why the finding is accepted'),
  expires: z
    .string({ error: 'must be a date written YYYY-MM-DD' })
    .regex(DATE, 'must be a date written YYYY-MM-DD')
    .refine(isCalendarDate, 'is not a calendar date'),
});

/** `.auth0-scan-ignore.yaml` (or --ignore-file): the same entries as the config file's `suppressions:` section. */
export const suppressionFileSchema = z.strictObject({
  $schema: z.string().optional(),
  suppressions: z.array(suppressionEntrySchema).default([]),
});

export type SuppressionEntry = z.infer<typeof suppressionEntrySchema>;

/** An entry plus where it is written (`file:line`), which reports and warnings name. */
export interface LocatedSuppression extends SuppressionEntry {
  entry: string;
}
