import { terminalSafe } from '../report/terminal-text.js';
import { describeFieldChange } from './describe-field-change.js';
import type { SnapshotDiff, StreamedDelta } from './diff-types.js';
import { resourceRefLabel } from './resource-ref-label.js';
import { snapshotDiffSummary } from './snapshot-diff-summary.js';

/** Configuration drift between two snapshots for a terminal or a log: resource by resource, field by field. */
export function renderSnapshotDiffText(diff: SnapshotDiff): string {
  const blocks = [header(diff)];
  if (diff.changed.length > 0) {
    blocks.push(diff.changed.map((r) => [`~ ${safe(resourceRefLabel(r))}`, ...r.fields.map((f) => `    ${safe(f.path)}: ${safe(describeFieldChange(f))}`)].join('\n')).join('\n'));
  }
  if (diff.added.length > 0) blocks.push([`Added (${diff.added.length})`, ...diff.added.map((r) => `+ ${safe(resourceRefLabel(r))}`)].join('\n'));
  if (diff.removed.length > 0) blocks.push([`Removed (${diff.removed.length})`, ...diff.removed.map((r) => `- ${safe(resourceRefLabel(r))}`)].join('\n'));
  for (const s of diff.streamed) if (s.added + s.removed > 0 || s.before !== s.after) blocks.push(streamedBlock(s));
  if (diff.coverage.length > 0) {
    blocks.push(['Coverage', ...diff.coverage.map((c) => `  ${c.kind}: ${c.before ?? 'not collected'} → ${c.after ?? 'not collected'}`)].join('\n'));
  }
  if (diff.changed.length + diff.added.length + diff.removed.length === 0 && diff.streamed.every((s) => s.added + s.removed === 0)) {
    blocks.push('No configuration changes.');
  }
  blocks.push(snapshotDiffSummary(diff));
  return `${blocks.join('\n\n')}\n`;
}

function header(diff: SnapshotDiff): string {
  const tenant = diff.old.domain === diff.new.domain ? safe(diff.new.domain) : `${safe(diff.old.domain)} → ${safe(diff.new.domain)} (different tenants)`;
  return `auth0-scan diff · ${tenant}\nold: snapshot of ${safe(diff.old.collectedAt)} → new: snapshot of ${safe(diff.new.collectedAt)}`;
}

function streamedBlock(s: StreamedDelta): string {
  const lines = [`${s.kind}: ${s.before} → ${s.after} (+${s.added}, −${s.removed}; compared by id only)`];
  if (s.addedSample.length > 0) lines.push(`  added: ${s.addedSample.map(safe).join(', ')}${s.added > s.addedSample.length ? ', …' : ''}`);
  if (s.removedSample.length > 0) lines.push(`  removed: ${s.removedSample.map(safe).join(', ')}${s.removed > s.removedSample.length ? ', …' : ''}`);
  return lines.join('\n');
}

function safe(text: string): string {
  return terminalSafe(text.replace(/\r\n|[\r\n]/g, ' '));
}
