import { once } from 'node:events';
import { createGzip, type Gzip } from 'node:zlib';
import { KINDS, type KindName } from '../model/kinds.js';
import type { KindCoverage } from '../model/coverage.js';
import type { SnapshotSink } from '../core/snapshot-sink.js';
import { openAtomicStream, type AtomicStream } from '../util/atomic-file.js';
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

  constructor(path: string) {
    this.file = openAtomicStream(path);
    if (path.endsWith('.gz')) {
      const gz = createGzip();
      gz.pipe(this.file.stream, { end: false });
      this.out = gz;
    } else {
      this.out = this.file.stream;
    }
  }

  async begin(header: SnapshotHeader): Promise<void> {
    await this.line(header);
  }

  async resource(kind: KindName, data: Record<string, unknown>): Promise<void> {
    if (KINDS[kind].streamed) this.sawStreamed = true;
    else if (this.sawStreamed) throw new Error(`snapshot order: ${kind} written after streamed resources`);
    await this.line({ kind, data: redactResource(kind, data) });
  }

  async end(coverage: Partial<Record<KindName, KindCoverage>>, stats?: SnapshotStats): Promise<void> {
    await this.line({ end: true, coverage, ...(stats ? { stats } : {}) });
    if (this.out !== this.file.stream) {
      const ended = once(this.out, 'end');
      this.out.end();
      await ended;
    }
    await this.file.commit();
  }

  discard(): void {
    this.file.discard();
  }

  private async line(value: unknown): Promise<void> {
    if (!this.out.write(`${JSON.stringify(value)}\n`)) await once(this.out, 'drain');
  }
}
