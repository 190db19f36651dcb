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

/** Union of the read scopes needed to collect these kinds, sorted. */
export function scopesFor(kinds: Iterable<KindName>): string[] {
  const out = new Set<string>();
  for (const k of kinds) for (const stored of storedKinds(k)) for (const s of KINDS[stored].scopes) out.add(s);
  return [...out].sort();
}
