import type { CollectionStats, Evaluation, Finding, SkippedRule } from '../model/finding.js';
import { compareFindings, compareText } from '../model/compare-findings.js';
import { KIND_NAMES } from '../model/kinds.js';
import { REPORT_SCHEMA_VERSION, type BaselineReport, type ScanReport, type SuppressionsReport } from '../model/report.js';
import { countsForGate } from '../gate/counts-for-gate.js';
import { atOrAbove, SEVERITIES, type FailOn, type Severity } from '../model/severity.js';
import { computePostureScore, type ScoredRule } from '../score/compute-posture-score.js';
import type { RuleControls } from '../compliance/frameworks.js';

export interface BuildReportInput {
  evaluation: Evaluation;
  /** Every rule the evaluation ran or skipped, with its severity in this run: the posture score weighs them. */
  rules: readonly ScoredRule[];
  collection: CollectionStats;
  toolVersion: string;
  startedAt: string;
  finishedAt: string;
  failOn: FailOn;
  /** From gate/triage-findings.ts: the findings in `evaluation` then already carry their suppression/baseline marks. */
  suppressions?: SuppressionsReport;
  baseline?: BaselineReport;
  /** The config file's label of the tenant, in a multi-tenant scan. */
  tenantName?: string;
  /** --allow-partial: skipped rules do not fail the gate (the report still says the run is incomplete). */
  allowPartial?: boolean;
  /** Per rule id, the controls it evidences; rules mapped to none are left out. */
  controls?: ReadonlyMap<string, RuleControls>;
}

/** Assembles the document every reporter renders; ordering is fixed so two runs of the same tenant diff cleanly. */
export function buildReport(input: BuildReportInput): ScanReport {
  const { evaluation, failOn } = input;
  const domain = evaluation.tenant.domain;
  // Every finding names its tenant, so findings stay attributable once reports of several tenants are merged.
  const findings = evaluation.findings.map((f): Finding => ({ ...f, tenant: domain })).sort(compareFindings);
  const skipped = [...evaluation.skipped].sort(compareSkipped);
  // Suppressed findings stay in the document (marked) but not in the counts; the gate also ignores known ones.
  const open = findings.filter((f) => f.suppression === undefined);
  // An export holds configuration only: what it cannot hold (users, members, keys) is skipped, not missing.
  const incomplete = skipped.length > 0 && input.collection.source !== 'export';
  const notJudged = evaluation.notJudged ?? [];
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'auth0-scan', version: input.toolVersion },
    tenant: { domain, ...(input.tenantName === undefined ? {} : { name: input.tenantName }) },
    startedAt: input.startedAt,
    finishedAt: input.finishedAt,
    summary: {
      total: open.length,
      bySeverity: countBySeverity(open),
      rulesEvaluated: evaluation.rulesEvaluated,
      rulesSkipped: skipped.length,
      ...(input.suppressions ? { suppressed: findings.length - open.length } : {}),
      ...(notJudged.length > 0 ? { notJudged: notJudged.reduce((n, r) => n + r.count, 0) } : {}),
      // Over every finding, suppressed and baseline-accepted ones too: the score measures the tenant, the gate the change.
      score: computePostureScore({
        rules: input.rules,
        findings,
        skipped,
        coverage: input.collection.kinds,
        withheld: notJudged.filter((n) => n.withheld === true).map((n) => n.ruleId),
      }),
      gate: {
        failOn,
        passed: gatePassed(findings.filter(countsForGate), failOn) && (!incomplete || input.allowPartial === true),
        ...(incomplete ? { incomplete: true as const } : {}),
      },
    },
    findings,
    skipped,
    ...(notJudged.length > 0 ? { notJudged: [...notJudged].sort((a, b) => compareText(a.ruleId, b.ruleId)) } : {}),
    ...(input.suppressions ? { suppressions: input.suppressions } : {}),
    ...(input.baseline ? { baseline: input.baseline } : {}),
    ...controlsByRule(input.controls),
    collection: { ...input.collection, kinds: orderedKinds(input.collection.kinds) },
  };
}

/** The CI gate: passes unless some finding is at or above the threshold; `never` always passes. */
export function gatePassed(findings: readonly Pick<Finding, 'severity'>[], failOn: FailOn): boolean {
  if (failOn === 'never') return true;
  return !findings.some((f) => atOrAbove(f.severity, failOn));
}

export function countBySeverity(findings: readonly Pick<Finding, 'severity'>[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** Most severe first, then rule id, then resource; code-point comparison so the order does not depend on locale. */

function compareSkipped(a: SkippedRule, b: SkippedRule): number {
  return compareText(a.ruleId, b.ruleId);
}

// Collectors finish in whatever order the network allows; the registry order keeps the JSON stable across runs.
function orderedKinds(kinds: CollectionStats['kinds']): CollectionStats['kinds'] {
  const out: CollectionStats['kinds'] = {};
  for (const k of KIND_NAMES) {
    const c = kinds[k];
    if (c) out[k] = c;
  }
  return out;
}


/** `controls`, by rule id in code-point order; absent when no rule of the run is mapped. */
function controlsByRule(controls: ReadonlyMap<string, RuleControls> | undefined): { controls?: Record<string, RuleControls> } {
  const entries = [...(controls ?? [])].filter(([, c]) => Object.keys(c).length > 0).sort(([a], [b]) => compareText(a, b));
  return entries.length > 0 ? { controls: Object.fromEntries(entries) } : {};
}
