import type { AccessModel, Principal } from '../src/access/access-types.js';
import { aPath, aPrincipal, aRolePath, aUser, anAccessModel } from './access-builders.js';

/** Names that try to leave their label, add a statement or directive, or become markup, in Mermaid or DOT. */
export const HOSTILE_NAMES = [
  '"]; click n1 call alert(1); n9["',
  '<img src=x onerror=alert(1)>',
  '#lt;b#gt;bold#lt;/b#gt; #35; #quot;',
  '%%{init: {"securityLevel": "loose"}}%%',
  'a|b|`code` [x] {y} (z) & style n1 fill:#f00;',
  'line one\nclick n1 href "javascript:alert(1)"\r\n}',
  'back\\slash \\N \\l "quoted"',
  '<script>alert(1)</script>',
  'Ünïcødé 名前 😈',
];

/** Every path kind, a role shared by two users, a default grant shared by two third-party applications. */
export function tenantModel(): AccessModel {
  const takeoverGrant = aPath({ grantId: 'cgr_admin', scopes: ['create:clients', 'delete:users'], capabilities: ['tenant_takeover', 'destruction'] });
  const adminRole = aRolePath('rol_admin', { roleName: 'Admin', scopes: ['update:users'], capabilities: ['account_takeover'] });
  const orgRole = aRolePath('rol_admin', { via: 'organization_role', roleName: 'Admin', organizationId: 'org_1', organizationName: 'Acme', capabilities: ['privilege_escalation'] });
  const defaults = aPath({ via: 'default_grant', grantId: 'cgr_default' });
  return anAccessModel([
    aPrincipal({ nativeId: 'm2m', name: 'Deployer', paths: [takeoverGrant, aPath({ grantId: 'cgr_api', audience: 'https://api.example.com', managementApi: false, scopes: ['read:orders'], capabilities: [] })] }),
    aPrincipal({ nativeId: 'tp1', name: 'Partner one', traits: { firstParty: false }, paths: [defaults] }),
    aPrincipal({ nativeId: 'tp2', name: 'Partner two', traits: { firstParty: false }, paths: [defaults] }),
    aUser('auth0|alice', [adminRole]),
    aUser('auth0|bob', [adminRole, orgRole]),
    aPrincipal({ type: 'action', nativeId: 'act_1', name: 'post-login', paths: [aPath({ via: 'code_credentials', grantId: undefined, scopes: [], capabilities: ['tenant_takeover'], evidence: ['secret MGMT_CLIENT_SECRET'] })] }),
  ]);
}

/** One application per hostile name, each through its own grant. */
export function hostileModel(): AccessModel {
  return anAccessModel(HOSTILE_NAMES.map((name, i) => aPrincipal({ nativeId: `app${i}`, name, paths: [aPath({ grantId: `cgr_${i}`, capabilities: ['tenant_takeover'] })] })));
}

/** 50,000 users holding an admin role, a thousand applications with their own takeover grant, a few support users. */
export function largeModel(): AccessModel {
  const admin = aRolePath('rol_admin', { roleName: 'Admin', capabilities: ['tenant_takeover', 'account_takeover'] });
  const support = aRolePath('rol_support', { roleName: 'Support' });
  const principals: Principal[] = [
    ...Array.from({ length: 50_000 }, (_, i) => aUser(`auth0|admin${i}`, [admin])),
    ...Array.from({ length: 5 }, (_, i) => aUser(`auth0|support${i}`, [support])),
    ...Array.from({ length: 1_000 }, (_, i) => aPrincipal({ nativeId: `app${i}`, name: `Application ${i}`, paths: [aPath({ grantId: `cgr_${i}`, capabilities: ['tenant_takeover', 'credential_theft', 'destruction'] })] })),
  ];
  return anAccessModel(principals);
}
