import { atOrAbove, type Severity } from '../model/severity.js';
import type { ReportDiff, ReportDiffGate } from './diff-types.js';

/**
 * The drift alarm: only findings NEW adds count, never ones that merely changed or were already there, nor ones
 * a suppression entry covered in NEW's scan.
 */
export function newFindingsGate(diff: ReportDiff, failOnNew: Severity): ReportDiffGate {
  const failing = diff.added.filter((f) => f.suppression === undefined && atOrAbove(f.severity, failOnNew)).length;
  return { failOnNew, passed: failing === 0, failing };
}
