import type { KindName } from '../model/kinds.js';
import { omit } from './project-fields.js';
import { DEFAULT_ATTACK_PROTECTION, DEFAULT_GUARDIAN_FACTORS, DEFAULT_PROMPTS, DEFAULT_TENANT_SETTINGS, DEFAULT_TRIGGERS, trigger } from './singleton-defaults.js';
import type { MockM2mClient, MockTenant, UnavailableReason } from './tenant-schema.js';
import { createUserStore, type Item, type UserStore } from './user-store.js';

/**
 * The tenant as the server serves it: list items with the embedded joins taken out (the API serves those from
 * sub-resources) and the joins indexed by parent id. Built once per server.
 */
export interface TenantData {
  domain: string;
  m2m: readonly MockM2mClient[];
  unavailable: Partial<Record<KindName, UnavailableReason>>;
  /** Ids of listed resources whose details answer 404 (`deleted_while_reading`). */
  deleted: ReadonlySet<string>;
  tenant: Item;
  clients: Item[];
  clientGrants: Item[];
  resourceServers: Item[];
  connections: Item[];
  connectionClients: Map<string, string[]>;
  roles: Item[];
  rolePermissions: Map<string, Item[]>;
  roleUsers: Map<string, string[]>;
  organizations: Item[];
  orgMembers: Map<string, string[]>;
  /** Per organization, each member's roles there (members without a role are absent). */
  orgMemberRoles: Map<string, Map<string, Item[]>>;
  orgConnections: Map<string, Item[]>;
  users: UserStore;
  actions: Item[];
  triggers: Item[];
  bindings: Map<string, Item[]>;
  rules: Item[];
  hooks: Item[];
  logStreams: Item[];
  customDomains: Item[];
  emailProvider: Item | null;
  signingKeys: Item[];
  guardianFactors: Item[];
  guardianPolicies: string[];
  attackProtection: Record<AttackKind, Item>;
  guardianPhone: { sms_provider?: string; phone_provider?: string; message_types?: string[] };
  prompts: Item;
  networkAcls: Item[];
  eventStreams: Item[];
  emailTemplates: Map<string, Item>;
  tokenExchangeProfiles: Item[];
  discoveryDomains: Map<string, Item[]>;
  clientCredentials: Map<string, Item[]>;
  scim: Map<string, Item>;
  logs: Item[];
}

export type AttackKind =
  | 'brute_force_protection'
  | 'suspicious_ip_throttling'
  | 'breached_password_detection'
  | 'bot_detection'
  | 'risk_assessment'
  | 'captcha'
  | 'phone_provider_protection';

