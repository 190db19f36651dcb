import type { Finding } from '../model/finding.js';
import { compareText } from '../model/compare-findings.js';
import type { BaselineReport } from '../model/report.js';
import type { Baseline } from './baseline-schema.js';

export interface BaselineOutcome {
  /** The findings in the same order, each with `baselineState`. */
  findings: Finding[];
  report: BaselineReport;
}

/**
 * Compares findings with a baseline by fingerprint (rule, tenant and resource). A baseline finding whose rule did
 * not run this time (not selected, or skipped for missing data) is not counted as fixed: nobody looked.
 */
export function classifyBaseline(
  findings: readonly Finding[],
  baseline: Baseline,
  options: { path: string; evaluatedRuleIds?: ReadonlySet<string> },
): BaselineOutcome {
  const known = new Set(baseline.findings.map((f) => f.fingerprint));
  const current = new Set(findings.map((f) => f.fingerprint));
  let fresh = 0;
  const out = findings.map((f): Finding => {
    const state = known.has(f.fingerprint) ? 'unchanged' : 'new';
    if (state === 'new') fresh++;
    return { ...f, baselineState: state };
  });
  const fixed = new Map<string, BaselineReport['fixed'][number]>();
  for (const b of baseline.findings) {
    if (current.has(b.fingerprint) || fixed.has(b.fingerprint)) continue;
    if (options.evaluatedRuleIds && !options.evaluatedRuleIds.has(b.ruleId)) continue;
    const resource = { type: b.resource.type, id: b.resource.id, ...(b.resource.name === undefined ? {} : { name: b.resource.name }) };
    fixed.set(b.fingerprint, { ruleId: b.ruleId, resource, fingerprint: b.fingerprint });
  }
  const sortedFixed = [...fixed.values()].sort(
    (a, b) => compareText(a.ruleId, b.ruleId) || compareText(a.resource.type, b.resource.type) || compareText(a.resource.id, b.resource.id),
  );
  return {
    findings: out,
    report: { path: options.path, new: fresh, unchanged: out.length - fresh, fixed: sortedFixed },
  };
}
