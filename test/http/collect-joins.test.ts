import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../../src/mock/index.js';
import { STORED_KIND_NAMES, type KindName } from '../../src/model/kinds.js';
import { apiRequests, collect, demoTenant, find, pluck, type CollectResult, type Obj } from './collect-harness.js';
import { startMockServer } from '../../src/mock/index.js';
import { EMAIL_TEMPLATE_NAMES } from '../../src/collect/collectors/email-templates-collector.js';

/** The demo tenant, collected once over HTTP with a token holding every read scope. */
const tenant = demoTenant();
let server: MockServer;
let run: CollectResult;

beforeAll(async () => {
  server = await startMockServer({ tenant });
  run = await collect({ server, clientId: 'all-scopes', clientSecret: 'all-scopes-secret', domain: tenant.domain });
});
afterAll(async () => {
  await server.close();
});

const listKinds = ['clients', 'client_grants', 'resource_servers', 'connections', 'roles', 'organizations', 'users', 'actions', 'rules', 'hooks', 'log_streams', 'custom_domains', 'signing_keys', 'guardian_factors', 'network_acls', 'event_streams', 'token_exchange_profiles'] as const;
/** Kinds built from joins or one GET per name, with as many resources as these counts (collect-posture-kinds.test.ts reads them closely). */
const builtKinds: Partial<Record<KindName, number>> = {
  email_templates: 13,
  organization_discovery_domains: (tenant.organizations ?? []).reduce((n, o) => n + (o.discovery_domains ?? []).length, 0),
  client_credentials: (tenant.clients ?? []).reduce((n, c) => n + (c.credentials ?? []).length, 0),
  scim_configurations: (tenant.connections ?? []).filter((c) => c.scim_configuration !== undefined).length,
  client_log_activity: new Set((tenant.client_grants ?? []).filter((g) => g.audience.endsWith('/api/v2/')).map((g) => g.client_id)).size,
};

/** What the tenant file holds, as the scanner should see it: the global client is not an application. */
function fileList(kind: (typeof listKinds)[number]): Obj[] {
  const list = (tenant[kind] ?? []) as Obj[];
  return kind === 'clients' ? list.filter((c) => c['global'] !== true) : list;
}

