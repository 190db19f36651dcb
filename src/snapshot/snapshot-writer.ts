import { once } from 'node:events';
import { createGzip, type Gzip } from 'node:zlib';
import { KINDS, type KindName } from '../model/kinds.js';
import type { KindCoverage } from '../model/coverage.js';
import type { SnapshotSink } from '../core/snapshot-sink.js';
import { openAtomicStream, PRIVATE_FILE_MODE, type AtomicStream } from '../util/atomic-file.js';
import type { AllowList } from '../redact/allow-list.js';
import { allowListOfRecord, redactionRecord } from '../redact/allow-list-record.js';
import { redactResource } from './redact.js';
import type { SnapshotHeader, SnapshotStats } from './snapshot-format.js';

/**
 * Streams a snapshot to disk one NDJSON line per resource (gzip when the name ends in .gz), so a 1,000,000-user
 * tenant never becomes one string. The file appears only when `end` is reached.
 */
export class SnapshotWriter implements SnapshotSink {
  private readonly file: AtomicStream;
  private readonly out: Gzip | AtomicStream['stream'];
  private sawStreamed = false;
  /** What the header says the resources are redacted with; they are redacted with it again before writing. */
  private allow?: AllowList;
  private gzipFailure: unknown;

  constructor(path: string) {
    this.file = openAtomicStream(path, PRIVATE_FILE_MODE);
    if (path.endsWith('.gz')) {
      const gz = createGzip();
      gz.pipe(this.file.stream, { end: false });
      // A file that cannot be written (a full disk) stops the gzip stream too, so no write waits for a drain
      // that will never come.
      this.file.stream.once('error', (err) => gz.destroy(err));
      gz.on('error', (err) => {
        this.gzipFailure ??= err;
      });
      this.out = gz;
    } else {
      this.out = this.file.stream;
    }
  }

  async begin(header: SnapshotHeader): Promise<void> {
    this.allow = allowListOfRecord(header.redaction);
    await this.line({ ...header, redaction: header.redaction ?? redactionRecord(this.allow) });
  }

  async resource(kind: KindName, data: Record<string, unknown>): Promise<void> {
    if (KINDS[kind].streamed) this.sawStreamed = true;
    else if (this.sawStreamed) throw new Error(`snapshot order: ${kind} written after streamed resources`);
    await this.line({ kind, data: redactResource(kind, data, this.allow) });
  }

  async end(coverage: Partial<Record<KindName, KindCoverage>>, stats?: SnapshotStats): Promise<void> {
    await this.line({ end: true, coverage, ...(stats ? { stats } : {}) });
    if (this.out !== this.file.stream) {
      this.failIfBroken();
      const ended = once(this.out, 'end');
      this.out.end();
      await ended.catch((err: unknown) => {
        throw this.file.error() ?? err;
      });
    }
    await this.file.commit();
  }

  discard(): void {
    this.file.discard();
  }

  private async line(value: unknown): Promise<void> {
    this.failIfBroken();
    try {
      if (!this.out.write(`${JSON.stringify(value)}\n`)) await once(this.out, 'drain');
    } catch (err) {
      throw this.file.error() ?? err;
    }
  }

  /** After a write failure (ENOSPC, EIO) the stream is destroyed: a drain or end would never come. */
  private failIfBroken(): void {
    const failure = this.file.error() ?? this.gzipFailure;
    if (failure !== undefined) throw failure;
    if (this.out.destroyed) throw new Error('snapshot stream closed before the end record');
  }
}
