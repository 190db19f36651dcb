import type { CompiledRule } from './compile-rule.js';
import type { EvalContext, EvidenceSink } from './eval-context.js';
import { NotJudged } from './not-judged.js';
import { getPath } from './path.js';

export type CheckOutcome = 'pass' | 'fail' | 'not_applicable' | 'not_judged';

export interface Judgement {
  outcome: CheckOutcome;
  /** Why a resource was not judged: the field and what was found there. */
  reason?: string;
}

// Shared results: a scan judges millions of resources, and only "not judged" needs a fresh object.
const PASS: Judgement = Object.freeze({ outcome: 'pass' });
const FAIL: Judgement = Object.freeze({ outcome: 'fail' });
const NOT_APPLICABLE: Judgement = Object.freeze({ outcome: 'not_applicable' });

/**
 * One rule against one subject: the single definition of pass/fail used by scans and `rules test` alike. A value
 * the rule cannot judge (a field of an unexpected type, or a `requires` field absent) makes the outcome
 * `not_judged`, never a pass and never a finding.
 */
export function judgeResource(rule: CompiledRule, subject: unknown, ctx: EvalContext): Judgement {
  try {
    if (rule.where && !rule.where(subject, ctx)) return NOT_APPLICABLE;
    for (const req of rule.requires) {
      const v = getPath(subject, req.segments);
      if (v === undefined || v === null) return { outcome: 'not_judged', reason: `${req.path} ${v === null ? 'null' : 'absent'}` };
    }
    if (rule.judgeable && !rule.judgeable.when(subject, ctx)) return { outcome: 'not_judged', reason: rule.judgeable.reason };
    return rule.assert(subject, ctx) ? PASS : FAIL;
  } catch (err) {
    if (err instanceof NotJudged) return { outcome: 'not_judged', reason: err.reason };
    throw err;
  }
}

export function checkResource(rule: CompiledRule, subject: unknown, ctx: EvalContext): CheckOutcome {
  return judgeResource(rule, subject, ctx).outcome;
}

/**
 * Re-runs a failing check with an evidence sink; only failures pay for evidence. With a sink every part of
 * all/any is read; all/any decide as without one (three-valued, see kleene.ts), and a `where` that could not be
 * judged only stops the evidence there: the (already decided) failure stands.
 */
export function collectEvidence(rule: CompiledRule, subject: unknown, ctx: EvalContext): EvidenceSink {
  const sink: EvidenceSink = new Map();
  try {
    if (rule.where) rule.where(subject, ctx, sink);
    rule.assert(subject, ctx, sink);
  } catch (err) {
    if (!(err instanceof NotJudged)) throw err;
  }
  return sink;
}
