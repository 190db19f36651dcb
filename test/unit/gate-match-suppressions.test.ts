import { describe, expect, it } from 'vitest';
import { isExpired } from '../../src/gate/is-expired.js';
import { matchSuppressions } from '../../src/gate/match-suppressions.js';
import { compileResourcePattern } from '../../src/gate/resource-pattern.js';
import type { LocatedSuppression } from '../../src/gate/suppression-schema.js';
import { aFinding, DOMAIN } from '../report-builders.js';

const SCAN = '2026-11-20T09:00:00Z';
const ctx = { tenant: DOMAIN, scanTime: SCAN };

function entry(overrides: Partial<LocatedSuppression> = {}): LocatedSuppression {
  return { entry: 'ignore.yaml:2', rule: 'client-implicit-grant', resource: 'abc123', reason: 'accepted', expires: '2099-12-31', ...overrides };
}

const implicit = aFinding();
const password = aFinding({ ruleId: 'client-password-grant', resource: { type: 'clients', id: 'abc123' } });
const other = aFinding({ resource: { type: 'clients', id: 'xabc123x' } });
const tenantFinding = aFinding({ ruleId: 'tenant-legacy-ro-grant', resource: { type: 'tenant', id: 'tenant' } });

const suppressedIds = (findings: ReturnType<typeof matchSuppressions>['findings']) =>
  findings.filter((f) => f.suppression !== undefined).map((f) => `${f.ruleId}:${f.resource.id}`);

