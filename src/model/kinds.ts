/**
 * The snapshot's resource kinds: one registry that the snapshot format, the rule engine, the collectors,
 * `scopes` and the reporters all read, so that a kind is described in exactly one place.
 */
export const KIND_NAMES = [
  'tenant',
  'clients',
  'client_grants',
  'resource_servers',
  'connections',
  'roles',
  'organizations',
  'users',
  'actions',
  'rules',
  'hooks',
  'log_streams',
  'custom_domains',
  'email_provider',
  'signing_keys',
  'guardian_factors',
  'guardian_policies',
  'brute_force_protection',
  'suspicious_ip_throttling',
  'breached_password_detection',
  'bot_detection',
  'risk_assessment',
  'captcha',
  'phone_provider_protection',
  'guardian_phone',
  'prompts',
  'network_acls',
  'event_streams',
  'email_templates',
  'token_exchange_profiles',
  'organization_discovery_domains',
  'client_credentials',
  'scim_configurations',
  'client_log_activity',
  'canonical_domain_logins',
  'principals',
] as const;
export type KindName = (typeof KIND_NAMES)[number];

/** Kinds computed from other kinds in the pure middle (never collected, never in a snapshot). */
export type DerivedKindName = 'principals';
export type StoredKindName = Exclude<KindName, DerivedKindName>;
export const STORED_KIND_NAMES: readonly StoredKindName[] = KIND_NAMES.filter((k): k is StoredKindName => k !== 'principals');

export interface KindInfo {
  /** A single object per tenant (settings); its resource id is the kind name. */
  singleton: boolean;
  /** Field holding the resource id (ignored for singletons). */
  idField: string;
  /** Field shown as the resource's display name, if any. */
  nameField?: string;
  /** Management API read scopes the collector needs for this kind, all of them. */
  scopes: readonly string[];
  /** Streamed rather than held in memory: rules may iterate it but not count or look it up. */
  streamed?: boolean;
  /**
   * Those of its scopes a least-privilege grant may leave out on purpose (read:logs, read:client_credentials):
   * without them the rules over the kind are reported as not judged, and the run is not incomplete. With them,
   * they are judged like any other.
   */
  optionalScopes?: readonly string[];
  /** Derived from these kinds (the access model): collecting it means collecting them. */
  derivedFrom?: readonly StoredKindName[];
}

const list = (idField: string, scopes: string[], nameField = 'name'): KindInfo => ({
  singleton: false,
  idField,
  nameField,
  scopes,
});
const single = (scopes: string[]): KindInfo => ({ singleton: true, idField: '', scopes });
const ATTACK = ['read:attack_protection'];

