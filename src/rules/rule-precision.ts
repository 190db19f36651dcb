import type { RuleFile } from './rule-schema.js';
import { sharedPatterns } from './shared-patterns.js';

export type RulePrecision = 'high' | 'medium';

const REGEX_OPERATORS = new Set(['matches', 'not_matches']);

/**
 * How sure a finding of the rule is, for SARIF's `precision`: `medium` when a condition matches against one of the
 * shared detectors of rules/patterns.yaml (a regex guessing at hard-coded secrets in code: it can miss one or flag
 * a look-alike), else `high` (the rule reads a setting and states a fact about it).
 */
export function rulePrecision(file: RuleFile): RulePrecision {
  const detectors = new Set(Object.values(sharedPatterns()));
  return [file.where, file.judgeable?.when, file.assert].some((c) => usesDetector(c, detectors)) ? 'medium' : 'high';
}

function usesDetector(value: unknown, detectors: ReadonlySet<string>): boolean {
  if (Array.isArray(value)) return value.some((v) => usesDetector(v, detectors));
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([k, v]) => (REGEX_OPERATORS.has(k) && typeof v === 'string' && detectors.has(v)) || usesDetector(v, detectors));
}
