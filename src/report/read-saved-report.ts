import { gunzipSync } from 'node:zlib';
import type { z } from 'zod';
import { singleReportForDiff, type ReportForDiff } from '../diff/report-for-diff.js';
import { reportInputSchema } from '../diff/report-input-schema.js';
import { InputError } from '../errors.js';
import type { ScanReport, TenantFailure } from '../model/report.js';
import { isBinary } from '../rules/foreign-document.js';
import { formatIssue } from '../rules/format-issue.js';
import { formatDocPath, isSyntaxError, parseSource } from '../rules/source-document.js';
import { readFileAtMost } from '../util/read-file-at-most.js';
import { savedMultiTenantReportSchema, savedReportSchema } from './saved-report-schema.js';

/** Reports are read whole, decompressed too (as by `diff` and `--baseline`); a bigger one is not one auth0-scan wrote. */
const MAX_REPORT_BYTES = 256 * 1024 * 1024;
/** Naming the line of a problem re-parses the text with positions: worth it for a report of a reasonable size only. */
const MAX_BYTES_FOR_LINES = 16 * 1024 * 1024;

/** One saved JSON report, single- or multi-tenant, as its tenants' reports (each also as `diff` compares it). */
export interface SavedReport {
  path: string;
  tenants: { report: ScanReport; forDiff: ReportForDiff }[];
  failed: TenantFailure[];
}

/**
 * Reads and validates a JSON report written by `scan --format json` (gzip or not). Every problem is one InputError
 * naming the file as `shown` (and the line where it can be found) and the dot-path of the field.
 */
export function readSavedReport(file: string, path = file): SavedReport {
  const text = readText(file, path);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // JSON.parse's own message would quote the file; the YAML parser (a JSON superset) names the line instead.
    const source = text.length <= MAX_BYTES_FOR_LINES && !isBinary(Buffer.from(text.slice(0, 8000))) ? parseSource(text) : undefined;
    const line = source && isSyntaxError(source) ? source.line : undefined;
    throw new InputError('USAGE', 'not an auth0-scan JSON report: not valid JSON', line ? `${path}:${line}` : path);
  }
  if (isObject(value) && 'runs' in value && 'version' in value) {
    throw new InputError('USAGE', 'this is a SARIF log; `report` reads JSON reports (scan --format json)', path);
  }
  const multi = isObject(value) && Array.isArray(value['tenants']);
  const parsed = multi ? savedMultiTenantReportSchema.safeParse(value) : savedReportSchema.safeParse(value);
  if (!parsed.success) throw invalid(path, text, value, parsed.error.issues);
  const data = parsed.data;
  const reports: ScanReport[] = 'tenants' in data ? data.tenants : [data];
  const raw: unknown[] = multi && isObject(value) && Array.isArray(value['tenants']) ? value['tenants'] : [value];
  return {
    path,
    tenants: reports.map((report, i) => ({ report, forDiff: forDiff(raw[i], path, text) })),
    failed: 'failed' in data ? data.failed : [],
  };
}

/** The same report as `diff` reads it, so trends and changes follow diff's rules exactly. */
function forDiff(value: unknown, path: string, text: string): ReportForDiff {
  const parsed = reportInputSchema.safeParse(value);
  if (!parsed.success) throw invalid(path, text, value, parsed.error.issues);
  return singleReportForDiff(parsed.data);
}

function readText(file: string, path: string): string {
  try {
    const bytes = readFileAtMost(file, MAX_REPORT_BYTES);
    if (bytes === undefined) throw new InputError('USAGE', 'larger than 256 MiB: too large for a JSON report', path);
    return (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes, { maxOutputLength: MAX_REPORT_BYTES }) : bytes).toString('utf8');
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') throw new InputError('USAGE', 'decompresses to more than 256 MiB: too large for a JSON report', path);
    if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') throw new InputError('USAGE', 'cannot read the file (corrupt gzip data)', path);
    throw new InputError('USAGE', `cannot read the file (${code ?? 'error'})`, path);
  }
}

function invalid(path: string, text: string, value: unknown, issues: readonly z.core.$ZodIssue[]): InputError {
  const issue = formatIssue(issues, value);
  const source = text.length <= MAX_BYTES_FOR_LINES ? parseSource(text) : undefined;
  const line = source && !isSyntaxError(source) ? source.lineOf(issue.path) : undefined;
  return new InputError('USAGE', `not a valid auth0-scan JSON report: ${formatDocPath(issue.path)}: ${issue.message}`, line ? `${path}:${line}` : path);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