export const KINDS: Readonly<Record<KindName, KindInfo>> = {
  tenant: single(['read:tenant_settings']),
  clients: list('client_id', ['read:clients']),
  client_grants: list('id', ['read:client_grants'], 'client_id'),
  resource_servers: list('id', ['read:resource_servers']),
  connections: list('id', ['read:connections', 'read:connections_options']),
  roles: list('id', ['read:roles', 'read:users']),
  // read:organization_member_roles: only the members' roles are withheld without it (the kind stays ok).
  organizations: list('id', ['read:organizations', 'read:organization_members', 'read:organization_member_roles', 'read:organization_connections']),
  // Named by id only: a display name would be a person's email or name, which snapshots do not keep (SECURITY.md).
  users: { singleton: false, idField: 'user_id', scopes: ['read:users'], streamed: true },
  actions: list('id', ['read:actions']),
  rules: list('id', ['read:rules']),
  hooks: list('id', ['read:hooks']),
  log_streams: list('id', ['read:log_streams']),
  custom_domains: list('custom_domain_id', ['read:custom_domains'], 'domain'),
  email_provider: single(['read:email_provider']),
  signing_keys: list('kid', ['read:signing_keys'], 'kid'),
  guardian_factors: list('name', ['read:guardian_factors']),
  guardian_policies: single(['read:mfa_policies']),
  brute_force_protection: single(ATTACK),
  suspicious_ip_throttling: single(ATTACK),
  breached_password_detection: single(ATTACK),
  bot_detection: single(ATTACK),
  risk_assessment: single(ATTACK),
  captcha: single(ATTACK),
  phone_provider_protection: single(ATTACK),
  // The SMS and voice factors' delivery provider and message types (three small GETs, one resource).
  guardian_phone: single(['read:guardian_factors']),
  prompts: single(['read:prompts']),
  network_acls: list('id', ['read:network_acls'], 'description'),
  event_streams: list('id', ['read:event_streams']),
  // One resource per template name; a template never set is `{template, configured: false}` (the API's 404).
  email_templates: list('template', ['read:email_templates'], 'template'),
  token_exchange_profiles: list('id', ['read:token_exchange_profiles']),
  // Each domain carries its organization_id; read per organization, so only when a rule needs them.
  organization_discovery_domains: list('id', ['read:organizations', 'read:organization_discovery_domains'], 'domain'),
  // Public-key credential metadata (kid, alg, expires_at) of the applications that use one; never a secret. Optional:
  // the same scope makes /clients return client secrets (redacted, but a scanner should not hold it by default).
  client_credentials: { ...list('id', ['read:clients', 'read:client_credentials'], 'name'), optionalScopes: ['read:client_credentials'] },
  // Inbound SCIM per connection, with token metadata (the API never returns a token value).
  scim_configurations: list('connection_id', ['read:connections', 'read:scim_config', 'read:scim_token'], 'connection_name'),
  // Log-based signals (read:logs is optional): bounded searches, one per Management API grant holder.
  client_log_activity: { ...list('client_id', ['read:logs', 'read:client_grants']), optionalScopes: ['read:logs'] },
  canonical_domain_logins: { ...single(['read:logs']), optionalScopes: ['read:logs'] },
  // The effective-privilege model (src/access): one resource per principal, built after the users have streamed.
  principals: {
    singleton: false,
    idField: 'id',
    nameField: 'name',
    scopes: [],
    derivedFrom: ['tenant', 'clients', 'client_grants', 'resource_servers', 'roles', 'organizations', 'users', 'actions', 'rules', 'hooks'],
  },
};

/** The stored kinds a kind stands for: itself, or what it is derived from. */
export function storedKinds(kind: KindName): StoredKindName[] {
  const from = KINDS[kind].derivedFrom;
  return from ? [...from] : [kind as StoredKindName];
}

export function isKindName(name: string): name is KindName {
  return (KIND_NAMES as readonly string[]).includes(name);
}

/** The id a finding reports for a resource of this kind. */
export function resourceId(kind: KindName, resource: Record<string, unknown>): string {
  const info = KINDS[kind];
  if (info.singleton) return kind;
  const id = resource[info.idField];
  return typeof id === 'string' || typeof id === 'number' ? String(id) : '(unknown)';
}

export function resourceName(kind: KindName, resource: Record<string, unknown>): string | undefined {
  const field = KINDS[kind].nameField;
  if (!field) return undefined;
  const name = resource[field];
  return typeof name === 'string' && name !== '' ? name : undefined;
}

/** Union of the read scopes needed to collect these kinds, sorted (optional kinds' scopes included). */
export function scopesFor(kinds: Iterable<KindName>): string[] {
  const out = new Set<string>();
  for (const k of kinds) for (const stored of storedKinds(k)) for (const s of KINDS[stored].scopes) out.add(s);
  return [...out].sort();
}

/** The scopes split into what the kinds need and the optional ones (read:logs, …) no other need makes required. */
export function scopeNeeds(kinds: Iterable<KindName>): { required: string[]; optional: string[] } {
  const optional = new Set<string>();
  const required = new Set<string>();
  for (const k of kinds) {
    for (const stored of storedKinds(k)) {
      const info = KINDS[stored];
      for (const s of info.scopes) (info.optionalScopes?.includes(s) ? optional : required).add(s);
    }
  }
  return { required: [...required].sort(), optional: [...optional].filter((s) => !required.has(s)).sort() };
}

/** The kind has scopes a grant may leave out on purpose (see `optionalScopes`). */
export function isOptionalKind(kind: KindName): boolean {
  return (KINDS[kind].optionalScopes?.length ?? 0) > 0;
}
