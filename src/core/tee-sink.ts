import type { SnapshotSink } from './snapshot-sink.js';

/** One stream of resources into several sinks, in order: `scan --save-snapshot` evaluates and saves in one read. */
export function teeSink(...sinks: SnapshotSink[]): SnapshotSink {
  return {
    async begin(header) {
      for (const s of sinks) await s.begin(header);
    },
    async resource(kind, data) {
      for (const s of sinks) await s.resource(kind, data);
    },
    async end(coverage, stats) {
      for (const s of sinks) await s.end(coverage, stats);
    },
  };
}
