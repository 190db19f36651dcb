import type { SnapshotSink } from '../core/snapshot-sink.js';
import { SampleKeeper } from '../engine/sample-keeper.js';
import type { KindCoverage } from '../model/coverage.js';
import { KIND_NAMES, KINDS, type KindName } from '../model/kinds.js';
import type { SnapshotHeader } from '../snapshot/snapshot-format.js';
import type { CoverageChange, ResourceChange, ResourceRef, SnapshotDiff, SnapshotSide, StreamedDelta } from './diff-types.js';
import { diffValues } from './diff-values.js';
import { resourceRef } from './resource-identity.js';
import type { SnapshotIndexSink } from './snapshot-index-sink.js';

/** Ids listed per streamed kind for each of added and removed; the counts are always exact. */
export const STREAMED_SAMPLE_SIZE = 20;

interface StreamedTally {
  after: number;
  added: number;
  addedSample: SampleKeeper;
}

/**
 * The NEW side of a snapshot diff: each resource is compared with OLD as it streams past and then dropped. It
 * consumes the index (matched entries are deleted), so what is left in it at the end was removed.
 */
export class SnapshotCompareSink implements SnapshotSink {
  private header?: SnapshotHeader;
  private coverage: Partial<Record<KindName, KindCoverage>> = {};
  private readonly added: ResourceRef[] = [];
  private readonly changed: ResourceChange[] = [];
  private readonly streamed = new Map<KindName, StreamedTally>();

  constructor(private readonly old: SnapshotIndexSink) {}

  begin(header: SnapshotHeader): void {
    this.header = header;
  }

  resource(kind: KindName, data: Record<string, unknown>): void {
    const ref = resourceRef(kind, data);
    if (KINDS[kind].streamed) {
      let tally = this.streamed.get(kind);
      if (!tally) this.streamed.set(kind, (tally = { after: 0, added: 0, addedSample: new SampleKeeper(STREAMED_SAMPLE_SIZE) }));
      tally.after++;
      if (this.old.streamedIds.get(kind)?.delete(ref.id) !== true) {
        tally.added++;
        tally.addedSample.offer(ref.id);
      }
      return;
    }
    const before = this.old.resources.get(kind)?.get(ref.id);
    if (before === undefined) {
      this.added.push(ref);
      return;
    }
    this.old.resources.get(kind)?.delete(ref.id);
    const fields = diffValues(before, data, kind);
    if (fields.length > 0) this.changed.push({ ...ref, fields });
  }

  end(coverage: Partial<Record<KindName, KindCoverage>>): void {
    this.coverage = coverage;
  }

  /** The diff, once both files have been read. */
  result(): SnapshotDiff {
    const removed: ResourceRef[] = [];
    for (const [kind, byId] of this.old.resources) for (const data of byId.values()) removed.push(resourceRef(kind, data));
    return {
      type: 'snapshot-diff',
      old: side(this.old.header),
      new: side(this.header),
      added: this.added.sort(compareRefs),
      removed: removed.sort(compareRefs),
      changed: this.changed.sort(compareRefs),
      streamed: this.streamedDeltas(),
      coverage: coverageChanges(this.old.coverage, this.coverage),
    };
  }

  private streamedDeltas(): StreamedDelta[] {
    const out: StreamedDelta[] = [];
    for (const kind of KIND_NAMES) {
      const tally = this.streamed.get(kind);
      const before = this.old.streamedCounts.get(kind) ?? 0;
      if (!tally && before === 0) continue;
      const left = this.old.streamedIds.get(kind) ?? new Set<string>();
      const removedSample = new SampleKeeper(STREAMED_SAMPLE_SIZE);
      for (const id of left) removedSample.offer(id);
      out.push({
        kind,
        before,
        after: tally?.after ?? 0,
        added: tally?.added ?? 0,
        removed: left.size,
        addedSample: tally?.addedSample.sorted() ?? [],
        removedSample: removedSample.sorted(),
      });
    }
    return out;
  }
}

function side(header: SnapshotHeader | undefined): SnapshotSide {
  return { domain: header?.tenant.domain ?? '', collectedAt: header?.collectedAt ?? '', source: header?.source ?? 'live' };
}

function coverageChanges(before: Partial<Record<KindName, KindCoverage>>, after: Partial<Record<KindName, KindCoverage>>): CoverageChange[] {
  const out: CoverageChange[] = [];
  for (const kind of KIND_NAMES) {
    const a = before[kind]?.status;
    const b = after[kind]?.status;
    if (a !== b) out.push({ kind, ...(a ? { before: a } : {}), ...(b ? { after: b } : {}) });
  }
  return out;
}

const KIND_ORDER = new Map<string, number>(KIND_NAMES.map((k, i) => [k, i]));

function compareRefs(a: ResourceRef, b: ResourceRef): number {
  return (KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
