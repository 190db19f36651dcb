import { readSnapshot } from '../snapshot/snapshot-reader.js';
import type { SnapshotDiff } from './diff-types.js';
import { SnapshotCompareSink } from './snapshot-compare-sink.js';
import { SnapshotIndexSink } from './snapshot-index-sink.js';

/**
 * Configuration drift between two snapshot files. OLD is indexed (configuration objects, ids of streamed kinds),
 * NEW is streamed against it, so a million-user tenant is held once, as a set of ids.
 */
export async function diffSnapshots(oldPath: string, newPath: string): Promise<SnapshotDiff> {
  const index = new SnapshotIndexSink();
  await readSnapshot(oldPath, index);
  const compare = new SnapshotCompareSink(index);
  await readSnapshot(newPath, compare);
  return compare.result();
}
