import type { Resource } from '../../engine/eval-context.js';
import type { StoredKindName } from '../../model/kinds.js';
import type { TfContext } from './map-terraform.js';
import { block, camelKeys, list, withBlocks } from './tf-values.js';
import { connectionOptions } from './connection-options.js';

/** auth0_pages blocks → the tenant settings' fields. */
const PAGE_FIELDS: readonly [string, string][] = [
  ['change_password', 'change_password'],
  ['guardian_mfa_page', 'guardian_mfa_page'],
  ['error', 'error_page'],
];

/** The connections, roles, organizations, actions and the tenant-wide settings. */
export function mapTerraformSettings(ctx: TfContext): void {
  mapDirectory(ctx);
  mapActions(ctx);
  // Provider v1 moved the hosted pages out of auth0_tenant into auth0_pages: they belong to the tenant settings.
  const pages: Resource = {};
  for (const r of ctx.of('auth0_pages')) {
    const p = ctx.values(r);
    for (const [from, to] of PAGE_FIELDS) if (p[from] !== undefined) pages[to] = block(p[from]);
  }
  for (const r of ctx.of('auth0_tenant')) {
    const v = ctx.values(r);
    ctx.put('tenant', 'tenant', r, { ...withBlocks(v, ['flags', 'session_cookie', 'sessions', 'error_page', 'change_password', 'guardian_mfa_page', 'mtls']), ...pages });
  }
  for (const r of ctx.of('auth0_attack_protection')) {
    const v = ctx.values(r);
    const brute = block(v['brute_force_protection']);
    const sit = block(v['suspicious_ip_throttling']);
    const bpd = block(v['breached_password_detection']);
    if (brute) ctx.put('brute_force_protection', 'brute_force_protection', r, brute);
    if (sit) ctx.put('suspicious_ip_throttling', 'suspicious_ip_throttling', r, { ...sit, stage: stages(sit, ['pre_login', 'pre_user_registration', 'pre_custom_token_exchange']) });
    if (bpd) ctx.put('breached_password_detection', 'breached_password_detection', r, { ...bpd, stage: stages(bpd, ['pre_user_registration', 'pre_change_password']) });
  }
  for (const r of ctx.of('auth0_guardian')) mapGuardian(ctx, r, ctx.values(r));
  const singles: readonly [string, StoredKindName][] = [['auth0_email_provider', 'email_provider'], ['auth0_prompt', 'prompts']];
  for (const [type, kind] of singles) {
    for (const r of ctx.of(type)) ctx.put(kind, kind, r, { ...ctx.values(r), ...(kind === 'email_provider' ? { configured: true } : {}) });
  }
  for (const r of ctx.of('auth0_log_stream')) {
    const v = ctx.values(r);
    const id = String(v['name'] ?? r.address);
    // The provider writes the sink's settings in snake_case (`http_endpoint`); the API and the rules use camelCase.
    ctx.put('log_streams', id, r, { ...v, id, sink: camelKeys(block(v['sink'])) });
  }
  for (const r of ctx.of('auth0_custom_domain')) {
    const v = ctx.values(r);
    const id = String(v['domain'] ?? r.address);
    ctx.put('custom_domains', id, r, { ...withBlocks(v, ['certificate']), custom_domain_id: id });
  }
}

/** `pre_login` blocks as the API's `stage: {"pre-login": …}`. */
function stages(b: Resource, names: readonly string[]): Resource {
  return Object.fromEntries(names.filter((n) => b[n] !== undefined).map((n) => [n.replaceAll('_', '-'), block(b[n])]));
}

