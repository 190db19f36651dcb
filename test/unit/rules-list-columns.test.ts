import { describe, expect, it } from 'vitest';
import { rulesListLines } from '../../src/cli/rules-list-lines.js';
import { scopeNeeds } from '../../src/model/kinds.js';

describe('rules list: area, frameworks and optional scopes', () => {
  it('shows each column only when some row has it, aligned', () => {
    const rows = [
      { id: 'canonical-domain-in-use', severity: 'medium', area: 'monitoring', frameworks: 'cis', optionalScopes: '+read:logs', title: 'Logins use the custom domain' },
      { id: 'client-implicit-grant', severity: 'high', area: 'applications', frameworks: 'asvs,attack', optionalScopes: '-', title: 'No implicit grant' },
    ];
    expect(rulesListLines(rows, undefined)).toEqual([
      'canonical-domain-in-use  medium  monitoring    cis          +read:logs  Logins use the custom domain',
      'client-implicit-grant    high    applications  asvs,attack  -           No implicit grant',
    ]);
    expect(rulesListLines([{ id: 'a', severity: 'low', area: 'tenant', title: 't' }], undefined)).toEqual(['a   low  tenant  t']);
  });

  it('counts as optional only the scopes of optional kinds (what the column shows)', () => {
    expect(scopeNeeds(['canonical_domain_logins', 'tenant']).optional).toEqual(['read:logs']);
    expect(scopeNeeds(['clients']).optional).toEqual([]);
  });
});
