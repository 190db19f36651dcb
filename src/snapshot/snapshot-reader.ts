import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { InputError } from '../errors.js';
import type { KindName } from '../model/kinds.js';
import { formatIssue } from '../rules/format-issue.js';
import { formatDocPath } from '../rules/source-document.js';
import type { SnapshotSink } from '../core/snapshot-sink.js';
import { redactResource } from './redact.js';
import { understandResource } from './understand-resource.js';
import { withNotUnderstood } from '../model/kind-tally.js';
import { COVERAGE_LIST_LIMIT, type NotUnderstood } from '../model/coverage.js';
import { snapshotEndSchema, snapshotHeaderSchema, snapshotRecordSchema, SNAPSHOT_FORMAT } from './snapshot-format.js';
import type { z } from 'zod';

const MAX_LINE = 64 * 1024 * 1024;

/**
 * Streams a snapshot file into a sink, validating every line: header first, resources, then the end record
 * (a file without it was cut short). Secrets are redacted again on the way in, whoever wrote the file.
 */
export async function readSnapshot(path: string, sink: SnapshotSink): Promise<void> {
  const input = await openMaybeGzip(path);
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  let state: 'header' | 'body' | 'done' = 'header';
  // A resource this version cannot read (a snapshot from another version, or edited by hand) is kept out of
  // evaluation and named in its kind's coverage, as during collection: it never fails the whole snapshot.
  const rejected = new Map<KindName, { entries: NotUnderstood[]; n: number }>();
  const seen = new Map<KindName, number>();
  const fail = (message: string): never => {
    input.destroy();
    throw new InputError('SNAPSHOT', message, `${path}:${lineNo}`);
  };
  try {
    for await (const line of lines) {
      lineNo++;
      if (line.trim() === '') continue;
      if (line.length > MAX_LINE) fail(`line is longer than ${MAX_LINE} characters`);
      if (state === 'done') fail('data after the end record');
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (err) {
        if (err instanceof RangeError) fail('a value is nested too deeply');
        fail(lineNo === 1 ? `not an auth0-scan snapshot (expected NDJSON starting with a "${SNAPSHOT_FORMAT}" header)` : 'invalid JSON');
      }
      if (state === 'header') {
        const header = check(snapshotHeaderSchema, value, fail, 'header');
        await sink.begin(header);
        state = 'body';
        continue;
      }
      if (value !== null && typeof value === 'object' && 'end' in value) {
        const end = check(snapshotEndSchema, value, fail, 'end record');
        // The counts are the file's own account of what it holds: a record lost, added or edited out is a damaged file.
        for (const kind of new Set([...Object.keys(end.coverage), ...seen.keys()]) as Set<KindName>) {
          const announced = end.coverage[kind]?.count ?? 0;
          const read = seen.get(kind) ?? 0;
          if (announced !== read) fail(`end record: ${kind} counts ${announced} resource(s) but the file holds ${read}`);
        }
        const coverage = { ...end.coverage };
        for (const [kind, { entries, n }] of rejected) {
          const base = coverage[kind] ?? { status: 'ok' as const, count: 0 };
          coverage[kind] = withNotUnderstood(kind, { ...base, count: Math.max(0, base.count - n) }, entries, n);
        }
        await sink.end(coverage, end.stats);
        state = 'done';
        continue;
      }
      const record = check(snapshotRecordSchema, value, fail, 'record');
      const kind: KindName = record.kind;
      const position = (seen.get(kind) ?? 0) + 1;
      seen.set(kind, position);
      const understood = understandResource(kind, record.data, position);
      if (!understood.ok) {
        const r = rejected.get(kind) ?? { entries: [], n: 0 };
        r.n++;
        if (r.entries.length < COVERAGE_LIST_LIMIT) r.entries.push(understood.entry);
        rejected.set(kind, r);
        continue;
      }
      await sink.resource(kind, redactResource(kind, understood.data));
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    if (err instanceof RangeError) throw new InputError('SNAPSHOT', 'a value is nested too deeply', `${path}:${lineNo}`);
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError('SNAPSHOT', code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR' ? 'corrupt gzip data' : `cannot read snapshot (${code ?? String(err)})`, `${path}:${lineNo}`);
  }
  if (state === 'header') throw new InputError('SNAPSHOT', 'the snapshot is empty', path);
  if (state !== 'done') throw new InputError('SNAPSHOT', 'the snapshot ends before its end record (truncated file?)', `${path}:${lineNo}`);
}

function check<T>(schema: z.ZodType<T>, value: unknown, fail: (m: string) => never, what: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = formatIssue(r.error.issues, value);
  return fail(`${what}: ${issue.path.length > 0 ? `${formatDocPath(issue.path)}: ` : ''}${issue.message}`);
}

async function openMaybeGzip(path: string): Promise<Readable> {
  let magic: Buffer;
  try {
    const fh = await open(path, 'r');
    try {
      const buf = Buffer.alloc(2);
      const { bytesRead } = await fh.read(buf, 0, 2, 0);
      magic = buf.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } catch (err) {
    throw new InputError('SNAPSHOT', `cannot open snapshot (${(err as NodeJS.ErrnoException).code ?? 'error'})`, path);
  }
  const raw = createReadStream(path);
  if (magic[0] === 0x1f && magic[1] === 0x8b) {
    const gunzip = createGunzip();
    raw.on('error', (e) => gunzip.destroy(e));
    return raw.pipe(gunzip);
  }
  return raw;
}
