import type { Readable } from 'node:stream';
import { InputError } from '../errors.js';
import type { KindName, StoredKindName } from '../model/kinds.js';
import { formatIssue } from '../rules/format-issue.js';
import { formatDocPath } from '../rules/source-document.js';
import type { SnapshotSink } from '../core/snapshot-sink.js';
import type { AllowList } from '../redact/allow-list.js';
import { allowListOfRecord } from '../redact/allow-list-record.js';
import { builtinAllowList } from '../redact/builtin-allow-list.js';
import { redactResource } from './redact.js';
import { understandResource } from './understand-resource.js';
import { withNotUnderstood } from '../model/kind-tally.js';
import { COVERAGE_LIST_LIMIT, type NotUnderstood } from '../model/coverage.js';
import { snapshotEndSchema, snapshotHeaderSchema, snapshotRecordSchema, SNAPSHOT_FORMAT } from './snapshot-format.js';
import { boundedLines } from '../util/bounded-lines.js';
import { openMaybeGzip, type ExpansionLimits } from '../util/open-maybe-gzip.js';
import type { z } from 'zod';

const MiB = 1024 * 1024;
/** One resource per line; the largest real ones (an action with its code) are well under a megabyte. */
const MAX_LINE_BYTES = 64 * MiB;
/**
 * A 1,000,000-user tenant is 0.5 to 3 GB of NDJSON; 16 GiB leaves room for several times that. Past 16 MiB, a
 * .gz that expands more than 200-fold is not a snapshot (they compress about 10-fold) but a decompression bomb.
 */
const SNAPSHOT_LIMITS: ExpansionLimits = { maxBytes: 16 * 1024 * MiB, maxRatio: 200, ratioAfterBytes: 16 * MiB };

/**
 * Streams a snapshot file into a sink, validating every line: header first, resources, then the end record
 * (a file without it was cut short). Secrets are redacted again on the way in, whoever wrote the file: a resource
 * keeps only what both the header's recorded allow-list and `allow` (what the reader's rules read; the built-in
 * rules' list by default) keep, so a custom rule gets the fields its snapshot kept for it, and a header edited to
 * "keep" an addon key shows it to nobody whose rules do not read it.
 */
export async function readSnapshot(path: string, sink: SnapshotSink, allow: AllowList = builtinAllowList()): Promise<void> {
  const { input } = await openSnapshot(path);
  let lineNo = 0;
  const lines = boundedLines(input, MAX_LINE_BYTES, (n) => new InputError('SNAPSHOT', 'a line is longer than 64 MiB: not a snapshot auth0-scan wrote', `${path}:${n}`));
  let state: 'header' | 'body' | 'done' = 'header';
  // A resource this version cannot read (a snapshot from another version, or edited by hand) is kept out of
  // evaluation and named in its kind's coverage, as during collection: it never fails the whole snapshot.
  const rejected = new Map<StoredKindName, { entries: NotUnderstood[]; n: number }>();
  const seen = new Map<KindName, number>();
  let recorded: AllowList | undefined;
  const fail = (message: string): never => {
    input.destroy();
    throw new InputError('SNAPSHOT', message, `${path}:${lineNo}`);
  };
  try {
    for await (const { text: line, number } of lines) {
      lineNo = number;
      if (line.trim() === '') continue;
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
        recorded = allowListOfRecord(header.redaction);
        await sink.begin(header);
        state = 'body';
        continue;
      }
      if (value !== null && typeof value === 'object' && 'end' in value) {
        const end = check(snapshotEndSchema, value, fail, 'end record');
        // The counts are the file's own account of what it holds: a record lost, added or edited out is a damaged file.
        for (const kind of new Set([...Object.keys(end.coverage), ...seen.keys()]) as Set<StoredKindName>) {
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
      // Applying both lists in turn keeps what both allow (and redacts secrets at every kept path twice over).
      await sink.resource(kind, redactResource(kind, redactResource(kind, understood.data, recorded), allow));
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

async function openSnapshot(path: string): Promise<{ input: Readable }> {
  try {
    return await openMaybeGzip(path, SNAPSHOT_LIMITS, (problem) =>
      problem === 'size'
        ? new InputError('SNAPSHOT', 'the snapshot decompresses to more than 16 GiB, more than any tenant holds', path)
        : new InputError('SNAPSHOT', 'the file expands more than 200-fold when decompressed: not a snapshot auth0-scan wrote (a decompression bomb?)', path),
    );
  } catch (err) {
    throw new InputError('SNAPSHOT', `cannot open snapshot (${(err as NodeJS.ErrnoException).code ?? 'error'})`, path);
  }
}