describe('collecting the demo tenant', () => {
  it('collects every kind, ok, with the tenant file count, users last', () => {
    for (const kind of STORED_KIND_NAMES) expect(run.coverage[kind]?.status, kind).toBe('ok');
    for (const kind of listKinds) {
      expect(run.coverage[kind]?.count, kind).toBe(fileList(kind).length);
      expect(run.memory.list(kind), kind).toHaveLength(fileList(kind).length);
    }
    expect(run.memory.list('users')).toHaveLength(60);
    for (const [kind, n] of Object.entries(builtKinds)) expect(run.memory.list(kind as KindName), kind).toHaveLength(n);
    const singletons = STORED_KIND_NAMES.filter((k) => !(listKinds as readonly KindName[]).includes(k) && builtKinds[k] === undefined);
    for (const kind of singletons) expect(run.memory.list(kind), kind).toHaveLength(1);
    const firstUser = run.memory.arrivals.indexOf('users');
    expect(run.memory.arrivals.slice(firstUser).every((k) => k === 'users')).toBe(true);
    expect(run.memory.ended).toBe(1);
    expect(run.memory.header?.tenant.domain).toBe(tenant.domain);
  });

  it('embeds role permissions and role users', () => {
    const roles = run.memory.list('roles');
    expect(pluck(roles, 'id')).toEqual(pluck(fileList('roles'), 'id'));
    for (const fileRole of tenant.roles ?? []) {
      const role = find(roles, 'id', fileRole.id);
      const perms = role['permissions'] as Obj[];
      expect(perms.map((p) => [p['permission_name'], p['resource_server_identifier']])).toEqual(
        (fileRole.permissions ?? []).map((p) => [p.permission_name, p.resource_server_identifier]),
      );
      expect(role['users']).toEqual(fileRole.users ?? []);
    }
    expect((find(roles, 'id', 'rol_VzfZzCyypdJA4gms')['permissions'] as Obj[]).length).toBe(68);
  });

  it('embeds organization members and enabled connections (with the connection name and strategy)', () => {
    const orgs = run.memory.list('organizations');
    const connections = new Map((tenant.connections ?? []).map((c) => [c.id, c]));
    for (const fileOrg of tenant.organizations ?? []) {
      const org = find(orgs, 'id', fileOrg.id);
      expect(org['members']).toEqual(fileOrg.members ?? []);
      const enabled = org['enabled_connections'] as Obj[];
      expect(pluck(enabled, 'connection_id')).toEqual((fileOrg.enabled_connections ?? []).map((e) => e.connection_id));
      for (const e of enabled) {
        const c = connections.get(String(e['connection_id']));
        expect(e['connection']).toEqual({ name: c?.name, strategy: c?.strategy });
        expect(typeof e['assign_membership_on_login']).toBe('boolean');
      }
    }
    expect(find(orgs, 'id', 'org_FRtW838CBqGodhuA')).toMatchObject({ members: [], enabled_connections: [] });
  });

  it('embeds the clients each connection is enabled for, from /connections/{id}/clients', () => {
    const conns = run.memory.list('connections');
    for (const fileConn of tenant.connections ?? []) expect(find(conns, 'id', fileConn.id)['enabled_clients'], fileConn.id).toEqual(fileConn.enabled_clients ?? []);
    // Options come with read:connections_options.
    expect(find(conns, 'id', 'con_sXe95qMR72XTgIaj')['options']).toBeTypeOf('object');
  });

  it('embeds the triggers each action is bound to, never the secret values', () => {
    const actions = run.memory.list('actions');
    for (const fileAction of tenant.actions ?? []) {
      expect(find(actions, 'id', fileAction.id)['bound_triggers'], fileAction.id).toEqual([...(fileAction.bound_triggers ?? [])].sort());
    }
    expect(find(actions, 'id', 'dc4512f8-8eca-41e6-ad4c-5d2c74f878a3')['bound_triggers']).toEqual([]);
  });

  it('reads the singletons: email provider configured, guardian policies as {policies}', () => {
    // Redaction keeps only what rules read (src/redact): `enabled` and `configured` of the provider.
    expect(run.memory.list('email_provider')).toEqual([{ enabled: false, configured: true }]);
    expect(run.memory.list('guardian_policies')).toEqual([{ policies: [] }]);
    expect(run.memory.list('tenant')[0]).toMatchObject({ session_lifetime: tenant.tenant?.['session_lifetime'] });
    expect(run.memory.list('risk_assessment')).toEqual([{ enabled: false }]);
  });

  it('sends the fewest requests the endpoints allow: one per list and per join, nothing twice (lists that several kinds start from included), nothing per user', () => {
    const expected: Record<string, number> = {
      '/tenants/settings': 1,
      '/clients': 1,
      '/client-grants': 1,
      '/resource-servers': 1,
      '/connections': 1,
      '/roles': 1,
      '/organizations': 1,
      '/users': 1,
      '/actions/actions': 1,
      '/actions/triggers': 1,
      '/rules': 1,
      '/hooks': 1,
      '/log-streams': 1,
      '/custom-domains': 1,
      '/emails/provider': 1,
      '/keys/signing': 1,
      '/guardian/factors': 1,
      '/guardian/policies': 1,
      '/attack-protection/brute-force-protection': 1,
      '/attack-protection/suspicious-ip-throttling': 1,
      '/attack-protection/breached-password-detection': 1,
      '/attack-protection/bot-detection': 1,
      '/risk-assessments/settings': 1,
      '/attack-protection/captcha': 1,
      '/attack-protection/phone-provider-protection': 1,
      '/guardian/factors/sms/selected-provider': 1,
      '/guardian/factors/phone/selected-provider': 1,
      '/guardian/factors/phone/message-types': 1,
      '/prompts': 1,
      '/network-acls': 1,
      '/event-streams': 1,
      '/token-exchange-profiles': 1,
      '/connections-scim-configurations': 1,
      // One search per Management API grant holder, one for canonical-domain logins, one for the oldest event.
      '/logs': builtKinds.client_log_activity! + 2,
    };
    for (const name of EMAIL_TEMPLATE_NAMES) expected[`/email-templates/${name}`] = 1;
    for (const o of tenant.organizations ?? []) expected[`/organizations/${o.id}/discovery-domains`] = 1;
    for (const c of tenant.clients ?? []) if (c.client_authentication_methods !== undefined) expected[`/clients/${c.client_id}/credentials`] = 1;
    for (const c of tenant.connections ?? []) if (c.scim_configuration !== undefined) expected[`/connections/${c.id}/scim-configuration/tokens`] = 1;
    for (const c of tenant.connections ?? []) expected[`/connections/${c.id}/clients`] = 1;
    for (const r of tenant.roles ?? []) {
      expected[`/roles/${r.id}/permissions`] = 1;
      expected[`/roles/${r.id}/users`] = 1;
    }
    for (const o of tenant.organizations ?? []) {
      expected[`/organizations/${o.id}/members`] = 1;
      expected[`/organizations/${o.id}/enabled_connections`] = 1;
    }
    // Bindings only of triggers some action supports (an action can be bound to nothing else).
    for (const t of ['post-login', 'post-user-registration', 'pre-user-registration', 'credentials-exchange', 'send-phone-message']) {
      expected[`/actions/triggers/${t}/bindings`] = 1;
    }
    expect(apiRequests(server)).toEqual(expected);
    expect(server.stats().byPath['/oauth/token']).toBe(1);
    expect(run.http).toMatchObject({ requests: Object.values(expected).reduce((a, b) => a + b, 0), retries: 0, throttled: 0 });
  });

  it('pages with per_page=100 / take=100 and trims users to the fields rules read', () => {
    const paths = run.events.map((e) => e.path);
    expect(paths).toContain('/connections?take=100');
    expect(paths).toContain('/organizations?take=100');
    expect(paths).toContain('/client-grants?take=100');
    expect(paths).toContain('/clients?is_global=false&page=0&per_page=100&include_totals=true');
    expect(paths.filter((p) => p.startsWith('/users'))).toEqual([
      '/users?fields=user_id%2Cemail%2Cemail_verified%2Ccreated_at%2Clast_login%2Clogins_count%2Cblocked%2Cmultifactor%2Cidentities&include_fields=true&page=0&per_page=100&include_totals=true',
    ]);
    const user = find(run.memory.list('users'), 'user_id', tenant.users?.[0]?.user_id);
    expect(Object.keys(user).every((k) => ['user_id', 'email', 'email_verified', 'created_at', 'last_login', 'logins_count', 'blocked', 'multifactor', 'identities'].includes(k))).toBe(true);
  });
});
