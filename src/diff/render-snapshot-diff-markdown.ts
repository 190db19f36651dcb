import { markdownCode, markdownText } from '../report/markdown-text.js';
import { describeFieldChange } from './describe-field-change.js';
import type { SnapshotDiff } from './diff-types.js';
import { resourceRefLabel } from './resource-ref-label.js';
import { snapshotDiffSummary } from './snapshot-diff-summary.js';

/** Field rows listed at most, so the result fits a PR comment or a job summary. */
export const MARKDOWN_SNAPSHOT_MAX_ROWS = 300;

/** Configuration drift between two snapshots as GitHub-flavoured Markdown; tenant text is escaped. */
export function renderSnapshotDiffMarkdown(diff: SnapshotDiff): string {
  const blocks = [`## auth0-scan drift: ${markdownText(diff.new.domain)}`, markdownText(snapshotDiffSummary(diff))];
  const rows: string[] = [];
  for (const r of diff.changed) {
    for (const f of r.fields) rows.push(`| ${markdownText(resourceRefLabel(r))} | ${markdownCode(f.path)} | ${markdownText(describeFieldChange(f))} |`);
  }
  for (const r of diff.added) rows.push(`| ${markdownText(resourceRefLabel(r))} | | added |`);
  for (const r of diff.removed) rows.push(`| ${markdownText(resourceRefLabel(r))} | | removed |`);
  for (const s of diff.streamed) {
    if (s.added + s.removed > 0) rows.push(`| ${s.kind} | | ${s.before} → ${s.after} (+${s.added}, −${s.removed}) |`);
  }
  for (const c of diff.coverage) rows.push(`| ${c.kind} | coverage | ${c.before ?? 'not collected'} → ${c.after ?? 'not collected'} |`);
  if (rows.length === 0) {
    blocks.push('No configuration changes.');
  } else {
    const shown = rows.slice(0, MARKDOWN_SNAPSHOT_MAX_ROWS);
    blocks.push(['| Resource | Field | Change |', '| --- | --- | --- |', ...shown].join('\n'));
    if (rows.length > shown.length) blocks.push(`_${rows.length - shown.length} more rows not listed; use --format json for all._`);
  }
  return `${blocks.join('\n\n')}\n`;
}
