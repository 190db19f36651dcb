import { SCORE_AREAS, SCORE_FORMULA, type AreaScore, type PostureScore } from '../model/posture-score.js';

/**
 * The score of a document over several tenants: the lowest tenant score, and per area the lowest tenant's area
 * (its counts with it), so one good tenant never hides a bad one. A tenant or area without a value (no rule
 * counts there) does not take part; null when none has one.
 */
export function lowestPostureScore(scores: readonly PostureScore[]): PostureScore {
  return {
    formula: SCORE_FORMULA,
    value: lowest(scores.map((s) => s.value)),
    areas: SCORE_AREAS.map((area): AreaScore => {
      let worst: (AreaScore & { value: number }) | undefined;
      for (const s of scores) {
        const a = s.areas.find((x) => x.area === area);
        if (a?.value == null) continue;
        // On a tie the first tenant (config order) gives its counts.
        if (worst === undefined || a.value < worst.value) worst = { ...a, value: a.value };
      }
      return worst ?? { area, value: null, rulesCounted: 0, rulesPassed: 0, rulesFailed: 0, rulesSkipped: 0 };
    }),
  };
}

function lowest(values: readonly (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : Math.min(...known);
}
