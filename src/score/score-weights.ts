import type { Severity } from '../model/severity.js';

/**
 * How much a rule weighs in the posture score (formula auth0-scan-score/1, docs/score.md). Info rules weigh
 * nothing: they describe the tenant, they do not judge it. Changing a weight is a new formula id.
 */
export const SCORE_WEIGHTS: Readonly<Record<Severity, number>> = {
  critical: 10,
  high: 6,
  medium: 3,
  low: 1,
  info: 0,
};
