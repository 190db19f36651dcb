import { describe, expect, it } from 'vitest';
import { createAccessBuilder } from '../../src/access/access-builder.js';
import type { AccessModel, Principal } from '../../src/access/access-types.js';
import { loadCapabilityModel } from '../../src/access/load-capability-model.js';
import type { KindCoverage } from '../../src/model/coverage.js';
import type { KindName } from '../../src/model/kinds.js';

type Resource = Record<string, unknown>;
const DOMAIN = 'acme.eu.auth0.com';
const MGMT = `https://${DOMAIN}/api/v2/`;
const OK: KindCoverage = { status: 'ok', count: 1 };
const ALL_OK: Partial<Record<KindName, KindCoverage>> = Object.fromEntries(
  ['tenant', 'clients', 'client_grants', 'resource_servers', 'roles', 'organizations', 'users', 'actions', 'rules', 'hooks'].map((k) => [k, OK]),
);

function build(resources: Partial<Record<KindName, Resource[]>>, users: Resource[] = [], coverage = ALL_OK, scannerClientId?: string): AccessModel {
  const b = createAccessBuilder({
    tenant: { domain: DOMAIN },
    now: '2026-06-01T00:00:00Z',
    resources,
    model: loadCapabilityModel(),
    ...(scannerClientId === undefined ? {} : { scannerClientId }),
  });
  for (const u of users) b.addUser(u);
  return b.finish(coverage);
}

const byId = (m: AccessModel, id: string): Principal | undefined => m.principals.find((p) => p.id === id);
const grant = (id: string, clientId: string | undefined, scope: string[], extra: Resource = {}): Resource => ({ id, ...(clientId ? { client_id: clientId } : {}), audience: MGMT, scope, ...extra });
const role = (id: string, name: string, perms: string[], users: string[], audience = MGMT): Resource => ({
  id,
  name,
  permissions: perms.map((p) => ({ permission_name: p, resource_server_identifier: audience })),
  users,
});

