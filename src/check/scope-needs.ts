import { kindsForRules, ruleKinds } from '../engine/rule-kinds.js';
import { scopeNeeds as splitScopes, scopesFor, type KindName } from '../model/kinds.js';
import type { RuleFile } from '../rules/rule-schema.js';

export interface ScopeNeeds {
  /** Kinds the selected rules read: what a scan would collect. */
  kinds: KindName[];
  /** Every scope a scan needs, sorted, with how many rules depend on it. */
  scopes: { scope: string; neededBy: number; optional?: boolean }[];
}

/** What a scan with these rules would need, computed exactly as `scopes` and the collection do. */
export function scopeNeeds(rules: readonly RuleFile[]): ScopeNeeds {
  const counts = new Map<string, number>();
  for (const rule of rules) for (const scope of scopesFor(ruleKinds(rule))) counts.set(scope, (counts.get(scope) ?? 0) + 1);
  const kinds = kindsForRules(rules);
  const { optional } = splitScopes(kinds);
  return {
    kinds,
    scopes: scopesFor(kinds).map((scope) => ({ scope, neededBy: counts.get(scope) ?? 0, ...(optional.includes(scope) ? { optional: true } : {}) })),
  };
}
