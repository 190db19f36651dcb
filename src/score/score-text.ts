import type { ScoreArea } from '../model/posture-score.js';

/** How each area is named to people (the JSON keeps the ids). */
export const SCORE_AREA_LABELS: Readonly<Record<ScoreArea, string>> = {
  applications: 'Applications',
  grants: 'Grants',
  apis: 'APIs',
  connections: 'Connections',
  'attack-protection': 'Attack protection',
  mfa: 'MFA',
  extensibility: 'Extensibility',
  monitoring: 'Monitoring',
  tenant: 'Tenant',
  access: 'Access',
};

/** A score as people read it: `72/100`, or `n/a` when no rule counts. */
export function scoreText(value: number | null): string {
  return value === null ? 'n/a' : `${value}/100`;
}