describe('access model: applications', () => {
  it('lists an application with each grant as a path, and its capabilities from the capability model', () => {
    const m = build({
      clients: [{ client_id: 'deploy', name: 'Deploy', app_type: 'non_interactive', token_endpoint_auth_method: 'client_secret_post' }],
      client_grants: [grant('cg1', 'deploy', ['create:clients', 'read:users'])],
    });
    const p = byId(m, 'application:deploy');
    expect(p?.takeover).toBe(true);
    expect(p?.capabilities).toContain('tenant_takeover');
    expect(p?.capabilities).toContain('data_read');
    expect(p?.paths).toEqual([expect.objectContaining({ via: 'client_grant', grantId: 'cg1', managementApi: true, scopes: ['create:clients', 'read:users'] })]);
    expect(p?.traits.authentication).toBe('shared_secret');
    expect(m.unclassifiedScopes).toEqual([]);
  });

  it('tells the authentication methods apart, and reads an empty method on a confidential app as key based', () => {
    const m = build({
      clients: [
        { client_id: 'pkj', app_type: 'non_interactive', client_authentication_methods: { private_key_jwt: { credentials: [{ id: 'cred_1' }] } } },
        { client_id: 'tls', app_type: 'non_interactive', client_authentication_methods: { tls_client_auth: { credentials: [{ id: 'cred_2' }] } } },
        { client_id: 'hidden', app_type: 'non_interactive', token_endpoint_auth_method: null },
        { client_id: 'basic', app_type: 'regular_web', token_endpoint_auth_method: 'client_secret_basic' },
      ],
      client_grants: ['pkj', 'tls', 'hidden', 'basic'].map((c, i) => grant(`cg${i}`, c, ['update:clients'])),
    });
    expect(byId(m, 'application:pkj')?.traits.authentication).toBe('private_key_jwt');
    expect(byId(m, 'application:tls')?.traits.authentication).toBe('mtls');
    expect(byId(m, 'application:hidden')?.traits.authentication).toBe('key_or_mtls');
    expect(byId(m, 'application:basic')?.traits.authentication).toBe('shared_secret');
  });

  it('keeps a grant whose application is not in the snapshot, named by its client id', () => {
    const m = build({ clients: [], client_grants: [grant('cg1', 'gone-client', ['update:connections'])] });
    const p = byId(m, 'application:gone-client');
    expect(p?.takeover).toBe(true);
    expect(p?.traits.authentication).toBe('unknown');
    expect(p?.traits.firstParty).toBeUndefined();
  });

  it('reports custom API scopes as they are, with no capability', () => {
    const m = build({
      clients: [{ client_id: 'svc', name: 'Orders service' }],
      client_grants: [{ id: 'cg1', client_id: 'svc', audience: 'https://orders.example.com', scope: ['delete:orders'] }],
    });
    const p = byId(m, 'application:svc');
    expect(p?.capabilities).toEqual([]);
    expect(p?.takeover).toBe(false);
    expect(p?.paths[0]).toMatchObject({ managementApi: false, audience: 'https://orders.example.com', scopes: ['delete:orders'], capabilities: [] });
  });

  it('recognises the Management API by the system resource server (custom domains, recordings)', () => {
    const audience = 'https://acme-prod.us.auth0.com/api/v2/';
    const m = build({
      resource_servers: [{ id: 'rs', identifier: audience, is_system: true }],
      clients: [{ client_id: 'a' }],
      client_grants: [{ id: 'cg', client_id: 'a', audience, scope: ['update:tenant_settings'] }],
    });
    expect(m.managementApiIdentifier).toBe(audience);
    expect(byId(m, 'application:a')?.takeover).toBe(true);
  });

  it('gives the default grant for third-party apps to every third-party app and to one principal for all of them', () => {
    const m = build({
      tenant: [{ flags: { enable_dynamic_client_registration: true } }],
      clients: [
        { client_id: 'tpc_1', name: 'Partner', is_first_party: false },
        { client_id: 'own', name: 'Own app', is_first_party: true },
      ],
      client_grants: [grant('cgd', undefined, ['create:client_grants'], { default_for: 'third_party_clients', subject_type: 'client' })],
    });
    const all = byId(m, 'third_party_default:cgd');
    expect(all?.takeover).toBe(true);
    expect(all?.traits.openRegistration).toBe(true);
    const partner = byId(m, 'application:tpc_1');
    expect(partner?.paths).toEqual([expect.objectContaining({ via: 'default_grant', grantId: 'cgd' })]);
    expect(partner?.traits.firstParty).toBe(false);
    expect(byId(m, 'application:own')).toBeUndefined();
  });

  it('marks the scanner, and lists takeover principals first', () => {
    const m = build(
      {
        clients: [{ client_id: 'scanner' }, { client_id: 'zz-admin' }],
        client_grants: [grant('cg1', 'scanner', ['read:clients', 'read:connections_options']), grant('cg2', 'zz-admin', ['update:clients'])],
      },
      [],
      ALL_OK,
      'scanner',
    );
    expect(byId(m, 'application:scanner')?.traits.isScanner).toBe(true);
    expect(byId(m, 'application:scanner')?.capabilities).toContain('credential_theft');
    expect(m.principals[0]?.id).toBe('application:zz-admin');
  });

  it('names a scope the capability model does not know, with who holds it', () => {
    const m = build({ clients: [{ client_id: 'a' }], client_grants: [grant('cg1', 'a', ['frobnicate:widgets', 'read:users'])] });
    expect(m.unclassifiedScopes).toEqual([{ scope: 'frobnicate:widgets', heldBy: ['application:a'] }]);
    expect(byId(m, 'application:a')?.capabilities).toEqual(['data_read']);
  });
});

