import type { AccessModel, AccessPath, Principal, PrincipalType } from '../src/access/access-types.js';

export const MGMT_API = 'https://tenant.example.com/api/v2/';

/** A small capability list in model order, as the builder copies it from access/capabilities.yaml. */
export const CAPABILITIES: AccessModel['capabilities'] = [
  { id: 'tenant_takeover', title: 'Tenant takeover', takeover: true },
  { id: 'credential_theft', title: 'Credential theft', takeover: false },
  { id: 'account_takeover', title: 'Account takeover', takeover: false },
  { id: 'privilege_escalation', title: 'Privilege escalation', takeover: false },
  { id: 'destruction', title: 'Destruction', takeover: false },
  { id: 'data_read', title: 'Data read', takeover: false },
];

/** A Management API client grant path giving `read:users` (data read); override what the test is about. */
export function aPath(overrides: Partial<AccessPath> = {}): AccessPath {
  return {
    via: 'client_grant',
    audience: MGMT_API,
    managementApi: true,
    scopes: ['read:users'],
    capabilities: ['data_read'],
    grantId: 'cgr_1',
    ...overrides,
  };
}

/** A tenant role path; `roleId` names the role. */
export function aRolePath(roleId: string, overrides: Partial<AccessPath> = {}): AccessPath {
  return { via: 'role', audience: MGMT_API, managementApi: true, scopes: ['read:users'], capabilities: ['data_read'], roleId, roleName: `Role ${roleId}`, ...overrides };
}

const NATIVE: Record<PrincipalType, string> = {
  application: 'app1',
  third_party_default: 'default',
  user: 'auth0|u1',
  action: 'act1',
  rule: 'rul1',
  hook: 'hk1',
};

/**
 * A principal with one path. `id` follows `type` and `nativeId`; `capabilities` and `takeover` follow the paths
 * unless given, as the builder derives them.
 */
export function aPrincipal(overrides: Partial<Principal> = {}): Principal {
  const type = overrides.type ?? 'application';
  const nativeId = overrides.nativeId ?? NATIVE[type];
  const paths = overrides.paths ?? [aPath()];
  const held = new Set(paths.flatMap((p) => p.capabilities));
  const capabilities = CAPABILITIES.map((c) => c.id).filter((id) => held.has(id));
  return {
    id: `${type}:${nativeId}`,
    type,
    nativeId,
    name: `Principal ${nativeId}`,
    capabilities,
    takeover: held.has('tenant_takeover'),
    paths,
    traits: type === 'user' ? { mfaEnrolled: false, emailVerified: true, lastLogin: null, blocked: false } : { authentication: 'shared_secret', firstParty: true },
    ...overrides,
  };
}

/** A user principal holding the given paths. */
export function aUser(nativeId: string, paths: AccessPath[], overrides: Partial<Principal> = {}): Principal {
  return aPrincipal({ type: 'user', nativeId, paths, name: `user ${nativeId}`, ...overrides });
}

/** An access model with the default capabilities and the given principals. */
export function anAccessModel(principals: Principal[] = [aPrincipal()], overrides: Partial<AccessModel> = {}): AccessModel {
  return {
    tenant: { domain: 'tenant.example.com' },
    generatedAt: '2026-01-01T00:00:00.000Z',
    managementApiIdentifier: MGMT_API,
    capabilities: CAPABILITIES,
    principals,
    unclassifiedScopes: [],
    gaps: [],
    ...overrides,
  };
}
