import { patternMatches, type CapabilityModel } from './capability-model-schema.js';

interface ScopeIndex {
  /** scope → capability indexes (model order) from explicit entries. */
  explicit: Map<string, Set<number>>;
  patterns: { match: string; capability: number }[];
  harmless: Set<string>;
  cache: Map<string, readonly string[] | 'harmless' | undefined>;
}

// Indexed once per model object: the builder asks about the same few scopes for every grant, role and member.
const indexes = new WeakMap<CapabilityModel, ScopeIndex>();

function indexOf(model: CapabilityModel): ScopeIndex {
  let index = indexes.get(model);
  if (index) return index;
  index = { explicit: new Map(), patterns: [], harmless: new Set(Object.keys(model.harmless)), cache: new Map() };
  model.capabilities.forEach((c, i) => {
    for (const scope of Object.keys(c.scopes)) {
      const set = index.explicit.get(scope) ?? new Set<number>();
      set.add(i);
      index.explicit.set(scope, set);
    }
    for (const p of c.patterns) index.patterns.push({ match: p.match, capability: i });
  });
  indexes.set(model, index);
  return index;
}

/**
 * The capability ids `scope` gives, in model order (explicit entries and matching patterns); `'harmless'` when
 * the model lists it as giving none; undefined when the model does not know it. Surrounding spaces are ignored:
 * recorded grants hold scopes such as " read:resource_servers", and a token's space-separated scope string
 * carries them as the bare name.
 */
export function scopeCapabilities(model: CapabilityModel, scope: string): string[] | 'harmless' | undefined {
  const index = indexOf(model);
  const name = scope.trim();
  if (!index.cache.has(name)) index.cache.set(name, classify(model, index, name));
  const hit = index.cache.get(name);
  return hit === undefined || hit === 'harmless' ? hit : [...hit];
}

function classify(model: CapabilityModel, index: ScopeIndex, name: string): readonly string[] | 'harmless' | undefined {
  const found = new Set(index.explicit.get(name));
  for (const p of index.patterns) if (patternMatches(p.match, name)) found.add(p.capability);
  if (found.size > 0) return [...found].sort((a, b) => a - b).map((i) => model.capabilities[i]?.id ?? '');
  return index.harmless.has(name) ? 'harmless' : undefined;
}

export interface ScopeClassification {
  /** Each known scope as given → its capability ids (empty for a harmless one). */
  byScope: Map<string, string[]>;
  /** Scopes the model does not know, once each, in the order first seen. Empty strings are ignored. */
  unclassified: string[];
}

export function classifyScopes(model: CapabilityModel, scopes: Iterable<string>): ScopeClassification {
  const byScope = new Map<string, string[]>();
  const unclassified = new Set<string>();
  for (const scope of scopes) {
    if (scope.trim() === '' || byScope.has(scope)) continue;
    const caps = scopeCapabilities(model, scope);
    if (caps === undefined) unclassified.add(scope);
    else byScope.set(scope, caps === 'harmless' ? [] : caps);
  }
  return { byScope, unclassified: [...unclassified] };
}
