import type { PostureScore } from '../model/posture-score.js';
import { computePostureScore, type ScoredRule } from './compute-posture-score.js';

/**
 * The score of a tenant that could not be read at all: every rule skipped for missing data, so 0 wherever some
 * rule counts. A tenant whose collection breaks must lower a multi-tenant score, never lift it by dropping out.
 */
export function unreadTenantScore(rules: readonly ScoredRule[]): PostureScore {
  return computePostureScore({ rules, findings: [], skipped: rules.map((r) => ({ ruleId: r.id, kinds: [] })), coverage: {} });
}
