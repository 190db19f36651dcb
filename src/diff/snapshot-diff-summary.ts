import type { SnapshotDiff } from './diff-types.js';

/** `2 resources changed, 1 added, 0 removed · users 60 → 61 (+2, −1)` */
export function snapshotDiffSummary(diff: SnapshotDiff): string {
  const parts = [
    `${diff.changed.length} resource${diff.changed.length === 1 ? '' : 's'} changed, ${diff.added.length} added, ${diff.removed.length} removed`,
  ];
  for (const s of diff.streamed) parts.push(`${s.kind} ${s.before} → ${s.after} (+${s.added}, −${s.removed})`);
  if (diff.coverage.length > 0) parts.push(`${diff.coverage.length} coverage change${diff.coverage.length === 1 ? '' : 's'}`);
  return parts.join(' · ');
}