export function buildTenantData(t: MockTenant): TenantData {
  const connections = t.connections ?? [];
  const connectionById = new Map(connections.map((c) => [c.id, c]));
  const serverNames = new Map((t.resource_servers ?? []).map((r) => [r.identifier, r.name]));
  const roles = t.roles ?? [];
  const orgs = t.organizations ?? [];
  const actions = t.actions ?? [];

  const triggers = [...DEFAULT_TRIGGERS];
  const known = new Set(triggers.map((x) => x.id));
  const bindings = new Map<string, Item[]>();
  for (const action of actions) {
    const supported = Array.isArray(action.supported_triggers) ? (action.supported_triggers as unknown[]) : [];
    const referenced = [...supported.map((s) => (s as Item | null)?.id), ...(action.bound_triggers ?? [])];
    for (const id of referenced) {
      if (typeof id === 'string' && !known.has(id)) {
        known.add(id);
        triggers.push(trigger(id, 'v1'));
      }
    }
    for (const triggerId of action.bound_triggers ?? []) {
      const list = bindings.get(triggerId) ?? [];
      list.push({
        id: `bnd_${triggerId}_${action.id}`,
        trigger_id: triggerId,
        display_name: action.name,
        action: servedAction(action),
      });
      bindings.set(triggerId, list);
    }
  }

  const email = t.email_provider ?? null;
  const policies = t.guardian_policies;
  return {
    domain: t.domain,
    m2m: t.m2m,
    unavailable: t.unavailable ?? {},
    deleted: new Set(Object.values(t.deleted_while_reading ?? {}).flat()),
    tenant: t.tenant ?? DEFAULT_TENANT_SETTINGS,
    clients: (t.clients ?? []).map((c) => omit(c, ['credentials'])),
    clientGrants: t.client_grants ?? [],
    resourceServers: t.resource_servers ?? [],
    connections: connections.map((c) => omit(c, ['enabled_clients', 'scim_configuration'])),
    connectionClients: new Map(connections.map((c) => [c.id, c.enabled_clients ?? []])),
    roles: roles.map((r) => omit(r, ['permissions', 'users'])),
    rolePermissions: new Map(
      roles.map((r) => [
        r.id,
        (r.permissions ?? []).map((p) => ({ resource_server_name: serverNames.get(p.resource_server_identifier), ...p })),
      ]),
    ),
    roleUsers: new Map(roles.map((r) => [r.id, r.users ?? []])),
    organizations: orgs.map((o) => omit(o, ['members', 'member_roles', 'enabled_connections', 'discovery_domains'])),
    orgMembers: new Map(orgs.map((o) => [o.id, o.members ?? []])),
    orgMemberRoles: new Map(orgs.map((o) => [o.id, new Map((o.member_roles ?? []).map((m) => [m.user_id, m.roles]))])),
    orgConnections: new Map(
      orgs.map((o) => [
        o.id,
        (o.enabled_connections ?? []).map((ec) => {
          const c = connectionById.get(ec.connection_id);
          return c && ec.connection === undefined ? { ...ec, connection: { name: c.name, strategy: c.strategy } } : ec;
        }),
      ]),
    ),
    users: createUserStore(t),
    actions: actions.map(servedAction),
    triggers,
    bindings,
    rules: t.rules ?? [],
    hooks: t.hooks ?? [],
    logStreams: t.log_streams ?? [],
    customDomains: t.custom_domains ?? [],
    emailProvider: email === null || email.configured === false ? null : omit(email, ['configured']),
    signingKeys: t.signing_keys ?? [],
    guardianFactors: t.guardian_factors ?? DEFAULT_GUARDIAN_FACTORS,
    guardianPolicies: policies === undefined ? [] : Array.isArray(policies) ? policies : policies.policies,
    attackProtection: {
      brute_force_protection: t.brute_force_protection ?? defaults('brute_force_protection'),
      suspicious_ip_throttling: t.suspicious_ip_throttling ?? defaults('suspicious_ip_throttling'),
      breached_password_detection: t.breached_password_detection ?? defaults('breached_password_detection'),
      bot_detection: t.bot_detection ?? defaults('bot_detection'),
      risk_assessment: t.risk_assessment ?? defaults('risk_assessment'),
      captcha: t.captcha ?? defaults('captcha'),
      phone_provider_protection: t.phone_provider_protection ?? defaults('phone_provider_protection'),
    },
    guardianPhone: t.guardian_phone ?? { sms_provider: 'auth0', phone_provider: 'auth0', message_types: ['sms'] },
    prompts: t.prompts ?? DEFAULT_PROMPTS,
    networkAcls: t.network_acls ?? [],
    eventStreams: t.event_streams ?? [],
    emailTemplates: new Map((t.email_templates ?? []).map((e) => [e.template, e])),
    tokenExchangeProfiles: t.token_exchange_profiles ?? [],
    logs: t.logs ?? [],
    discoveryDomains: new Map(orgs.map((o) => [o.id, o.discovery_domains ?? []])),
    clientCredentials: new Map((t.clients ?? []).map((c) => [c.client_id, c.credentials ?? []])),
    scim: new Map(connections.flatMap((c) => (c.scim_configuration ? [[c.id, { ...c.scim_configuration, connection_id: c.id, connection_name: c.name, strategy: c.strategy }] as const] : []))),
  };
}

function defaults(kind: string): Item {
  return DEFAULT_ATTACK_PROTECTION[kind] ?? {};
}

/** The API never returns action secret values, only their names. */
function servedAction(action: Item): Item {
  const out = omit(action, ['bound_triggers']);
  if (Array.isArray(out.secrets)) {
    out.secrets = (out.secrets as unknown[]).map((s) => (s !== null && typeof s === 'object' ? omit(s as Item, ['value']) : s));
  }
  return out;
}
