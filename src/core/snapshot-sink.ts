import type { KindCoverage } from '../model/coverage.js';
import type { KindName } from '../model/kinds.js';
import type { SnapshotHeader, SnapshotStats } from '../snapshot/snapshot-format.js';

/**
 * Where collected or read resources go: a snapshot file (`collect`) or the evaluator (`scan`). Producers send
 * every non-streamed kind before the first streamed (users) resource.
 */
export interface SnapshotSink {
  begin(header: SnapshotHeader): Promise<void> | void;
  resource(kind: KindName, data: Record<string, unknown>): Promise<void> | void;
  end(coverage: Partial<Record<KindName, KindCoverage>>, stats?: SnapshotStats): Promise<void> | void;
}