describe('matchSuppressions', () => {
  it('suppresses an exact rule id and exact resource id, recording reason, expiry and entry', () => {
    const r = matchSuppressions([implicit, password, other], [entry()], ctx);
    expect(suppressedIds(r.findings)).toEqual(['client-implicit-grant:abc123']);
    expect(r.findings[0]?.suppression).toEqual({ reason: 'accepted', expires: '2099-12-31', entry: 'ignore.yaml:2' });
    expect(r.suppressed).toBe(1);
    expect(r.unused).toEqual([]);
    expect(r.expired).toEqual([]);
  });

  it('keeps order and does not mutate its input', () => {
    const input = [other, implicit, password];
    const r = matchSuppressions(input, [entry()], ctx);
    expect(r.findings.map((f) => f.resource.id)).toEqual(['xabc123x', 'abc123', 'abc123']);
    expect(implicit.suppression).toBeUndefined();
    expect(r.findings[0]).toBe(other);
  });

  it('matches rule ids by glob: * and ? anchored at both ends', () => {
    expect(suppressedIds(matchSuppressions([implicit, password, tenantFinding], [entry({ rule: 'client-*' })], ctx).findings)).toEqual([
      'client-implicit-grant:abc123',
      'client-password-grant:abc123',
    ]);
    expect(suppressedIds(matchSuppressions([implicit, password], [entry({ rule: 'client-?mplicit-grant' })], ctx).findings)).toEqual([
      'client-implicit-grant:abc123',
    ]);
    // A glob is anchored: "implicit-grant" alone is not a suffix match.
    const r = matchSuppressions([implicit], [entry({ rule: 'implicit-grant' })], ctx);
    expect(r.suppressed).toBe(0);
    expect(r.unused).toHaveLength(1);
  });

  it('matches an exact resource id only, never a substring', () => {
    const r = matchSuppressions([other], [entry({ resource: 'abc' })], ctx);
    expect(r.suppressed).toBe(0);
    expect(suppressedIds(matchSuppressions([implicit, other], [entry()], ctx).findings)).toEqual(['client-implicit-grant:abc123']);
  });

  it('matches a /regex/ against the whole resource id', () => {
    const r = matchSuppressions([implicit, other], [entry({ resource: '/abc\\d+/' })], ctx);
    expect(suppressedIds(r.findings)).toEqual(['client-implicit-grant:abc123']);
    expect(suppressedIds(matchSuppressions([implicit, other], [entry({ resource: '/x?abc.*/' })], ctx).findings)).toEqual([
      'client-implicit-grant:abc123',
      'client-implicit-grant:xabc123x',
    ]);
  });

  it('a regex that would match as a substring does not suppress', () => {
    const r = matchSuppressions([other], [entry({ resource: '/abc123/' })], ctx);
    expect(r.suppressed).toBe(0);
    expect(r.unused.map((e) => e.resource)).toEqual(['/abc123/']);
    const pattern = compileResourcePattern('/con_[a-z]+/');
    expect(pattern('con_abc')).toBe(true);
    expect(pattern('con_abc1')).toBe(false);
    expect(pattern('xcon_abc')).toBe(false);
  });

  it('applies an entry with a tenant only to that tenant (case-insensitive), and ignores other tenants entirely', () => {
    const mine = matchSuppressions([implicit], [entry({ tenant: DOMAIN.toUpperCase() })], ctx);
    expect(mine.suppressed).toBe(1);
    const theirs = matchSuppressions([implicit], [entry({ tenant: 'other.us.auth0.com' }), entry({ tenant: 'old.us.auth0.com', expires: '2020-01-01' })], ctx);
    expect(theirs.suppressed).toBe(0);
    // Neither unused nor expired: those entries belong to another tenant's scans.
    expect(theirs.unused).toEqual([]);
    expect(theirs.expired).toEqual([]);
  });

  it("in a multi-tenant scan, `tenant:` may give the tenant's config name instead of its domain", () => {
    const named = { ...ctx, tenantName: 'Prod' };
    expect(matchSuppressions([implicit], [entry({ tenant: 'prod' })], named).suppressed).toBe(1);
    expect(matchSuppressions([implicit], [entry({ tenant: DOMAIN })], named).suppressed).toBe(1);
    const other = matchSuppressions([implicit], [entry({ tenant: 'staging' })], named);
    expect(other.suppressed).toBe(0);
    expect(other.unused).toEqual([]);
    // Without a config name (a single-tenant scan) a name matches nothing.
    expect(matchSuppressions([implicit], [entry({ tenant: 'prod' })], ctx).suppressed).toBe(0);
  });

  it('an entry suppresses through its expiry day (UTC) and stops the day after', () => {
    const lastDay = matchSuppressions([implicit], [entry({ expires: '2026-11-20' })], { tenant: DOMAIN, scanTime: '2026-11-20T23:59:59.999Z' });
    expect(lastDay.suppressed).toBe(1);
    expect(lastDay.expired).toEqual([]);
    const dayAfter = matchSuppressions([implicit], [entry({ expires: '2026-11-20' })], { tenant: DOMAIN, scanTime: '2026-11-21T00:00:00Z' });
    expect(dayAfter.suppressed).toBe(0);
    expect(dayAfter.findings[0]?.suppression).toBeUndefined();
    expect(dayAfter.expired).toEqual([{ entry: 'ignore.yaml:2', rule: 'client-implicit-grant', resource: 'abc123', reason: 'accepted', expires: '2026-11-20' }]);
    // An expired entry is reported as expired, not also as unused.
    expect(dayAfter.unused).toEqual([]);
  });

  it('decides expiry from the scan time it is given, converted to UTC', () => {
    expect(isExpired('2026-11-20', '2026-11-21T00:30:00+02:00')).toBe(false);
    expect(isExpired('2026-11-20', '2026-11-20T23:30:00-02:00')).toBe(true);
    expect(isExpired('2026-11-20', SCAN)).toBe(false);
    expect(isExpired('2026-11-19', SCAN)).toBe(true);
    expect(() => isExpired('2026-11-19', 'yesterday')).toThrow();
  });

  it('reports entries in force that matched nothing as unused, and counts every matching entry as used', () => {
    const entries = [
      entry({ entry: 'a:1' }),
      entry({ entry: 'a:2', rule: 'client-*' }),
      entry({ entry: 'a:3', rule: 'tenant-*', resource: 'tenant' }),
      entry({ entry: 'a:4', rule: 'role-*', resource: '/.*/' }),
    ];
    const r = matchSuppressions([implicit, tenantFinding], entries, ctx);
    // The first matching entry is the one recorded on the finding.
    expect(r.findings[0]?.suppression?.entry).toBe('a:1');
    expect(r.findings[1]?.suppression?.entry).toBe('a:3');
    expect(r.unused.map((e) => e.entry)).toEqual(['a:4']);
  });

  it('with no findings every entry in force is unused; with no entries nothing changes', () => {
    expect(matchSuppressions([], [entry()], ctx).unused).toHaveLength(1);
    const none = matchSuppressions([implicit], [], ctx);
    expect(none).toEqual({ findings: [implicit], suppressed: 0, expired: [], unused: [] });
  });
});
