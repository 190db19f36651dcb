import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { resolve } from 'node:path';
import { InputError } from '../errors.js';
import { formatIssue } from '../rules/format-issue.js';
import { formatDocPath, isSyntaxError, parseSource } from '../rules/source-document.js';
import { baselineSchema, multiBaselineSchema, type Baseline } from './baseline-schema.js';

/** Reads and validates a previous JSON report for --baseline; every problem is one line naming file, line and field. */
export function loadBaseline(path: string, cwd: string): Baseline {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, path), 'utf8');
  } catch (err) {
    throw new InputError('CONFIG', `cannot read baseline (${(err as NodeJS.ErrnoException).code ?? 'error'})`, path);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    // JSON.parse is fast on big reports but names no line; the YAML parser (a JSON superset) does.
    const source = parseSource(text);
    const line = isSyntaxError(source) ? source.line : undefined;
    throw new InputError('CONFIG', `not a JSON report: ${err instanceof Error ? err.message : String(err)}`, line ? `${path}:${line}` : path);
  }
  if (isSarif(data)) throw new InputError('CONFIG', 'this is a SARIF log; --baseline takes a JSON report (scan --format json, or baseline create)', path);
  const parsed = isMultiTenant(data) ? multiBaselineSchema.safeParse(data) : baselineSchema.safeParse(data);
  if (parsed.success) return 'tenants' in parsed.data ? flatten(parsed.data) : parsed.data;
  const issue = formatIssue(parsed.error.issues, data);
  const source = parseSource(text);
  const line = isSyntaxError(source) ? undefined : source.lineOf(issue.path);
  throw new InputError('CONFIG', `${formatDocPath(issue.path)}: ${issue.message}`, line ? `${path}:${line}` : path);
}

function isSarif(data: unknown): boolean {
  return typeof data === 'object' && data !== null && 'runs' in data && 'version' in data;
}

function isMultiTenant(data: unknown): boolean {
  return typeof data === 'object' && data !== null && 'tenants' in data && !('tenant' in data);
}

/** One list of findings, each marked with its tenant, so a tenant's part can be picked out (baselineForTenant). */
function flatten(doc: z.infer<typeof multiBaselineSchema>): Baseline {
  const tenants = doc.tenants.map((t) => t.tenant.domain);
  return {
    schemaVersion: doc.schemaVersion,
    tenant: { domain: tenants.join(', ') },
    tenants,
    findings: doc.tenants.flatMap((t) => t.findings.map((f) => ({ ...f, tenant: f.tenant ?? t.tenant.domain }))),
  };
}
