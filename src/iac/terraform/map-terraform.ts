import type { Resource } from '../../engine/eval-context.js';
import { STORED_KIND_NAMES, type StoredKindName } from '../../model/kinds.js';
import type { MappedExport } from '../map-export.js';
import { NOT_IN_EXPORT } from '../map-export.js';
import { configReferences, managedResources, unknownAfterApply, type TerraformShow, type TfResource } from './terraform-plan.js';
import { AFTER_APPLY, block, camelKeys, dropNulls, list, withBlocks, withUnknowns } from './tf-values.js';
import { mapTerraformSettings } from './map-terraform-settings.js';

const MGMT_AUDIENCE = /^https:\/\/([a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)?\.auth0\.com)\/api\/v2\/$/;

export interface TfContext {
  out: MappedExport;
  file: string;
  put(kind: StoredKindName, id: string, r: TfResource, data: Resource): void;
  /**
   * The scanner id of the resource an attribute refers to (its name, …), or the after-apply marker. For an element
   * of a list attribute, `at` says which of how many: the configuration's references are matched in order.
   */
  ref(r: TfResource, attr: string, value: unknown, at?: { index: number; of: number }): unknown;
  values(r: TfResource): Resource;
  of(type: string): TfResource[];
}

/**
 * The `auth0_*` resources of `terraform show -json` (a plan's planned values, or a state) as the kinds the rules
 * read. Attribute names and nested blocks follow the provider's schema (docs/terraform.md, per resource type);
 * references between resources are resolved through the values (a state) or the configuration's expressions (a
 * plan, where a new resource's id is known only after apply); what stays unknown is "not judged".
 */
export function mapTerraform(doc: TerraformShow, file: string): MappedExport {
  const out: MappedExport = { resources: {}, coverage: {}, locations: new Map(), unresolved: [] };
  const resources = managedResources(doc).filter((r) => r.type.startsWith('auth0_'));
  const refs = configReferences(doc);
  const unknowns = unknownAfterApply(doc);
  const byAddress = new Map<string, string>();
  const byRawId = new Map<string, string>();
  const values = (r: TfResource): Resource => dropNulls(withUnknowns(r.values ?? {}, unknowns.get(r.address)) as Resource);
  const ctx: TfContext = {
    out,
    file,
    values,
    of: (type) => resources.filter((r) => r.type === type),
    put(kind, id, r, data) {
      (out.resources[kind] ??= []).push(data);
      out.locations.set(`${kind}/${id}`, { file, address: r.address });
      out.coverage[kind] = { status: 'ok', count: out.resources[kind]?.length ?? 0 };
    },
    ref(r, attr, value, at) {
      if (typeof value === 'string' && byRawId.has(value)) return byRawId.get(value);
      // Terraform lists a reference twice (`auth0_client.a.id`, then `auth0_client.a`): one target each.
      const targets = [...new Set((refs.get(r.address)?.[attr] ?? []).map((t) => byAddress.get(t) ?? byAddress.get(t.split('.').slice(0, -1).join('.'))))].filter(
        (id): id is string => id !== undefined,
      );
      if (at === undefined) return targets[0] ?? AFTER_APPLY;
      // Unless every element has its own reference, which element names which resource cannot be told.
      return targets.length === at.of ? (targets[at.index] ?? AFTER_APPLY) : AFTER_APPLY;
    },
  };
  const named = (type: string, key: (v: Resource) => unknown): void => {
    for (const r of ctx.of(type)) {
      const v = values(r);
      const id = String(key(v) ?? r.address);
      byAddress.set(r.address, id);
      for (const raw of [v['id'], v['client_id'], v['connection_id'], v['role_id'], v['organization_id'], v['action_id']]) {
        if (typeof raw === 'string') byRawId.set(raw, id);
      }
    }
  };
  named('auth0_client', (v) => v['name']);
  named('auth0_connection', (v) => v['name']);
  named('auth0_role', (v) => v['name']);
  named('auth0_organization', (v) => v['name']);
  named('auth0_action', (v) => v['name']);
  named('auth0_resource_server', (v) => v['identifier']);
  mapClients(ctx);
  mapTerraformSettings(ctx);
  for (const g of out.resources.client_grants ?? []) {
    const domain = typeof g['audience'] === 'string' ? MGMT_AUDIENCE.exec(g['audience'])?.[1] : undefined;
    if (domain !== undefined) out.domain ??= domain;
  }
  for (const kind of STORED_KIND_NAMES) out.coverage[kind] ??= { status: 'unavailable', count: 0, detail: NOT_IN_EXPORT };
  return out;
}

