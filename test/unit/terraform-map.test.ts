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

  it('unwraps the nested blocks and renames the snake_case keys the provider writes where the API differs', () => {
    const m = mapTerraform(
      doc([
        { address: 'auth0_log_stream.s', values: { name: 's', type: 'http', sink: [{ http_endpoint: 'http://logs.example', http_authorization: 'x' }] } },
        { address: 'auth0_custom_domain.d', values: { domain: 'login.example', certificate: [{ status: 'provisioned', renews_before: '2027-01-01' }] } },
        {
          address: 'auth0_client.c',
          values: { name: 'c', addons: [{ samlp: [{ signature_algorithm: 'rsa-sha1', digest_algorithm: 'sha1' }] }], mobile: [{ ios: [{ team_id: 'T' }] }], oidc_backchannel_logout_urls: ['https://c.example/bc'] },
        },
        { address: 'auth0_connection.db', values: { name: 'db', strategy: 'auth0', options: [{ attributes: [{ email: [{ signup: [{ status: 'required', verification: [{ active: false }] }] }] }], authentication_methods: [{ passkey: [{ enabled: true }] }] }] } },
        { address: 'auth0_guardian.g', values: { policy: 'never', phone: [{ enabled: false, message_types: ['sms'] }] } },
      ]),
      'p.json',
    );
    expect(m.resources.log_streams?.[0]?.['sink']).toEqual({ httpEndpoint: 'http://logs.example', httpAuthorization: 'x' });
    expect(m.resources.custom_domains?.[0]?.['certificate']).toEqual({ status: 'provisioned', renews_before: '2027-01-01' });
    const client = m.resources.clients?.[0] ?? {};
    expect(client['addons']).toEqual({ samlp: { signatureAlgorithm: 'rsa-sha1', digestAlgorithm: 'sha1' } });
    expect(client['mobile']).toEqual({ ios: { team_id: 'T' } });
    expect(client['oidc_logout']).toEqual({ backchannel_logout_urls: ['https://c.example/bc'] });
    const options = m.resources.connections?.[0]?.['options'] as Record<string, unknown>;
    expect(options['attributes']).toEqual({ email: { signup: { status: 'required', verification: { active: false } } } });
    expect(options['authentication_methods']).toEqual({ passkey: { enabled: true } });
    expect(m.resources.guardian_factors?.find((f) => f['name'] === 'sms')?.['enabled']).toBe(false);
    const newer = mapTerraform(
      doc([
        { address: 'auth0_client.n', values: { name: 'n', session_transfer: [{ enforce_device_binding: 'none' }], token_quota: [{ client_credentials: [{ enforce: false }] }] } },
        { address: 'auth0_resource_server.r', values: { identifier: 'https://r.example/', proof_of_possession: [{ required: false }], subject_type_authorization: [{ user: [{ policy: 'allow_all' }] }] } },
      ]),
      'p.json',
    );
    expect(newer.resources.clients?.[0]).toMatchObject({ session_transfer: { enforce_device_binding: 'none' }, token_quota: { client_credentials: { enforce: false } } });
    expect(newer.resources.resource_servers?.[0]).toMatchObject({ proof_of_possession: { required: false }, subject_type_authorization: { user: { policy: 'allow_all' } } });
    const scoped = mapTerraform(
      doc([
        { address: 'auth0_resource_server.r', values: { identifier: 'https://r.example/' } },
        { address: 'auth0_resource_server_scopes.s', values: { resource_server_identifier: 'https://r.example/', scopes: [{ name: 'read:a' }] } },
        { address: 'auth0_resource_server_scope.t', values: { resource_server_identifier: 'https://r.example/', scope: 'write:a' } },
      ]),
      'p.json',
    );
    expect(scoped.resources.resource_servers?.[0]?.['scopes']).toEqual([{ value: 'read:a', description: undefined }, { value: 'write:a', description: undefined }]);
  });

  it('reads the singular join resources and matches each list element to its own reference', () => {
    const plan = doc(
      [
        { address: 'auth0_client.a', values: { name: 'a' } },
        { address: 'auth0_client.b', values: { name: 'b' } },
        { address: 'auth0_connection.db', values: { name: 'db', strategy: 'auth0' } },
        { address: 'auth0_connection_clients.db', values: { enabled_clients: [null, null] } },
        { address: 'auth0_role.admin', values: { name: 'admin' } },
        { address: 'auth0_role_permission.p', values: { permission: 'delete:users', resource_server_identifier: 'https://t.auth0.com/api/v2/' } },
        { address: 'auth0_organization.o', values: { name: 'o' } },
        { address: 'auth0_organization_connection.oc', values: { assign_membership_on_login: true } },
      ],
      {
        configuration: {
          root_module: {
            resources: [
              { address: 'auth0_connection_clients.db', expressions: { connection_id: { references: ['auth0_connection.db.id', 'auth0_connection.db'] }, enabled_clients: { references: ['auth0_client.a.id', 'auth0_client.a', 'auth0_client.b.id', 'auth0_client.b'] } } },
              { address: 'auth0_role_permission.p', expressions: { role_id: { references: ['auth0_role.admin.id', 'auth0_role.admin'] } } },
              { address: 'auth0_organization_connection.oc', expressions: { organization_id: { references: ['auth0_organization.o.id', 'auth0_organization.o'] }, connection_id: { references: ['auth0_connection.db.id', 'auth0_connection.db'] } } },
            ],
          },
        },
      },
    );
    const m = mapTerraform(plan, 'plan.json');
    expect(m.resources.connections?.[0]?.['enabled_clients']).toEqual(['a', 'b']);
    expect(m.resources.roles?.[0]?.['permissions']).toEqual([{ permission_name: 'delete:users', resource_server_identifier: 'https://t.auth0.com/api/v2/' }]);
    expect(m.resources.organizations?.[0]?.['enabled_connections']).toEqual([{ assign_membership_on_login: true, connection_id: 'db', connection: { name: 'db', strategy: 'auth0' } }]);
  });
});
