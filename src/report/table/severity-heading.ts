import type { ChalkInstance } from 'chalk';
import type { Severity } from '../../model/severity.js';
import { plural } from '../multi-tenant-labels.js';

const SEVERITY_STYLE: Record<Severity, (c: ChalkInstance) => ChalkInstance> = {
  critical: (c) => c.bgRed.white.bold,
  high: (c) => c.red.bold,
  medium: (c) => c.yellow.bold,
  low: (c) => c.blue.bold,
  info: (c) => c.gray.bold,
};

/** `CRITICAL · 3 findings`, the severity in its colour: the line over each severity's findings, in both layouts. */
export function severityHeading(severity: Severity, findings: number, c: ChalkInstance): string {
  // Padding only matters when there is a background colour to pad.
  const label = c.level > 0 ? ` ${severity.toUpperCase()} ` : severity.toUpperCase();
  return `${SEVERITY_STYLE[severity](c)(label)} · ${plural(findings, 'finding')}`;
}
