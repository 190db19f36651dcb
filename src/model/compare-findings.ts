import type { Finding } from './finding.js';

type Sortable = Pick<Finding, 'severity' | 'ruleId' | 'resource'>;
import { severityRank } from './severity.js';

/** The report order: severity, rule id, resource type, resource id (code-point order, never the locale's). */
export function compareFindings(a: Sortable, b: Sortable): number {
  return (
    severityRank(a.severity) - severityRank(b.severity) ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.resource.type, b.resource.type) ||
    compareText(a.resource.id, b.resource.id)
  );
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
