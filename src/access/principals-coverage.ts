import { isEvaluable, type KindCoverage } from '../model/coverage.js';
import type { KindName } from '../model/kinds.js';
import type { AccessModel } from './access-types.js';

/**
 * The derived kind's coverage: rules on principals run only on a model built from complete sources. A source
 * that could not be read makes the model a lower bound ("3 principals can take over" would then be a guess), so
 * those rules are skipped with the reason; a partial source or withheld member roles leave it `partial`.
 */
export function principalsCoverage(model: AccessModel | undefined, coverage: Partial<Record<KindName, KindCoverage>>): KindCoverage {
  if (!model) return { status: 'error', count: 0, detail: 'the access model was not built (no capability model was given)' };
  const count = model.principals.length;
  const missing = model.gaps.filter((g) => {
    const c = coverage[g.kind as KindName];
    return c === undefined || !isEvaluable(c.status);
  });
  if (missing.length > 0) {
    const scopes = [...new Set(missing.flatMap((g) => coverage[g.kind as KindName]?.missingScopes ?? []))].sort();
    return {
      status: missing.every((g) => g.status === 'forbidden') ? 'forbidden' : 'error',
      count,
      detail: `built without ${missing.map((g) => `${g.kind} (${g.status})`).join(', ')}`,
      ...(scopes.length > 0 ? { missingScopes: scopes } : {}),
    };
  }
  if (model.gaps.length > 0) return { status: 'partial', count, detail: model.gaps.map((g) => `${g.kind}: ${g.status}`).join('; ') };
  return { status: 'ok', count };
}
