/**
 * The effective-privilege model (`auth0-scan access`, the `principals` kind): who holds which Management API
 * capability, and through what. Plain data, derived purely from a snapshot; the JSON report is this shape.
 */

/** A capability id from the capability model (`access/capabilities.yaml`), e.g. `tenant_takeover`. */
export type CapabilityId = string;

export type PrincipalType = 'application' | 'third_party_default' | 'user' | 'action' | 'rule' | 'hook';

/** How one principal reaches its scopes. */
export type PathVia =
  /** A client grant of this application (client credentials, or user-delegated when subject_type is user). */
  | 'client_grant'
  /** A client grant with `default_for: third_party_clients`: every third-party application gets it. */
  | 'default_grant'
  /** A tenant role assigned to the user. */
  | 'role'
  /** A role the user holds inside an organization. */
  | 'organization_role'
  /** Management API credentials kept in an Action's secrets, a rule's configuration or a hook's secrets, or code. */
  | 'code_credentials';

export interface AccessPath {
  via: PathVia;
  /** The API the scopes are for. */
  audience: string;
  /** True when the audience is this tenant's Management API. */
  managementApi: boolean;
  /** The scopes this path gives (for code credentials: unknown, so empty, and `capabilities` says what is assumed). */
  scopes: string[];
  /** Capabilities these scopes give (Management API only; custom API scopes have no model). */
  capabilities: CapabilityId[];
  grantId?: string;
  /** `client` (client credentials) or `user` (user-delegated), as the grant says; absent means client. */
  subjectType?: string;
  roleId?: string;
  roleName?: string;
  organizationId?: string;
  organizationName?: string;
  /** For code credentials: what was found, by name only (never a value). */
  evidence?: string[];
}

/** Facts that make a principal easier to abuse. Each field is present only for the principal types it fits. */
export interface PrincipalTraits {
  /**
   * Applications: how they authenticate at the token endpoint. `key_or_mtls`: no shared-secret method is set, so
   * it is private key JWT or mTLS; which one only `read:client_keys` shows (Auth0 withholds
   * `client_authentication_methods` without it).
   */
  authentication?: 'shared_secret' | 'private_key_jwt' | 'mtls' | 'key_or_mtls' | 'none' | 'unknown';
  firstParty?: boolean;
  /** The tenant's legacy global client. */
  global?: boolean;
  appType?: string;
  /** The scanner's own client (from the snapshot header). */
  isScanner?: boolean;
  /** Third-party default grants when dynamic client registration is on: anyone can register such an app. */
  openRegistration?: boolean;
  /** Users: `null` when the snapshot does not say (the user was not in it). */
  mfaEnrolled?: boolean | null;
  emailVerified?: boolean | null;
  lastLogin?: string | null;
  blocked?: boolean | null;
  /** Code: whether it runs (enabled rule or hook, deployed and bound Action). */
  active?: boolean;
}

export interface Principal {
  /** `<type>:<native id>`, e.g. `application:abc123`, `user:auth0|42`. */
  id: string;
  type: PrincipalType;
  /** The native id (client id, user id, action id, ...). */
  nativeId: string;
  name?: string;
  /** Union of the capabilities of every path, sorted in model order. */
  capabilities: CapabilityId[];
  /** Holds `tenant_takeover` through at least one path. */
  takeover: boolean;
  paths: AccessPath[];
  traits: PrincipalTraits;
}

/** A scope seen in the data that the capability model does not classify: reported, never silently dropped. */
export interface UnclassifiedScope {
  scope: string;
  /** Principal ids holding it. */
  heldBy: string[];
}

/** What kept the model from being complete: a kind it needs that was not read in full. */
export interface AccessGap {
  kind: string;
  status: string;
  /** What the gap hides, in one sentence. */
  effect: string;
}

export interface AccessModel {
  tenant: { domain: string };
  /** The scan time (data). */
  generatedAt: string;
  managementApiIdentifier: string;
  /** Capability ids in model order, with titles: the table and the graphs use this order. */
  capabilities: { id: CapabilityId; title: string; takeover: boolean }[];
  principals: Principal[];
  unclassifiedScopes: UnclassifiedScope[];
  gaps: AccessGap[];
}
