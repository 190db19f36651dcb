import { describe, expect, it } from 'vitest';
import type { Baseline } from '../../src/gate/baseline-schema.js';
import { classifyBaseline } from '../../src/gate/classify-baseline.js';
import { triageFindings } from '../../src/gate/triage-findings.js';
import { aFinding, DOMAIN, fp } from '../report-builders.js';

const a = aFinding({ resource: { type: 'clients', id: 'a' }, fingerprint: fp('a') });
const b = aFinding({ resource: { type: 'clients', id: 'b' }, fingerprint: fp('b') });
const c = aFinding({ ruleId: 'tenant-flag', resource: { type: 'tenant', id: 'tenant' }, fingerprint: fp('c') });

function baselineOf(...findings: { ruleId: string; resource: { type: 'clients' | 'tenant' | 'roles'; id: string; name?: string }; fingerprint: string }[]): Baseline {
  return { schemaVersion: '1.0', tenant: { domain: DOMAIN }, findings };
}
const entry = (f: typeof a) => ({ ruleId: f.ruleId, resource: f.resource as { type: 'clients' | 'tenant'; id: string }, fingerprint: f.fingerprint });

describe('classifyBaseline', () => {
  it('marks findings new or unchanged by fingerprint and lists fixed ones', () => {
    const gone = { ruleId: 'client-implicit-grant', resource: { type: 'clients' as const, id: 'z', name: 'Zed' }, fingerprint: fp('z') };
    const r = classifyBaseline([a, b, c], baselineOf(entry(a), entry(c), gone), { path: 'base.json' });
    expect(r.findings.map((f) => `${f.resource.id}:${f.baselineState}`)).toEqual(['a:unchanged', 'b:new', 'tenant:unchanged']);
    expect(r.report).toEqual({ path: 'base.json', new: 1, unchanged: 2, fixed: [gone] });
    expect(a.baselineState).toBeUndefined();
  });

  it('matches on the fingerprint alone (a changed message or severity is still the same finding)', () => {
    const changed = { ...a, severity: 'critical' as const, message: 'different words' };
    expect(classifyBaseline([changed], baselineOf(entry(a)), { path: 'x' }).findings[0]?.baselineState).toBe('unchanged');
  });

  it('does not call a finding fixed when its rule did not run this time', () => {
    const role = { ruleId: 'role-unused', resource: { type: 'roles' as const, id: 'rol_1' }, fingerprint: fp('r') };
    const gone = { ruleId: 'client-implicit-grant', resource: { type: 'clients' as const, id: 'z' }, fingerprint: fp('z') };
    const r = classifyBaseline([a], baselineOf(entry(a), role, gone), { path: 'x', evaluatedRuleIds: new Set(['client-implicit-grant']) });
    expect(r.report.fixed.map((f) => f.ruleId)).toEqual(['client-implicit-grant']);
    const all = classifyBaseline([a], baselineOf(entry(a), role, gone), { path: 'x' });
    expect(all.report.fixed.map((f) => f.ruleId)).toEqual(['client-implicit-grant', 'role-unused']);
  });

  it('lists a duplicated baseline fingerprint once, sorted by rule and resource', () => {
    const z1 = { ruleId: 'z-rule', resource: { type: 'clients' as const, id: '1' }, fingerprint: fp('z1') };
    const y2 = { ruleId: 'y-rule', resource: { type: 'clients' as const, id: '2' }, fingerprint: fp('y2') };
    const r = classifyBaseline([], baselineOf(z1, y2, z1), { path: 'x' });
    expect(r.report.fixed.map((f) => f.ruleId)).toEqual(['y-rule', 'z-rule']);
    expect(r.report.new).toBe(0);
  });

  it('an empty baseline makes every finding new', () => {
    const r = classifyBaseline([a, b], baselineOf(), { path: 'x' });
    expect(r.findings.every((f) => f.baselineState === 'new')).toBe(true);
    expect(r.report).toEqual({ path: 'x', new: 2, unchanged: 0, fixed: [] });
  });
});

describe('triageFindings', () => {
  it('applies suppressions, then the baseline, to the same findings', () => {
    const t = triageFindings({
      findings: [a, b],
      tenant: DOMAIN,
      scanTime: '2026-01-01T00:00:00Z',
      suppressions: { sources: ['ignore.yaml'], entries: [{ entry: 'ignore.yaml:2', rule: 'client-*', resource: 'b', reason: 'ok', expires: '2026-01-01' }] },
      baseline: { path: 'base.json', doc: baselineOf(entry(a)) },
    });
    expect(t.findings.map((f) => [f.resource.id, f.baselineState, f.suppression?.entry])).toEqual([
      ['a', 'unchanged', undefined],
      ['b', 'new', 'ignore.yaml:2'],
    ]);
    expect(t.suppressions).toEqual({ sources: ['ignore.yaml'], entries: 1, expired: [], unused: [] });
    expect(t.baseline).toEqual({ path: 'base.json', new: 1, unchanged: 1, fixed: [] });
  });

  it('without suppressions or a baseline returns the findings untouched and no sections', () => {
    const t = triageFindings({ findings: [a], tenant: DOMAIN, scanTime: '2026-01-01T00:00:00Z' });
    expect(t).toEqual({ findings: [a] });
  });
});
