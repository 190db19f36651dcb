import type { RuleSpec } from '../engine/create-evaluator.js';
import { InputError } from '../errors.js';
import { mapTerraform } from '../iac/terraform/map-terraform.js';
import { terraformShowSchema } from '../iac/terraform/terraform-plan.js';
import { formatIssue } from '../rules/format-issue.js';
import { isSyntaxError, parseSource } from '../rules/source-document.js';
import { readFileAtMost } from '../util/read-file-at-most.js';
import { scanMapped, type ConfigExportScan } from './scan-config-export.js';

const MAX_PLAN_BYTES = 64 * 1024 * 1024;

/**
 * Scans the JSON of `terraform show -json` (a plan: the planned values after the change; or a state) offline: the
 * `auth0_*` resources mapped to the rule kinds, findings located by resource address.
 */
export function scanTerraform(path: string, shown: string, rules: readonly RuleSpec[], now: string, toolVersion: string): ConfigExportScan {
  let buf: Buffer | undefined;
  try {
    buf = readFileAtMost(path, MAX_PLAN_BYTES);
  } catch (err) {
    throw new InputError('CONFIG', `cannot read the Terraform JSON (${(err as NodeJS.ErrnoException).code ?? 'error'})`, shown);
  }
  if (buf === undefined) throw new InputError('CONFIG', `the Terraform JSON is over ${MAX_PLAN_BYTES} bytes`, shown);
  const source = parseSource(buf.toString('utf8'));
  if (isSyntaxError(source)) throw new InputError('CONFIG', `syntax error: ${source.message}`, `${shown}:${source.line}`);
  const parsed = terraformShowSchema.safeParse(source.data);
  if (!parsed.success) {
    const issue = formatIssue(parsed.error.issues, source.data);
    throw new InputError('CONFIG', `not the JSON of terraform show -json: ${issue.path.join('.') || '(root)'}: ${issue.message}`, `${shown}:${source.lineOf(issue.path) ?? 1}`);
  }
  if (!parsed.data.planned_values && !parsed.data.values) {
    throw new InputError('CONFIG', 'neither planned_values (a plan) nor values (a state): give the JSON of terraform show -json', `${shown}:1`);
  }
  return scanMapped(mapTerraform(parsed.data, shown), rules, now, toolVersion);
}
