import type { CollectionStats, Finding, SkippedRule } from '../model/finding.js';
import { SCORE_AREAS, SCORE_FORMULA, type AreaScore, type PostureScore } from '../model/posture-score.js';
import type { Severity } from '../model/severity.js';
import { SCORE_WEIGHTS } from './score-weights.js';

/** What the score needs of a rule: its severity in this run (a config override included) and its category. */
export interface ScoredRule {
  id: string;
  severity: Severity;
  category: string;
}

export interface PostureScoreInput {
  /** Every rule of the run, evaluated or skipped (the selection: --only, --skip, --min-severity applied). */
  rules: readonly ScoredRule[];
  /** All findings, suppressed and baseline-accepted ones included. */
  findings: readonly Pick<Finding, 'ruleId' | 'severity' | 'category'>[];
  skipped: readonly Pick<SkippedRule, 'ruleId' | 'kinds'>[];
  /** The run's coverage: it tells a kind the plan lacks from data that could not be read. */
  coverage: CollectionStats['kinds'];
  /** Rules not judged at all because an optional scope was withheld: like a kind the plan lacks, they do not count. */
  withheld?: readonly string[];
}

type Standing = 'passed' | 'failed' | 'skipped';

interface Tally {
  weight: number;
  credit: number;
  passed: number;
  failed: number;
  skipped: number;
}

/**
 * The posture score, formula auth0-scan-score/1 (docs/score.md): floor(100 × Σ weight × credit / Σ weight) over
 * the rules that count, overall and per area. A rule skipped for missing data counts and earns nothing, so losing a
 * scope or a kind never raises the score; a rule whose kind the plan lacks, or whose optional scope was not
 * granted, does not count (neither earns nor loses).
 */
export function computePostureScore(input: PostureScoreInput): PostureScore {
  const rules = new Map<string, ScoredRule>();
  for (const r of input.rules) if (!rules.has(r.id)) rules.set(r.id, r);
  // A finding carries its rule's severity and category, so a rule known only by its findings is still weighed.
  for (const f of input.findings) if (!rules.has(f.ruleId)) rules.set(f.ruleId, { id: f.ruleId, severity: f.severity, category: f.category });
  const failing = new Set(input.findings.map((f) => f.ruleId));
  const skipped = new Map(input.skipped.map((s) => [s.ruleId, s]));
  for (const id of skipped.keys()) {
    // Leaving it out would raise the score; weighing it is impossible: the caller must name every rule it ran.
    if (!rules.has(id)) throw new Error(`posture score: skipped rule ${id} is not among the run's rules`);
  }

  const withheld = new Set(input.withheld ?? []);
  const overall = emptyTally();
  // Keyed by category: a custom rule's category outside SCORE_AREAS counts overall only.
  const areas = new Map<string, Tally>(SCORE_AREAS.map((a) => [a, emptyTally()]));
  for (const rule of rules.values()) {
    const weight = SCORE_WEIGHTS[rule.severity];
    if (weight === 0 || withheld.has(rule.id)) continue;
    const skip = skipped.get(rule.id);
    if (skip && skip.kinds.some((k) => input.coverage[k]?.status === 'unavailable')) continue;
    const standing: Standing = skip ? 'skipped' : failing.has(rule.id) ? 'failed' : 'passed';
    add(overall, weight, standing);
    const area = areas.get(rule.category);
    if (area) add(area, weight, standing);
  }
  return {
    formula: SCORE_FORMULA,
    value: valueOf(overall),
    areas: SCORE_AREAS.map((area): AreaScore => {
      const t = areas.get(area) ?? emptyTally();
      return { area, value: valueOf(t), rulesCounted: t.passed + t.failed + t.skipped, rulesPassed: t.passed, rulesFailed: t.failed, rulesSkipped: t.skipped };
    }),
  };
}

function emptyTally(): Tally {
  return { weight: 0, credit: 0, passed: 0, failed: 0, skipped: 0 };
}

function add(t: Tally, weight: number, standing: Standing): void {
  t.weight += weight;
  if (standing === 'passed') t.credit += weight;
  t[standing]++;
}

// Integer weights keep 100 × credit / weight exact enough that floor never rounds a whole number down.
function valueOf(t: Tally): number | null {
  return t.weight === 0 ? null : Math.floor((100 * t.credit) / t.weight);
}
