import type { Finding } from '../../model/finding.js';
import { compareText } from '../../model/compare-findings.js';
import { severityRank, type Severity } from '../../model/severity.js';

/** The open findings of one rule, as one row of the grouped table. */
export interface RuleGroup {
  ruleId: string;
  title: string;
  severity: Severity;
  /** Resources that fail: one per finding, or a summary finding's own count. */
  count: number;
  /** Of them, findings not in the baseline (when the scan had one). */
  newCount: number;
  /** In report order (rule, resource type, resource id). */
  findings: Finding[];
}

/**
 * One group per rule and severity (a severity override applies to the whole rule), ordered by severity, then
 * count (most first), then rule id: the order a reader fixes things in. Linear in the findings, then a sort of
 * the groups.
 */
export function ruleGroups(findings: readonly Finding[]): RuleGroup[] {
  const byKey = new Map<string, RuleGroup>();
  for (const f of findings) {
    const key = `${f.severity}\u0000${f.ruleId}`;
    let group = byKey.get(key);
    if (group === undefined) {
      group = { ruleId: f.ruleId, title: f.title, severity: f.severity, count: 0, newCount: 0, findings: [] };
      byKey.set(key, group);
    }
    group.count += f.count ?? 1;
    if (f.baselineState === 'new') group.newCount++;
    group.findings.push(f);
  }
  return [...byKey.values()].sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || b.count - a.count || compareText(a.ruleId, b.ruleId));
}
