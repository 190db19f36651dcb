import { z } from 'zod';
import { parseDuration } from '../engine/duration.js';
import { InputError } from '../errors.js';
import { FRAMEWORK_IDS } from '../compliance/frameworks.js';
import { DEFAULT_RUN_TIMEOUT_MS } from '../http/run-deadline.js';
import { FAIL_ON_VALUES, severitySchema } from '../model/severity.js';
import { formatIssue } from '../rules/format-issue.js';
import { REPORT_FORMATS } from '../report/report-formats.js';
import { PROFILE_IDS } from '../profiles/profile-ids.js';

const list = z
  .array(z.string())
  .optional()
  .transform((v) => v?.flatMap((s) => s.split(',')).map((s) => s.trim()).filter((s) => s !== ''));
const positiveInt = (name: string, max: number) =>
  z.coerce.number({ error: `${name} must be a number` }).int(`${name} must be a whole number`).min(1, `${name} must be at least 1`).max(max, `${name} must be at most ${max}`);

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const MAX_TIMEOUT_MS = 7 * 86_400_000;

/** `90s`, `30m`, `1h30m`, `1500ms`, or ISO-8601 (`PT45M`): milliseconds, or undefined when it is neither. */
function durationMs(text: string): number | undefined {
  const t = text.trim();
  if (/^P/i.test(t)) return parseDuration(t.toUpperCase());
  if (!/^(?:\d+(?:ms|s|m|h))+$/.test(t)) return undefined;
  let ms = 0;
  for (const [, n, unit] of t.matchAll(/(\d+)(ms|s|m|h)/g)) ms += Number(n) * (UNIT_MS[unit ?? ''] ?? 0);
  return ms;
}

/** `--timeout`: the whole run's deadline, from 1 s to 7 days. */
const timeoutOption = z
  .string()
  .transform((text, ctx) => {
    const ms = durationMs(text);
    if (ms === undefined) ctx.addIssue({ code: 'custom', message: `--timeout must be a duration such as 90s, 30m or 1h (got "${text.slice(0, 40)}")` });
    else if (ms < 1000 || ms > MAX_TIMEOUT_MS) ctx.addIssue({ code: 'custom', message: '--timeout must be between 1s and 7 days' });
    return ms ?? 0;
  })
  .optional()
  .transform((ms) => ms ?? DEFAULT_RUN_TIMEOUT_MS);

/** Connection flags shared by scan and collect; env fallbacks are applied by the command. */
export const connectionOptionsSchema = z.object({
  domain: z.string().optional(),
  clientId: z.string().optional(),
  clientSecret: z.string().optional(),
  audience: z.string().optional(),
  token: z.string().optional(),
  /** Hosts beyond Auth0's that the config file may send credentials to (also AUTH0_SCAN_ALLOW_CONFIG_HOSTS). */
  allowConfigHost: list,
  concurrency: positiveInt('--concurrency', 32).default(4),
  maxRps: z.coerce.number({ error: '--max-rps must be a number' }).positive('--max-rps must be above 0').max(1000).optional(),
  /** `--timeout` in milliseconds; past it nothing more is read and the kinds not read end as `error`. */
  timeout: timeoutOption,
  allowPartial: z.boolean().default(false),
  verbose: z.boolean().default(false),
  quiet: z.boolean().default(false),
  progress: z.boolean().default(true),
});

/** `--full-every`: how old the base's last full read may be before a `--since` run reads in full (1 min to 31 days). */
const fullEveryOption = z
  .string()
  .transform((text, ctx) => {
    const ms = durationMs(text.replace(/^(\d+)d$/, (_m, n: string) => `${Number(n) * 24}h`));
    if (ms === undefined) ctx.addIssue({ code: 'custom', message: `--full-every must be a duration such as 24h, 7d or 6h (got "${text.slice(0, 40)}")` });
    else if (ms < 60_000 || ms > 31 * 86_400_000) ctx.addIssue({ code: 'custom', message: '--full-every must be between 1m and 31 days' });
    return ms ?? 0;
  })
  .optional();

/** Incremental reads, shared by scan and collect. */
export const incrementalOptionsSchema = z.object({
  /** `--since PREV`: the base snapshot; only what the tenant log says changed since it is read again. */
  since: z.string().min(1).optional(),
  fullEvery: fullEveryOption,
});

export const ruleOptionsSchema = z.object({
  rules: z.array(z.string()).default([]),
  only: list,
  skip: list,
  minSeverity: severitySchema.optional(),
  /** --framework: repeatable and comma-separated, already lower-cased and checked by the option's parser. */
  framework: z.array(z.enum(FRAMEWORK_IDS)).optional(),
  /** --profile: rule thresholds and tier-2 rules; the config file's `profile` when absent, else baseline. */
  profile: z.enum(PROFILE_IDS).optional(),
  config: z.string().optional(),
});

export const scanOptionsSchema = connectionOptionsSchema.extend(ruleOptionsSchema.shape).extend(incrementalOptionsSchema.shape).extend({
  snapshot: z.string().optional(),
  /** Also save what a live scan read as a snapshot (the next `--since` base). */
  saveSnapshot: z.string().min(1).optional(),
  /** An auth0-deploy-cli export (tenant.yaml, or the directory format's folder), scanned offline. */
  deployCli: z.string().min(1).optional(),
  /** The JSON of `terraform show -json` (a plan or a state), scanned offline. */
  terraform: z.string().min(1).optional(),
  /** --keyword KEY=VALUE (repeatable): deploy-cli keyword replacement for --deploy-cli. */
  keyword: z.array(z.string()).optional(),
  demo: z.boolean().default(false),
  /** Only when --format is given; without it `-o`'s name decides, else the table (planOutputs). */
  format: z.enum(REPORT_FORMATS).optional(),
  output: z.string().optional(),
  jsonOutput: z.string().optional(),
  sarifOutput: z.string().optional(),
  markdownOutput: z.string().optional(),
  junitOutput: z.string().optional(),
  csvOutput: z.string().optional(),
  htmlOutput: z.string().optional(),
  fixPlanOutput: z.string().optional(),
  failOn: z.enum(FAIL_ON_VALUES).optional(),
  color: z.boolean().optional(),
  /** The table lists every finding instead of one row per failing rule. */
  details: z.boolean().default(false),
  /** --group-by control: table, Markdown and JSON group findings by the controls they evidence. */
  groupBy: z.enum(['control'], { error: '--group-by takes control' }).optional(),
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