/** auth0_client blocks the API holds as one object (newer provider versions; absent ones are skipped). */
const CLIENT_BLOCKS = ['session_transfer', 'signed_request_object', 'default_organization', 'express_configuration'];

/** Applications (with the auth0_client_credentials method) and their grants. */
function mapClients(ctx: TfContext): void {
  const methods = new Map<unknown, unknown>();
  for (const r of ctx.of('auth0_client_credentials')) {
    const v = ctx.values(r);
    methods.set(ctx.ref(r, 'client_id', v['client_id']), v['authentication_method']);
  }
  for (const r of ctx.of('auth0_client')) {
    const v = ctx.values(r);
    const id = String(v['name'] ?? r.address);
    const method = methods.get(id);
    const addons = block(v['addons']);
    const backchannel = v['oidc_backchannel_logout_urls'];
    const quota = block(v['token_quota']);
    ctx.put('clients', id, r, {
      ...withBlocks(v, CLIENT_BLOCKS),
      ...(quota ? { token_quota: withBlocks(quota, ['client_credentials']) } : {}),
      client_id: id,
      jwt_configuration: block(v['jwt_configuration']),
      refresh_token: block(v['refresh_token']),
      native_social_login: withBlocks(block(v['native_social_login']), ['apple', 'facebook', 'google']),
      // The SAML add-on's settings are their own block, in snake_case; the API (and the rules) use camelCase.
      addons: addons && { ...addons, ...(addons['samlp'] === undefined ? {} : { samlp: camelKeys(block(addons['samlp'])) }) },
      mobile: withBlocks(block(v['mobile']), ['android', 'ios']),
      // Older provider versions hold the back-channel logout URLs at the top level, newer ones in an oidc_logout block.
      ...(v['oidc_logout'] !== undefined ? { oidc_logout: block(v['oidc_logout']) } : Array.isArray(backchannel) ? { oidc_logout: { backchannel_logout_urls: backchannel } } : {}),
      ...authMethod(method),
    });
  }
  for (const r of ctx.of('auth0_client_grant')) {
    const v = ctx.values(r);
    const client = ctx.ref(r, 'client_id', v['client_id']);
    const audience = typeof v['audience'] === 'string' ? v['audience'] : '';
    const id = `${typeof client === 'string' ? client : r.address} → ${audience}`;
    ctx.put('client_grants', id, r, { ...v, id, client_id: client, scope: Array.isArray(v['scopes']) ? v['scopes'] : [] });
  }
  const scopes = new Map<unknown, Resource[]>();
  const addScopes = (r: TfResource, v: Resource, more: Resource[]): void => {
    // The identifier is the API's own name here: written literally, it names the API without any reference.
    const literal = v['resource_server_identifier'];
    const resolved = ctx.ref(r, 'resource_server_identifier', literal);
    const key = resolved === AFTER_APPLY && typeof literal === 'string' ? literal : resolved;
    scopes.set(key, [...(scopes.get(key) ?? []), ...more]);
  };
  for (const r of ctx.of('auth0_resource_server_scopes')) {
    const v = ctx.values(r);
    addScopes(r, v, list(v['scopes']).map((s) => ({ value: s['name'], description: s['description'] })));
  }
  for (const r of ctx.of('auth0_resource_server_scope')) {
    const v = ctx.values(r);
    addScopes(r, v, [{ value: v['scope'], description: v['description'] }]);
  }
  for (const r of ctx.of('auth0_resource_server')) {
    const v = ctx.values(r);
    const id = String(v['identifier'] ?? r.address);
    const subjects = block(v['subject_type_authorization']);
    ctx.put('resource_servers', id, r, {
      ...withBlocks(v, ['proof_of_possession', 'token_encryption']),
      ...(subjects ? { subject_type_authorization: withBlocks(subjects, ['user', 'client']) } : {}),
      id,
      ...(scopes.has(id) ? { scopes: scopes.get(id) } : {}),
    });
  }
}

/** auth0_client_credentials' method as the client fields the rules read (a key method has no shared secret). */
function authMethod(method: unknown): Resource {
  if (method === undefined) return {};
  if (method === 'none' || method === 'client_secret_post' || method === 'client_secret_basic') return { token_endpoint_auth_method: method };
  if (typeof method === 'string') return { client_authentication_methods: { [method]: { credentials: [] } } };
  return { token_endpoint_auth_method: method };
}
