import type { RuleSpec } from '../engine/create-evaluator.js';
import type { ScoredRule } from './compute-posture-score.js';

/** A selected rule as the score weighs it: with the severity the config gave it, as its findings carry. */
export function scoredRule(spec: RuleSpec): ScoredRule {
  return { id: spec.file.id, severity: spec.override?.severity ?? spec.file.severity, category: spec.file.category };
}
