import type { StoredKindName } from '../model/kinds.js';

/**
 * What one Management API write may have changed, as the kinds and resources to read again. A target is either
 * the whole kind (`all`), the kind's list only (its items may have appeared, vanished or changed at the top
 * level, but no item's joins changed: `list`), a few items whose joins changed (`ids`), or the items of the
 * previous snapshot whose join field holds a value anywhere inside it (`containing`), resolved by the planner against that snapshot.
 */
export type Target =
  | { kind: StoredKindName; all: true }
  | { kind: StoredKindName; list: true }
  | { kind: StoredKindName; ids: readonly string[] }
  | { kind: StoredKindName; containing: { field: string; value: string } }
  /** The roles holding a permission of the API with this id (the snapshot maps the id to its identifier). */
  | { kind: 'roles'; permissionsOfApi: string }
  /** Every connection, unless the tenant does not enable new applications on all connections. */
  | { kind: 'connections'; newClient: true };

export type Effect = { type: 'ignore'; why: string } | { type: 'unknown' } | { type: 'change'; targets: Target[] };

export interface Operation {
  method: string;
  segments: readonly string[];
  /** Role ids a `/users/{id}/roles` call named, when the event carries its body. */
  bodyRoles?: readonly string[];
}

const all = (...kinds: StoredKindName[]): Target[] => kinds.map((kind) => ({ kind, all: true }));
const change = (...targets: Target[]): Effect => ({ type: 'change', targets });
const ignore = (why: string): Effect => ({ type: 'ignore', why });

/** Paths whose writes change nothing a rule reads (users are re-read on every run anyway). */
const IGNORED: Readonly<Record<string, string>> = {
  jobs: 'jobs (imports, exports, verification e-mails) change no setting',
  tickets: 'tickets are one-time links',
  grants: 'user consent grants are not read',
  'device-credentials': 'user device credentials are not read',
  sessions: 'sessions are not read',
  'refresh-tokens': 'refresh tokens are not read',
  'user-blocks': 'user blocks are user state (users are re-read)',
  users: 'user data is re-read on every run',
  'users-by-email': 'user data is re-read on every run',
  anomaly: 'IP unblocks are not read',
  'rules-configs': 'rule configuration values are not read',
  forms: 'forms are not read',
  flows: 'flows are not read',
  'self-service-profiles': 'self-service SSO profiles are not read',
  stats: 'statistics are not read',
};

/** Collections whose every write re-reads one whole kind (cheap lists or singletons). */
const WHOLE_KINDS: Readonly<Record<string, StoredKindName>> = {
  'client-grants': 'client_grants',
  'connections-scim-configurations': 'scim_configurations',
  rules: 'rules',
  hooks: 'hooks',
  emails: 'email_provider',
  'email-templates': 'email_templates',
  'risk-assessments': 'risk_assessment',
  tenants: 'tenant',
  prompts: 'prompts',
  'network-acls': 'network_acls',
  'event-streams': 'event_streams',
  'token-exchange-profiles': 'token_exchange_profiles',
};

/**
 * The table: method and path of a successful write → what to read again. Anything not listed is `unknown`, and an
 * unknown operation makes the run read everything (correctness before savings).
 */
export function operationEffect(op: Operation): Effect {
  const [top = '', id, part] = op.segments;
  const method = op.method.toLowerCase();
  if (method === 'get' || method === 'head') return ignore('a read changes nothing');
  switch (top) {
    case 'clients':
      return clientEffect(method, id, part);
    case 'resource-servers':
      // A changed or deleted API can take scopes away from grants and roles: both are read again.
      return id === undefined ? change(...all('resource_servers')) : change(...all('resource_servers', 'client_grants'), { kind: 'roles', permissionsOfApi: id });
    case 'connections':
      return connectionEffect(method, id, part);
    case 'roles':
      return roleEffect(id, part);
    case 'users':
      return userEffect(method, id, part, op.bodyRoles);
    case 'organizations':
      return organizationEffect(id, part);
    case 'actions':
      return id === 'actions' && op.segments[3] === 'test' ? ignore('an action test run changes nothing') : change(...all('actions'));
    case 'log-streams':
    case 'custom-domains':
      return ignore('read again on every run');
    case 'keys':
      return id === 'signing' ? change(...all('signing_keys')) : ignore('only the signing keys are read (not encryption or custom signing keys)');
    case 'guardian':
      return guardianEffect(id, part);
    case 'attack-protection':
      return attackEffect(id);
    case 'branding':
      return id === 'phone' ? change(...all('guardian_phone')) : ignore('branding (themes, templates) is not read');
    default: {
      const whole = WHOLE_KINDS[top];
      if (whole !== undefined) return change(...all(whole));
      const why = IGNORED[top];
      return why === undefined ? { type: 'unknown' } : ignore(why);
    }
  }
}

