import { describe, expect, it } from 'vitest';
import { createEvaluator } from '../../src/engine/create-evaluator.js';
import type { KindCoverage } from '../../src/model/coverage.js';
import { KIND_NAMES, KINDS, STORED_KIND_NAMES, type KindName } from '../../src/model/kinds.js';
import { createAccessBuilder } from '../../src/access/access-builder.js';
import { loadCapabilityModel } from '../../src/access/load-capability-model.js';
import { loadRuleSet } from '../../src/rules/load-rule-set.js';
import { understandResource } from '../../src/snapshot/understand-resource.js';
import type { MockTenant } from '../../src/mock/index.js';
import { REAL_TENANT_FILE, realTenantAsMock, realTenantAvailable } from '../real-tenant-mock.js';

const available = realTenantAvailable();
if (!available) console.log(`real-tenant-conformance: ${REAL_TENANT_FILE} is absent, so the conformance checks are skipped.`);

type Obj = Record<string, unknown>;

/** Each kind's resources as the collectors hand them on: lists as listed, singletons as one object. */
function resourcesOf(t: MockTenant): Record<KindName, Obj[]> {
  const out = {} as Record<KindName, Obj[]>;
  for (const kind of KIND_NAMES) {
    const value = (t as Record<string, unknown>)[kind];
    if (kind === 'email_provider') out[kind] = [{ configured: value != null, ...(value as Obj | undefined) }];
    else if (kind === 'guardian_policies') out[kind] = [{ policies: value }];
    else if (KINDS[kind].singleton) out[kind] = value === undefined ? [] : [value as Obj];
    else out[kind] = (value ?? []) as Obj[];
  }
  return out;
}

describe.skipIf(!available)('the recorded real tenant against the input schemas and every built-in rule', () => {
  const resources = available ? resourcesOf(realTenantAsMock()) : ({} as Record<KindName, Obj[]>);

  it('understands every recorded resource of every kind', () => {
    const rejected = KIND_NAMES.flatMap((kind) =>
      resources[kind].map((r, i) => understandResource(kind, r, i + 1)).flatMap((u) => (u.ok ? [] : [`${String(u.entry.id)} ${u.entry.field} ${u.entry.problem}`])),
    );
    expect(rejected).toEqual([]);
    expect(resources.connections.length).toBeGreaterThan(100);
  });

  it('evaluates every rule over it without a throw, and "not judged" only ever names a field', () => {
    const rules = loadRuleSet();
    const { users, ...inMemory } = resources;
    const ev = createEvaluator({
      tenant: { domain: 'real.example.auth0.com' },
      now: '2026-06-01T00:00:00Z',
      resources: inMemory,
      rules: rules.map(({ file }) => ({ file })),
      access: { model: loadCapabilityModel() },
    });
    for (const u of users) ev.add('users', u);
    const coverage = Object.fromEntries(STORED_KIND_NAMES.map((k): [KindName, KindCoverage] => [k, { status: 'ok', count: resources[k].length }]));
    const out = ev.finish(coverage);
    expect(out.skipped).toEqual([]);
    expect(out.rulesEvaluated).toBe(rules.length);
    expect(out.findings.length).toBeGreaterThan(100);
    for (const r of out.notJudged ?? []) for (const x of r.resources) expect(x.reason, `${r.ruleId} ${x.id}`).toMatch(/^[a-z_.]+ /);
  });

  it('builds the access model over it: every Management API scope held is classified, the admin grants are found', () => {
    const { users, ...inMemory } = resources;
    const builder = createAccessBuilder({ tenant: { domain: 'real.example.auth0.com' }, now: '2026-06-01T00:00:00Z', resources: inMemory, model: loadCapabilityModel() });
    for (const u of users) builder.addUser(u);
    const model = builder.finish(Object.fromEntries(STORED_KIND_NAMES.map((k): [KindName, KindCoverage] => [k, { status: 'ok', count: 1 }])));
    expect(model.managementApiIdentifier).toMatch(/\/api\/v2\/$/);
    expect(model.unclassifiedScopes).toEqual([]);
    // The recording's first grant is the deploy-cli test application with every Management API scope.
    const admin = model.principals.find((p) => p.paths.some((x) => x.grantId === 'cgr_pbwejzhwoujrsNE8'));
    expect(admin?.takeover).toBe(true);
    expect(admin?.capabilities).toEqual(expect.arrayContaining(['tenant_takeover', 'credential_theft', 'account_takeover', 'privilege_escalation', 'destruction']));
    const auth = new Set(model.principals.map((p) => p.traits.authentication));
    expect(auth.has('shared_secret')).toBe(true);
  });
});