describe('access model: users', () => {
  it('lists users of a tenant role with Management API permissions, with their MFA state from the users stream', () => {
    const m = build(
      { roles: [role('rol_admin', 'Tenant Admin', ['update:clients', 'read:users'], ['auth0|1', 'auth0|2'])] },
      [
        { user_id: 'auth0|1', multifactor: ['guardian'], email_verified: true, last_login: '2026-05-01T00:00:00Z' },
        { user_id: 'auth0|2', email_verified: false, blocked: true },
        { user_id: 'auth0|3', multifactor: [] },
      ],
    );
    expect(byId(m, 'user:auth0|1')).toMatchObject({ takeover: true, traits: { mfaEnrolled: true, emailVerified: true, lastLogin: '2026-05-01T00:00:00Z', blocked: false } });
    expect(byId(m, 'user:auth0|2')?.traits).toMatchObject({ mfaEnrolled: false, emailVerified: false, blocked: true });
    expect(byId(m, 'user:auth0|3')).toBeUndefined();
    expect(byId(m, 'user:auth0|1')?.paths).toEqual([expect.objectContaining({ via: 'role', roleId: 'rol_admin', roleName: 'Tenant Admin' })]);
  });

  it('lists users holding a role inside an organization, with the organization on the path', () => {
    const m = build({
      roles: [role('rol_admin', 'Tenant Admin', ['create:role_members'], [])],
      organizations: [{ id: 'org_1', name: 'city', display_name: 'City Hospital', members: ['auth0|9'], member_roles: [{ user_id: 'auth0|9', roles: [{ id: 'rol_admin', name: 'Tenant Admin' }] }] }],
    });
    const p = byId(m, 'user:auth0|9');
    expect(p?.capabilities).toContain('privilege_escalation');
    expect(p?.paths).toEqual([expect.objectContaining({ via: 'organization_role', roleId: 'rol_admin', organizationId: 'org_1', organizationName: 'City Hospital' })]);
    expect(p?.traits.mfaEnrolled).toBeNull();
  });

  it('does not list holders of roles with custom-API permissions only, nor of roles with no permission', () => {
    const m = build({
      roles: [role('rol_c', 'Clinician', ['read:patients'], ['auth0|1'], 'https://api.example.com'), role('rol_e', 'Empty', [], ['auth0|2'])],
      organizations: [{ id: 'org_1', member_roles: [{ user_id: 'auth0|3', roles: [{ id: 'rol_c' }] }] }],
    });
    expect(m.principals).toEqual([]);
  });

  it('keeps one path list per role however many users hold it (shared objects)', () => {
    const members = Array.from({ length: 1000 }, (_, i) => `auth0|${i}`);
    const m = build({ roles: [role('rol_s', 'Support', ['update:users'], members)] });
    const users = m.principals.filter((p) => p.type === 'user');
    expect(users).toHaveLength(1000);
    expect(users[0]?.paths[0]).toBe(users[999]?.paths[0]);
    expect(users[0]?.capabilities).toContain('account_takeover');
  });
});

describe('access model: code holding Management API credentials', () => {
  const resources = (extra: Partial<Record<KindName, Resource[]>>): Partial<Record<KindName, Resource[]>> => ({
    clients: [{ client_id: 'deploy' }],
    client_grants: [grant('cg1', 'deploy', ['update:clients', 'read:users'])],
    ...extra,
  });

  it('finds an Action with Auth0 credential secrets that builds a ManagementClient, by names only', () => {
    const m = build(
      resources({
        actions: [
          {
            id: 'act1',
            name: 'Assign role',
            secrets: [{ name: 'AUTH0_CLIENT_ID' }, { name: 'AUTH0_CLIENT_SECRET' }, { name: 'AUTH0_DOMAIN' }],
            code: "const { ManagementClient } = require('auth0'); const m = new ManagementClient({ domain: event.secrets.AUTH0_DOMAIN, clientId: event.secrets.AUTH0_CLIENT_ID, clientSecret: event.secrets.AUTH0_CLIENT_SECRET });",
            bound_triggers: ['post-login'],
          },
        ],
      }),
    );
    const p = byId(m, 'action:act1');
    expect(p?.takeover).toBe(true);
    expect(p?.traits.active).toBe(true);
    expect(p?.paths[0]?.evidence).toEqual(['secret name AUTH0_CLIENT_ID', 'secret name AUTH0_CLIENT_SECRET', 'secret name AUTH0_DOMAIN', 'code builds a Management API client']);
  });

  it('finds a legacy rule asking for a client-credentials token with configuration secrets, and a hook with webtask secrets', () => {
    const m = build(
      resources({
        rules: [
          {
            id: 'rul1',
            name: 'Sync',
            enabled: true,
            script: "request.post({ url: 'https://' + auth0.domain + '/oauth/token', json: { grant_type: 'client_credentials', client_id: configuration.MGMT_CLIENT_ID, client_secret: configuration.MGMT_CLIENT_SECRET, audience: 'https://' + auth0.domain + '/api/v2/' } })",
          },
        ],
        hooks: [{ id: 'hk1', name: 'Add to org', enabled: false, script: "const ManagementClient = require('auth0').ManagementClient; new ManagementClient({ clientSecret: context.webtask.secrets.CLIENT_SECRET });" }],
      }),
    );
    expect(byId(m, 'rule:rul1')?.takeover).toBe(true);
    expect(byId(m, 'hook:hk1')?.traits.active).toBe(false);
    expect(byId(m, 'hook:hk1')?.paths[0]?.evidence).toContain('secret name CLIENT_SECRET');
  });

  it('ignores look-alikes: vendor keys, a claim namespace in configuration, Auth0 API calls without credentials', () => {
    const m = build(
      resources({
        actions: [
          { id: 'a1', name: 'CRM', secrets: [{ name: 'CRM_API_KEY' }], code: "fetch('https://crm.example.com', { headers: { key: event.secrets.CRM_API_KEY } })" },
          { id: 'a2', name: 'SMS', secrets: [{ name: 'TWILIO_AUTH_TOKEN' }, { name: 'TWILIO_ACCOUNT_SID' }], code: 'twilio(event.secrets.TWILIO_ACCOUNT_SID, event.secrets.TWILIO_AUTH_TOKEN)' },
          { id: 'a3', name: 'Stripe', secrets: [{ name: 'STRIPE_SECRET' }], code: "stripe(event.secrets.STRIPE_SECRET).customers.create({})" },
          { id: 'a4', name: 'Claims', code: "api.accessToken.setCustomClaim('https://example.com/roles', event.authorization.roles)" },
        ],
        rules: [{ id: 'r1', name: 'Email claim', script: "context.accessToken[configuration.CLAIM_NAMESPACE + '/email'] = user.email;" }],
      }),
    );
    expect(m.principals.map((p) => p.id)).toEqual(['application:deploy']);
  });

  it('gives code credentials what the widest non-scanner client-credentials grant gives, and nothing when there is none', () => {
    const action = { id: 'a1', secrets: [{ name: 'AUTH0_CLIENT_SECRET' }], code: '' };
    const readOnly = build({ clients: [{ client_id: 'scan' }], client_grants: [grant('cg1', 'scan', ['read:client_keys'])], actions: [action] }, [], ALL_OK, 'scan');
    expect(byId(readOnly, 'action:a1')?.capabilities).toEqual([]);
    const withAdmin = build({ clients: [{ client_id: 'x' }], client_grants: [grant('cg1', 'x', ['update:clients'])], actions: [action] });
    expect(byId(withAdmin, 'action:a1')?.takeover).toBe(true);
  });
});