function clientEffect(method: string, id: string | undefined, part: string | undefined): Effect {
  if (id === undefined) {
    // A new application is enabled on every connection unless the tenant turned that off: the planner decides.
    return change(...all('clients', 'client_credentials'), { kind: 'connections', newClient: true });
  }
  if (part === 'credentials') return change(...all('clients', 'client_credentials'));
  if (method === 'delete') {
    return change(...all('clients', 'client_grants', 'client_credentials'), { kind: 'connections', containing: { field: 'enabled_clients', value: id } });
  }
  return change(...all('clients', 'client_credentials'));
}

function connectionEffect(method: string, id: string | undefined, part: string | undefined): Effect {
  if (id === undefined) return change({ kind: 'connections', list: true }, ...all('scim_configurations'));
  if (part === 'users') return ignore('deleting a connection user is user data');
  if (part === 'scim-configuration') return change(...all('scim_configurations'));
  if (method === 'delete' && part === undefined) {
    return change(
      { kind: 'connections', list: true },
      ...all('scim_configurations'),
      { kind: 'organizations', containing: { field: 'enabled_connections', value: id } },
    );
  }
  // Organizations embed each enabled connection's name: a renamed connection re-reads those organizations.
  return change(
    { kind: 'connections', ids: [id] },
    ...all('scim_configurations'),
    ...(part === undefined ? [{ kind: 'organizations', containing: { field: 'enabled_connections', value: id } } as const] : []),
  );
}

function roleEffect(id: string | undefined, part: string | undefined): Effect {
  if (id === undefined) return change({ kind: 'roles', list: true });
  if (part !== undefined) return change({ kind: 'roles', ids: [id] });
  // Organizations embed their members' role names: a renamed or deleted role re-reads those organizations.
  return change({ kind: 'roles', list: true }, { kind: 'organizations', containing: { field: 'member_roles', value: id } });
}

function userEffect(method: string, id: string | undefined, part: string | undefined, bodyRoles: readonly string[] | undefined): Effect {
  if (id !== undefined && part === 'roles') {
    return change(bodyRoles === undefined || bodyRoles.length === 0 ? { kind: 'roles', all: true } : { kind: 'roles', ids: bodyRoles });
  }
  if (id !== undefined && part === undefined && method === 'delete') return change(...userDeleted(id));
  return ignore(IGNORED['users'] ?? '');
}

/** A deleted user leaves the roles and organizations that held it (users themselves are read on every run). */
export function userDeleted(userId: string): Target[] {
  return [
    { kind: 'roles', containing: { field: 'users', value: userId } },
    { kind: 'organizations', containing: { field: 'members', value: userId } },
  ];
}

function organizationEffect(id: string | undefined, part: string | undefined): Effect {
  if (id === undefined || part === undefined) return change({ kind: 'organizations', list: true }, { kind: 'organization_discovery_domains', list: true });
  if (part === 'invitations') return ignore('an invitation changes nothing until it is accepted (its own log type)');
  if (part === 'discovery-domains') return change({ kind: 'organization_discovery_domains', ids: [id] });
  if (part === 'client-grants') return change({ kind: 'organizations', ids: [id] }, ...all('client_grants'));
  if (part === 'members' || part === 'enabled_connections' || part === 'connections') return change({ kind: 'organizations', ids: [id] });
  return { type: 'unknown' };
}

function guardianEffect(id: string | undefined, part: string | undefined): Effect {
  if (id === 'policies') return change(...all('guardian_policies'));
  if (id === 'enrollments') return ignore('enrollments are user data');
  if (id === 'factors' && (part === 'sms' || part === 'phone')) return change(...all('guardian_phone', 'guardian_factors'));
  if (id === 'factors') return change(...all('guardian_factors'));
  return { type: 'unknown' };
}

const ATTACK_KINDS: Readonly<Record<string, StoredKindName>> = {
  'brute-force-protection': 'brute_force_protection',
  'suspicious-ip-throttling': 'suspicious_ip_throttling',
  'breached-password-detection': 'breached_password_detection',
  'bot-detection': 'bot_detection',
  captcha: 'captcha',
  'phone-provider-protection': 'phone_provider_protection',
};

function attackEffect(id: string | undefined): Effect {
  const kind = ATTACK_KINDS[id ?? ''];
  return kind === undefined ? { type: 'unknown' } : change(...all(kind));
}
