import { z } from 'zod';
import { InputError } from '../errors.js';
import { FAIL_ON_VALUES, severitySchema } from '../model/severity.js';
import { formatIssue } from '../rules/format-issue.js';
import { REPORT_FORMATS } from '../report/report-formats.js';

const list = z
  .array(z.string())
  .optional()
  .transform((v) => v?.flatMap((s) => s.split(',')).map((s) => s.trim()).filter((s) => s !== ''));
const positiveInt = (name: string, max: number) =>
  z.coerce.number({ error: `${name} must be a number` }).int(`${name} must be a whole number`).min(1, `${name} must be at least 1`).max(max, `${name} must be at most ${max}`);

/** Connection flags shared by scan and collect; env fallbacks are applied by the command. */
export const connectionOptionsSchema = z.object({
  domain: z.string().optional(),
  clientId: z.string().optional(),
  clientSecret: z.string().optional(),
  audience: z.string().optional(),
  token: z.string().optional(),
  concurrency: positiveInt('--concurrency', 32).default(4),
  maxRps: z.coerce.number({ error: '--max-rps must be a number' }).positive('--max-rps must be above 0').max(1000).optional(),
  allowPartial: z.boolean().default(false),
  verbose: z.boolean().default(false),
  quiet: z.boolean().default(false),
  progress: z.boolean().default(true),
});

export const ruleOptionsSchema = z.object({
  rules: z.array(z.string()).default([]),
  only: list,
  skip: list,
  minSeverity: severitySchema.optional(),
  config: z.string().optional(),
});

export const scanOptionsSchema = connectionOptionsSchema.extend(ruleOptionsSchema.shape).extend({
  snapshot: z.string().optional(),
  demo: z.boolean().default(false),
  format: z.enum(REPORT_FORMATS).default('table'),
  output: z.string().optional(),
  jsonOutput: z.string().optional(),
  sarifOutput: z.string().optional(),
  markdownOutput: z.string().optional(),
  junitOutput: z.string().optional(),
  csvOutput: z.string().optional(),
  failOn: z.enum(FAIL_ON_VALUES).optional(),
  color: z.boolean().optional(),
  ignoreFile: z.string().min(1).optional(),
  ignores: z.boolean().default(true),
  strictSuppressions: z.boolean().default(false),
  baseline: z.string().min(1).optional(),
  /** Names (or domains) of the config file's tenants to scan; all of them when absent. */
  tenant: list,
});
export type ScanOptions = z.infer<typeof scanOptionsSchema>;

/** Commander gives strings and booleans; zod turns them into typed options or one clear usage error. */
export function parseOptions<T>(schema: z.ZodType<T>, raw: unknown): T {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const issue = formatIssue(r.error.issues, raw);
  const key = issue.path[0];
  const flag = typeof key === 'string' ? `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}` : 'options';
  throw new InputError('USAGE', issue.message.startsWith('--') ? issue.message : `${flag}: ${issue.message}`);
}