describe('access model: gaps', () => {
  it('names every source kind not read, and a withheld member-roles join', () => {
    const { users: _notCollected, ...rest } = ALL_OK;
    const m = build({}, [], {
      ...rest,
      client_grants: { status: 'forbidden', count: 0, missingScopes: ['read:client_grants'] },
      organizations: { status: 'ok', count: 2, withheldFields: ['member_roles'] },
    });
    expect(m.gaps.map((g) => `${g.kind} ${g.status}`)).toEqual(['client_grants forbidden', 'organizations member_roles withheld', 'users not collected']);
  });

  it('has no gap when a kind is not on the plan', () => {
    const m = build({}, [], { ...ALL_OK, hooks: { status: 'unavailable', count: 0 } });
    expect(m.gaps).toEqual([]);
  });
});

describe('access model from a snapshot', () => {
  it('names what an older snapshot did not keep as a gap instead of finding no code', async () => {
    const { EvaluatingSink } = await import('../../src/core/evaluating-sink.js');
    const { builtinAllowList } = await import('../../src/redact/builtin-allow-list.js');
    const { redactionRecord } = await import('../../src/redact/allow-list-record.js');
    const record = redactionRecord(builtinAllowList());
    const paths = { ...record.paths, rules: (record.paths.rules ?? []).filter((p) => p !== 'script') };
    const sink = new EvaluatingSink([], { access: true });
    sink.begin({ format: 'auth0-scan-snapshot', version: 1, tool: { name: 'auth0-scan', version: '0.0.1' }, tenant: { domain: DOMAIN }, collectedAt: '2026-06-01T00:00:00Z', source: 'file', redaction: { policy: 'allow-list', paths } });
    sink.end(ALL_OK);
    const gaps = sink.done().access?.gaps ?? [];
    expect(gaps).toEqual([expect.objectContaining({ kind: 'rules', status: 'not kept by the snapshot', effect: expect.stringContaining('rules script') })]);
  });
});

describe('schemas/access.schema.json', () => {
  it('is what write-access-schema generates from the zod schema (run `node dist/scripts/write-access-schema.js`)', async () => {
    const { readFileSync } = await import('node:fs');
    const { accessJsonSchema } = await import('../../src/scripts/write-access-schema.js');
    const onDisk: unknown = JSON.parse(readFileSync(new URL('../../schemas/access.schema.json', import.meta.url), 'utf8'));
    expect(onDisk).toEqual(accessJsonSchema());
  });
});
