import type { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import type { z } from 'zod';
import { InputError } from '../errors.js';
import { formatIssue } from '../rules/format-issue.js';
import { formatDocPath } from '../rules/source-document.js';
import { SNAPSHOT_FORMAT } from '../snapshot/snapshot-format.js';
import { boundedLines } from '../util/bounded-lines.js';
import { openMaybeGzip } from '../util/open-maybe-gzip.js';
import { readFileAtMost } from '../util/read-file-at-most.js';
import { multiTenantReportForDiff, singleReportForDiff, type ReportForDiff } from './report-for-diff.js';
import { multiTenantInputSchema, reportInputSchema } from './report-input-schema.js';

export type DiffInput = { type: 'report'; path: string; report: ReportForDiff } | { type: 'snapshot'; path: string };

/** Reports are read whole, decompressed too; a bigger one is not a report auth0-scan wrote (or a gzip bomb). */
const MAX_REPORT_BYTES = 256 * 1024 * 1024;
/** A snapshot header is a short line; this much without a newline cannot be one. */
const MAX_FIRST_LINE = 1024 * 1024;
/** Looking for that first line reads at most this much (blank lines included), whatever the file expands to. */
const FIRST_LINE_LIMITS = { maxBytes: 4 * MAX_FIRST_LINE, maxRatio: Infinity, ratioAfterBytes: 0 };

/**
 * A `diff` argument, recognised by content: a snapshot starts with its NDJSON header line (gzip or not), anything
 * else must be a JSON report, which is read and validated here. Snapshots are streamed later by the differ.
 */
export async function readDiffInput(path: string): Promise<DiffInput> {
  const head = await firstLine(path);
  if (isSnapshotHeader(head)) return { type: 'snapshot', path };
  return { type: 'report', path, report: await readReport(path) };
}

function isSnapshotHeader(line: string): boolean {
  try {
    const value: unknown = JSON.parse(line);
    return value !== null && typeof value === 'object' && (value as Record<string, unknown>)['format'] === SNAPSHOT_FORMAT;
  } catch {
    return false;
  }
}

/** The first non-blank line, or '' when the file starts with something longer than any snapshot header. */
async function firstLine(path: string): Promise<string> {
  let input: Readable;
  try {
    ({ input } = await openMaybeGzip(path, FIRST_LINE_LIMITS, () => new FirstLineTooLong()));
  } catch (err) {
    throw new InputError('USAGE', `cannot open the file (${errorCode(err)})`, path);
  }
  try {
    for await (const { text } of boundedLines(input, MAX_FIRST_LINE, () => new FirstLineTooLong())) {
      if (text.trim() !== '') return text;
    }
    throw new InputError('USAGE', 'the file is empty', path);
  } catch (err) {
    if (err instanceof InputError) throw err;
    if (err instanceof FirstLineTooLong) return '';
    throw new InputError('USAGE', `cannot read the file (${errorCode(err)})`, path);
  } finally {
    input.destroy();
  }
}

/** Not a failure: a first line this long only says the file is no snapshot (it may still be a report). */
class FirstLineTooLong extends Error {}

async function readReport(path: string): Promise<ReportForDiff> {
  let text: string;
  try {
    const bytes = readFileAtMost(path, MAX_REPORT_BYTES);
    if (bytes === undefined) throw new InputError('USAGE', 'larger than 256 MiB: too large for a JSON report', path);
    text = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes, { maxOutputLength: MAX_REPORT_BYTES }) : bytes).toString('utf8');
  } catch (err) {
    if (err instanceof InputError) throw err;
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new InputError('USAGE', 'decompresses to more than 256 MiB: too large for a JSON report', path);
    throw new InputError('USAGE', `cannot read the file (${errorCode(err)})`, path);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InputError('USAGE', 'neither an auth0-scan JSON report nor a snapshot (not JSON, no snapshot header)', path);
  }
  const invalid = (issues: readonly z.core.$ZodIssue[]): InputError => {
    const issue = formatIssue(issues, value);
    return new InputError('USAGE', `not a valid auth0-scan JSON report: ${formatDocPath(issue.path)}: ${issue.message}`, path);
  };
  if (value !== null && typeof value === 'object' && Array.isArray((value as Record<string, unknown>)['tenants'])) {
    const multi = multiTenantInputSchema.safeParse(value);
    if (multi.success) return multiTenantReportForDiff(multi.data);
    throw invalid(multi.error.issues);
  }
  const single = reportInputSchema.safeParse(value);
  if (single.success) return singleReportForDiff(single.data);
  throw invalid(single.error.issues);
}

function errorCode(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') return 'corrupt gzip data';
  return code ?? (err instanceof Error ? err.message : String(err));
}
