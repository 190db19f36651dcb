import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { InputError } from '../errors.js';
import { formatIssue } from '../rules/format-issue.js';

/** One candidate check of a catalog that was not shipped, and why (docs/rules.md "Considered, not shipped"). */
export const consideredRuleSchema = z.strictObject({
  /** Where it comes from: `v2 #12`. */
  row: z.string().min(1),
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  reason: z.string().min(1),
  /** The endpoint and scope it would need, when that is what is missing. */
  needs: z.string().optional(),
});
export type ConsideredRule = z.infer<typeof consideredRuleSchema>;

const fileSchema = z.strictObject({ version: z.literal(1), considered: z.array(consideredRuleSchema) });

export function consideredRulesPath(): string {
  return fileURLToPath(new URL('../../catalog/considered.yaml', import.meta.url));
}

/** Reads catalog/considered.yaml (build-time docs input); a problem names the file and the dot-path. */
export function loadConsideredRules(path = consideredRulesPath()): ConsideredRule[] {
  const data: unknown = parse(readFileSync(path, 'utf8'));
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = formatIssue(parsed.error.issues, data);
    throw new InputError('CONFIG', `${issue.path.join('.')}: ${issue.message}`, path);
  }
  return parsed.data.considered;
}
