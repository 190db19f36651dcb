import type { PostureScore } from '../model/posture-score.js';
import { SCORE_AREA_LABELS, scoreText } from '../score/score-text.js';
import { markdownCode } from './markdown-text.js';

/**
 * The posture score as Markdown: one line, then one row per area. `scope` says what the value is over (our own
 * words, never tenant text).
 */
export function markdownScore(score: PostureScore, scope = 'severity-weighted share of the selected rules that pass'): string {
  const rows = score.areas.map((a) => `| ${SCORE_AREA_LABELS[a.area]} | ${scoreText(a.value)} | ${a.rulesPassed} | ${a.rulesFailed} | ${a.rulesSkipped} |`);
  return [
    `**Posture score: ${scoreText(score.value)}** (${scope}; suppressed findings count; formula ${markdownCode(score.formula)})`,
    '',
    '| Area | Score | Rules passed | Failed | Data missing |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}
