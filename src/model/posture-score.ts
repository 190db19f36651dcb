/**
 * The tenant's posture score as every format reports it (`summary.score`). Computed by `src/score/`; the formula
 * is published in docs/score.md and versioned by `formula`: a change of weights or counting is a new formula id.
 */
export const SCORE_AREAS = ['applications', 'grants', 'apis', 'connections', 'attack-protection', 'mfa', 'extensibility', 'monitoring', 'tenant', 'access'] as const;
export type ScoreArea = (typeof SCORE_AREAS)[number];

export const SCORE_FORMULA = 'auth0-scan-score/1' as const;

export interface AreaScore {
  area: ScoreArea;
  /** 0-100, rounded down; null when no rule of the area counts (none evaluated, none skipped for missing data). */
  value: number | null;
  /** Rules that count: evaluated, plus skipped for missing data (those earn nothing). */
  rulesCounted: number;
  rulesPassed: number;
  rulesFailed: number;
  /** Skipped because data is missing (scopes, errors, truncation): counted, never credited. */
  rulesSkipped: number;
}

export interface PostureScore {
  formula: typeof SCORE_FORMULA;
  /** 0-100, rounded down; null when no rule counts. */
  value: number | null;
  /** Every area of SCORE_AREAS, in that order. */
  areas: AreaScore[];
}
