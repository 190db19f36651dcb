import type { SnapshotSink } from '../core/snapshot-sink.js';
import type { KindCoverage } from '../model/coverage.js';
import { KINDS, type KindName } from '../model/kinds.js';
import type { SnapshotHeader } from '../snapshot/snapshot-format.js';
import { resourceRef } from './resource-identity.js';

/**
 * The OLD side of a snapshot diff, held in memory so NEW can be streamed past it: configuration resources by
 * kind and id, and for streamed kinds (users, possibly a million) only the set of ids, never the objects.
 */
export class SnapshotIndexSink implements SnapshotSink {
  header?: SnapshotHeader;
  readonly resources = new Map<KindName, Map<string, Record<string, unknown>>>();
  readonly streamedIds = new Map<KindName, Set<string>>();
  readonly streamedCounts = new Map<KindName, number>();
  coverage: Partial<Record<KindName, KindCoverage>> = {};

  begin(header: SnapshotHeader): void {
    this.header = header;
  }

  resource(kind: KindName, data: Record<string, unknown>): void {
    const { id } = resourceRef(kind, data);
    if (KINDS[kind].streamed) {
      let ids = this.streamedIds.get(kind);
      if (!ids) this.streamedIds.set(kind, (ids = new Set()));
      ids.add(id);
      this.streamedCounts.set(kind, (this.streamedCounts.get(kind) ?? 0) + 1);
      return;
    }
    let byId = this.resources.get(kind);
    if (!byId) this.resources.set(kind, (byId = new Map()));
    byId.set(id, data);
  }

  end(coverage: Partial<Record<KindName, KindCoverage>>): void {
    this.coverage = coverage;
  }
}
