import type { z } from 'zod';
import { resolve } from 'node:path';
import { InputError } from '../errors.js';
import { isBinary } from '../rules/foreign-document.js';
import { formatIssue } from '../rules/format-issue.js';
import { formatDocPath, isSyntaxError, parseSource } from '../rules/source-document.js';
import { readFileAtMost } from '../util/read-file-at-most.js';
import { baselineSchema, multiBaselineSchema, type Baseline } from './baseline-schema.js';

/** The largest JSON report `diff` reads too; a bigger file is not one auth0-scan wrote. */
const MAX_BASELINE_BYTES = 256 * 1024 * 1024;

/** Reads and validates a previous JSON report for --baseline; every problem is one line naming file, line and field. */
export function loadBaseline(path: string, cwd: string): Baseline {
  let bytes: Buffer | undefined;
  try {
    bytes = readFileAtMost(resolve(cwd, path), MAX_BASELINE_BYTES);
  } catch (err) {
    throw new InputError('CONFIG', `cannot read baseline (${(err as NodeJS.ErrnoException).code ?? 'error'})`, path);
  }
  if (bytes === undefined) throw new InputError('CONFIG', 'not a JSON report: larger than 256 MiB', path);
  const text = bytes.toString('utf8');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // JSON.parse is fast on big reports but names no line; the YAML parser (a JSON superset) does. Neither
    // message is shown: JSON.parse's quotes the file ("root:$6$…" is not valid JSON).
    const source = isBinary(bytes) ? undefined : parseSource(text);
    const line = source && isSyntaxError(source) ? source.line : undefined;
    throw new InputError('CONFIG', 'not a JSON report: not valid JSON', line ? `${path}:${line}` : path);
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
