import type { CompiledRule } from './compile-rule.js';
import type { EvalContext, EvidenceSink } from './eval-context.js';

export type CheckOutcome = 'pass' | 'fail' | 'not_applicable';

/** One rule against one subject: the single definition of pass/fail used by scans and `rules test` alike. */
export function checkResource(rule: CompiledRule, subject: unknown, ctx: EvalContext): CheckOutcome {
  if (rule.where && !rule.where(subject, ctx)) return 'not_applicable';
  return rule.assert(subject, ctx) ? 'pass' : 'fail';
}

/** Re-runs a failing check with an evidence sink; only failures pay for evidence. */
export function collectEvidence(rule: CompiledRule, subject: unknown, ctx: EvalContext): EvidenceSink {
  const sink: EvidenceSink = new Map();
  if (rule.where) rule.where(subject, ctx, sink);
  rule.assert(subject, ctx, sink);
  return sink;
}
