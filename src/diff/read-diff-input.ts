import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { createGunzip, gunzipSync } from 'node:zlib';
import type { z } from 'zod';
import { InputError } from '../errors.js';
import { formatIssue } from '../rules/format-issue.js';
import { formatDocPath } from '../rules/source-document.js';
import { SNAPSHOT_FORMAT } from '../snapshot/snapshot-format.js';
import { multiTenantReportForDiff, singleReportForDiff, type ReportForDiff } from './report-for-diff.js';
import { multiTenantInputSchema, reportInputSchema } from './report-input-schema.js';

export type DiffInput = { type: 'report'; path: string; report: ReportForDiff } | { type: 'snapshot'; path: string };

/** Reports are read whole; a bigger file is not a report auth0-scan wrote. */
const MAX_REPORT_BYTES = 256 * 1024 * 1024;
/** A snapshot header is a short line; this much without a newline cannot be one. */
const MAX_FIRST_LINE = 1024 * 1024;

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

async function firstLine(path: string): Promise<string> {
  const gzip = await isGzip(path);
  const raw = createReadStream(path);
  const input = gzip ? raw.pipe(createGunzip()) : raw;
  if (gzip) raw.on('error', (e) => input.destroy(e));
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      if (line.trim() !== '') return line.length > MAX_FIRST_LINE ? '' : line;
    }
    throw new InputError('USAGE', 'the file is empty', path);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError('USAGE', `cannot read the file (${errorCode(err)})`, path);
  } finally {
    lines.close();
    input.destroy();
    raw.destroy();
  }
}

async function readReport(path: string): Promise<ReportForDiff> {
  let text: string;
  try {
    if ((await stat(path)).size > MAX_REPORT_BYTES) throw new InputError('USAGE', 'too large for a JSON report', path);
    const bytes = await readFile(path);
    text = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
  } catch (err) {
    if (err instanceof InputError) throw err;
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

async function isGzip(path: string): Promise<boolean> {
  try {
    const fh = await open(path, 'r');
    try {
      const magic = Buffer.alloc(2);
      const { bytesRead } = await fh.read(magic, 0, 2, 0);
      return bytesRead === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
    } finally {
      await fh.close();
    }
  } catch (err) {
    throw new InputError('USAGE', `cannot open the file (${errorCode(err)})`, path);
  }
}

function errorCode(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') return 'corrupt gzip data';
  return code ?? (err instanceof Error ? err.message : String(err));
}