function mapDirectory(ctx: TfContext): void {
  const enabled = new Map<unknown, unknown[]>();
  for (const r of ctx.of('auth0_connection_clients')) {
    const v = ctx.values(r);
    const clients: unknown[] = Array.isArray(v['enabled_clients']) ? v['enabled_clients'] : [];
    enabled.set(ctx.ref(r, 'connection_id', v['connection_id']), clients.map((c, index) => ctx.ref(r, 'enabled_clients', c, { index, of: clients.length })));
  }
  for (const r of ctx.of('auth0_connection_client')) {
    const v = ctx.values(r);
    const conn = ctx.ref(r, 'connection_id', v['connection_id']);
    enabled.set(conn, [...(enabled.get(conn) ?? []), ctx.ref(r, 'client_id', v['client_id'])]);
  }
  const connections = new Map<string, Resource>();
  for (const r of ctx.of('auth0_connection')) {
    const v = ctx.values(r);
    const id = String(v['name'] ?? r.address);
    const data = { ...v, id, options: connectionOptions(v['options']), enabled_clients: enabled.get(id) ?? [] };
    connections.set(id, data);
    ctx.put('connections', id, r, data);
  }
  const permissions = new Map<unknown, Resource[]>();
  const addPermissions = (role: unknown, more: Resource[]): void => void permissions.set(role, [...(permissions.get(role) ?? []), ...more]);
  for (const r of ctx.of('auth0_role_permissions')) {
    const v = ctx.values(r);
    addPermissions(ctx.ref(r, 'role_id', v['role_id']), list(v['permissions']).map((p) => ({ permission_name: p['name'], resource_server_identifier: p['resource_server_identifier'] })));
  }
  for (const r of ctx.of('auth0_role_permission')) {
    const v = ctx.values(r);
    addPermissions(ctx.ref(r, 'role_id', v['role_id']), [{ permission_name: v['permission'], resource_server_identifier: v['resource_server_identifier'] }]);
  }
  for (const r of ctx.of('auth0_role')) {
    const v = ctx.values(r);
    const id = String(v['name'] ?? r.address);
    ctx.put('roles', id, r, { ...v, id, permissions: permissions.get(id) ?? [] });
  }
  const orgConnections = new Map<unknown, Resource[]>();
  const addOrgConnections = (org: unknown, more: Resource[]): void => void orgConnections.set(org, [...(orgConnections.get(org) ?? []), ...more]);
  for (const r of ctx.of('auth0_organization_connections')) {
    const v = ctx.values(r);
    const items = list(v['enabled_connections']);
    addOrgConnections(ctx.ref(r, 'organization_id', v['organization_id']), items.map((c, index) => ({ ...c, connection_id: ctx.ref(r, 'enabled_connections', c['connection_id'], { index, of: items.length }) })));
  }
  for (const r of ctx.of('auth0_organization_connection')) {
    const v = ctx.values(r);
    const { organization_id: _org, name: _name, strategy: _strategy, ...rest } = v;
    addOrgConnections(ctx.ref(r, 'organization_id', v['organization_id']), [{ ...rest, connection_id: ctx.ref(r, 'connection_id', v['connection_id']) }]);
  }
  for (const r of ctx.of('auth0_organization')) {
    const v = ctx.values(r);
    const id = String(v['name'] ?? r.address);
    const enabled = (orgConnections.get(id) ?? []).map((c) => {
      const conn = typeof c['connection_id'] === 'string' ? connections.get(c['connection_id']) : undefined;
      return { ...c, connection: { name: conn?.['name'], strategy: conn?.['strategy'] } };
    });
    ctx.put('organizations', id, r, { ...v, id, enabled_connections: enabled });
  }
  for (const kind of ['roles', 'organizations'] as const) {
    const c = ctx.out.coverage[kind];
    if (c) ctx.out.coverage[kind] = { ...c, withheldFields: kind === 'roles' ? ['users'] : ['members', 'member_roles'], detail: 'members are not in a configuration export' };
  }
}

function mapActions(ctx: TfContext): void {
  const bound = new Map<unknown, string[]>();
  for (const r of ctx.of('auth0_trigger_actions')) {
    const v = ctx.values(r);
    const actions = list(v['actions']);
    for (const [index, a] of actions.entries()) {
      const id = ctx.ref(r, 'actions', a['id'], { index, of: actions.length });
      bound.set(id, [...(bound.get(id) ?? []), String(v['trigger'])]);
    }
  }
  for (const r of ctx.of('auth0_trigger_action')) {
    const v = ctx.values(r);
    const id = ctx.ref(r, 'action_id', v['action_id']);
    bound.set(id, [...(bound.get(id) ?? []), String(v['trigger'])]);
  }
  for (const r of ctx.of('auth0_action')) {
    const v = ctx.values(r);
    const id = String(v['name'] ?? r.address);
    const deployed = v['deploy'] === true;
    ctx.put('actions', id, r, {
      ...v,
      id,
      bound_triggers: bound.get(id) ?? [],
      all_changes_deployed: deployed,
      ...(deployed ? { deployed_version: { code: v['code'], deployed: true, runtime: v['runtime'], dependencies: v['dependencies'] } } : {}),
    });
  }
}

/** auth0_guardian: the policy, one factor per block or flag, and the phone factor's provider and message types. */
function mapGuardian(ctx: TfContext, r: Parameters<TfContext['put']>[2], v: Resource): void {
  const factors: [string, unknown][] = [
    ['otp', v['otp']],
    ['email', v['email']],
    ['recovery-code', v['recovery_code']],
    ['duo', block(v['duo'])?.['enabled'] ?? (v['duo'] !== undefined && list(v['duo']).length > 0)],
    ['push-notification', block(v['push'])?.['enabled'] ?? list(v['push']).length > 0],
    ['webauthn-roaming', block(v['webauthn_roaming'])?.['enabled'] ?? list(v['webauthn_roaming']).length > 0],
    ['webauthn-platform', block(v['webauthn_platform'])?.['enabled'] ?? list(v['webauthn_platform']).length > 0],
  ];
  const phone = block(v['phone']);
  const types = Array.isArray(phone?.['message_types']) ? (phone?.['message_types'] as unknown[]) : [];
  // The phone block's own `enabled` decides (older configurations without it: enabled when it sends SMS).
  factors.push(['sms', typeof phone?.['enabled'] === 'boolean' ? phone['enabled'] : phone !== undefined && types.includes('sms')]);
  for (const [name, enabled] of factors) ctx.put('guardian_factors', name, r, { name, enabled: enabled === true });
  const policy = v['policy'];
  ctx.put('guardian_policies', 'guardian_policies', r, { policies: policy === 'never' || policy === undefined ? [] : [policy] });
  if (phone) ctx.put('guardian_phone', 'guardian_phone', r, { sms_provider: phone['provider'], phone_provider: phone['provider'], message_types: types });
}
