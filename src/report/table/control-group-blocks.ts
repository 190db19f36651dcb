import type { ChalkInstance } from 'chalk';
import type { FrameworkId, RuleControls } from '../../compliance/frameworks.js';
import type { Finding } from '../../model/finding.js';
import { controlGroups } from '../control-groups.js';
import { plural } from '../multi-tenant-labels.js';
import { terminalSafe } from '../terminal-text.js';
import { detailedFindings } from './detailed-findings.js';
import { groupedFindings } from './grouped-findings.js';

/**
 * `--group-by control`: per control (then `unmapped`), a heading and that control's findings drawn as the table
 * draws them (one row per failing rule, or every finding with `details`). A finding repeats under each control.
 */
export function controlGroupBlocks(
  open: readonly Finding[],
  controls: Readonly<Record<string, RuleControls>> | undefined,
  frameworks: readonly FrameworkId[] | undefined,
  layout: { width: number; details: boolean },
  c: ChalkInstance,
): string[] {
  return controlGroups(open, controls, frameworks).map((g) => {
    const heading = c.bold(`▌ ${terminalSafe(g.key)} · ${plural(g.findings.length, 'finding')}`);
    const body = layout.details ? detailedFindings(g.findings, layout.width, c) : groupedFindings(g.findings, layout.width, c);
    return [heading, ...body].join('\n');
  });
}
