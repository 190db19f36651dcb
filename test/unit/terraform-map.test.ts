import { describe, expect, it } from 'vitest';
import { connectionOptions } from '../../src/iac/terraform/connection-options.js';
import { mapTerraform } from '../../src/iac/terraform/map-terraform.js';
import { terraformShowSchema } from '../../src/iac/terraform/terraform-plan.js';
import { AFTER_APPLY, withUnknowns } from '../../src/iac/terraform/tf-values.js';

const doc = (resources: { address: string; values: Record<string, unknown> }[], extra: Record<string, unknown> = {}) =>
  terraformShowSchema.parse({
    format_version: '1.2',
    planned_values: { root_module: { resources: resources.map((r) => ({ ...r, mode: 'managed', type: r.address.split('.')[0], name: r.address.split('.')[1] })) } },
    ...extra,
  });

describe('terraform show -json as rule kinds', () => {
  it('marks what is known only after apply, at any depth, so no rule judges it', () => {
    expect(withUnknowns({ a: 1, b: [{ c: 2 }] }, { a: true, b: [{ c: true }] })).toEqual({ a: AFTER_APPLY, b: [{ c: AFTER_APPLY }] });
    expect(withUnknowns({ a: 1 }, { a: false })).toEqual({ a: 1 });
  });

  it('renames connection options to the API names the rules read and unwraps single blocks', () => {
    expect(connectionOptions([{ password_policy: 'good', password_history: [{ enable: true, size: 5 }], brute_force_protection: true }])).toEqual({
      passwordPolicy: 'good',
      password_history: { enable: true, size: 5 },
      brute_force_protection: true,
    });
  });

  it('resolves a grant client through the configuration when its id is unknown, else leaves it not judged', () => {
    const plan = doc(
      [
        { address: 'auth0_client.web', values: { name: 'web', app_type: 'spa' } },
        { address: 'auth0_client_grant.g', values: { audience: 'https://t.auth0.com/api/v2/', scopes: ['read:users'] } },
        { address: 'auth0_client_grant.orphan', values: { audience: 'https://api.example/', scopes: [] } },
      ],
      { configuration: { root_module: { resources: [{ address: 'auth0_client_grant.g', expressions: { client_id: { references: ['auth0_client.web.client_id', 'auth0_client.web'] } } }] } } },
    );
    const m = mapTerraform(plan, 'plan.json');
    expect(m.domain).toBe('t.auth0.com');
    expect(m.resources.client_grants?.[0]).toMatchObject({ id: 'web → https://t.auth0.com/api/v2/', client_id: 'web', scope: ['read:users'] });
    expect(m.resources.client_grants?.[1]?.['client_id']).toEqual(AFTER_APPLY);
    expect(m.locations.get('clients/web')).toEqual({ file: 'plan.json', address: 'auth0_client.web' });
    expect(m.coverage.users).toMatchObject({ status: 'unavailable' });
  });

  it('maps auth0_guardian to factors, the policy and the phone settings', () => {
    const m = mapTerraform(doc([{ address: 'auth0_guardian.g', values: { policy: 'all-applications', otp: true, email: false, phone: [{ provider: 'auth0', message_types: ['sms', 'voice'] }], webauthn_roaming: [] } }]), 'p.json');
    expect(m.resources.guardian_policies).toEqual([{ policies: ['all-applications'] }]);
    expect(m.resources.guardian_factors?.filter((f) => f['enabled'] === true).map((f) => f['name']).sort()).toEqual(['otp', 'sms']);
    expect(m.resources.guardian_phone).toEqual([{ sms_provider: 'auth0', phone_provider: 'auth0', message_types: ['sms', 'voice'] }]);
  });
});
