import { storedKinds, type KindName, type StoredKindName } from '../model/kinds.js';
import type { RuleFile } from '../rules/rule-schema.js';
import { collectKinds, type TenantBindings } from './compile-rule.js';

/** Used wherever a rule must compile before a real tenant is known (loading, listing, scopes). */
export const PLACEHOLDER_TENANT: TenantBindings = {
  domain: 'tenant.example.auth0.com',
  mgmtApiIdentifier: 'https://tenant.example.auth0.com/api/v2/',
};

/** Every kind a rule reads: its own, plus those reached by count and lookup. */
export function ruleKinds(file: RuleFile): KindName[] {
  const kinds = new Set<KindName>([file.resource]);
  for (const c of [file.where, file.judgeable?.when, file.assert]) if (c) collectKinds(c, kinds);
  return [...kinds];
}

/** The stored kinds a set of rules reads, without repeats: what collection must fetch and `scopes` must ask for. */
export function kindsForRules(files: readonly RuleFile[]): StoredKindName[] {
  return [...new Set(files.flatMap(ruleKinds).flatMap(storedKinds))];
}
