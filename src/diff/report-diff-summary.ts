import { SEVERITIES } from '../model/severity.js';
import type { ReportDiff, ReportDiffGate } from './diff-types.js';

/**
 * `3 new (1 critical, 2 high), 1 fixed, 0 changed, 9 unchanged · fail-on-new high: FAILED (1 new at or above high)`;
 * `, N not re-checked` follows `fixed` when NEW could not check some of OLD's findings.
 */
export function reportDiffSummary(diff: ReportDiff, gate?: ReportDiffGate): string {
  const bySeverity = SEVERITIES.map((s) => [s, diff.added.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`);
  const added = `${diff.added.length} new${bySeverity.length > 0 ? ` (${bySeverity.join(', ')})` : ''}`;
  const notRechecked = diff.notRechecked.length > 0 ? `, ${diff.notRechecked.length} not re-checked` : '';
  const line = `${added}, ${diff.fixed.length} fixed${notRechecked}, ${diff.changed.length} changed, ${diff.unchanged} unchanged`;
  if (!gate) return line;
  const verdict = gate.passed ? 'passed' : `FAILED (${gate.failing} new at or above ${gate.failOnNew})`;
  return `${line} · fail-on-new ${gate.failOnNew}: ${verdict}`;
}
