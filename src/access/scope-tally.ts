import { compareText } from '../model/compare-findings.js';
import type { CapabilityModel } from './capability-model-schema.js';
import { scopeCapabilities } from './scope-capabilities.js';
import type { CapabilityId, UnclassifiedScope } from './access-types.js';

/**
 * Turns Management API scopes into capabilities, in model order, and remembers every scope the model does not
 * classify with who holds it: an unknown scope is reported, never read as harmless.
 */
export class ScopeTally {
  private readonly unclassified = new Map<string, Set<string>>();
  private readonly order: Map<CapabilityId, number>;

  constructor(private readonly model: CapabilityModel) {
    this.order = new Map(model.capabilities.map((c, i) => [c.id, i]));
  }

  capabilitiesOf(scopes: readonly string[], holder: string): CapabilityId[] {
    const found = new Set<CapabilityId>();
    for (const scope of scopes) {
      const caps = scopeCapabilities(this.model, scope);
      if (caps === undefined) {
        let holders = this.unclassified.get(scope);
        if (!holders) this.unclassified.set(scope, (holders = new Set()));
        holders.add(holder);
        continue;
      }
      if (caps === 'harmless') continue;
      for (const c of caps) found.add(c);
    }
    return this.sorted(found);
  }

  sorted(caps: Iterable<CapabilityId>): CapabilityId[] {
    return [...new Set(caps)].sort((a, b) => (this.order.get(a) ?? 0) - (this.order.get(b) ?? 0));
  }

  unclassifiedScopes(): UnclassifiedScope[] {
    return [...this.unclassified]
      .map(([scope, holders]) => ({ scope, heldBy: [...holders].sort() }))
      .sort((a, b) => compareText(a.scope, b.scope));
  }
}
