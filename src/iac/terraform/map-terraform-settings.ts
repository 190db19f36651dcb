import type { Resource } from '../../engine/eval-context.js';
import type { StoredKindName } from '../../model/kinds.js';
import type { TfContext } from './map-terraform.js';
import { block, list } from './tf-values.js';
import { connectionOptions } from './connection-options.js';

/** The connections, roles, organizations, actions and the tenant-wide settings. */
export function mapTerraformSettings(ctx: TfContext): void {
  mapDirectory(ctx);
  mapActions(ctx);
  for (const r of ctx.of('auth0_tenant')) {
    const v = ctx.values(r);
    const blocks = ['flags', 'session_cookie', 'sessions', 'error_page', 'change_password', 'guardian_mfa_page', 'mtls'];
    ctx.put('tenant', 'tenant', r, { ...v, ...Object.fromEntries(blocks.filter((b) => v[b] !== undefined).map((b) => [b, block(v[b])])) });
  }
  for (const r of ctx.of('auth0_attack_protection')) {
    const v = ctx.values(r);
    const brute = block(v['brute_force_protection']);
    const sit = block(v['suspicious_ip_throttling']);
    const bpd = block(v['breached_password_detection']);
    if (brute) ctx.put('brute_force_protection', 'brute_force_protection', r, brute);
    if (sit) ctx.put('suspicious_ip_throttling', 'suspicious_ip_throttling', r, { ...sit, stage: stages(sit, ['pre_login', 'pre_user_registration']) });
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
    ctx.put('log_streams', id, r, { ...v, id, sink: block(v['sink']) });
  }
  for (const r of ctx.of('auth0_custom_domain')) {
    const v = ctx.values(r);
    const id = String(v['domain'] ?? r.address);
    ctx.put('custom_domains', id, r, { ...v, custom_domain_id: id });
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
    enabled.set(ctx.ref(r, 'connection_id', v['connection_id']), (Array.isArray(v['enabled_clients']) ? v['enabled_clients'] : []).map((c) => ctx.ref(r, 'enabled_clients', c)));
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
  for (const r of ctx.of('auth0_role_permissions')) {
    const v = ctx.values(r);
    permissions.set(ctx.ref(r, 'role_id', v['role_id']), list(v['permissions']).map((p) => ({ permission_name: p['name'], resource_server_identifier: p['resource_server_identifier'] })));
  }
  for (const r of ctx.of('auth0_role')) {
    const v = ctx.values(r);
    const id = String(v['name'] ?? r.address);
    ctx.put('roles', id, r, { ...v, id, permissions: permissions.get(id) ?? [] });
  }
  const orgConnections = new Map<unknown, Resource[]>();
  for (const r of ctx.of('auth0_organization_connections')) {
    const v = ctx.values(r);
    orgConnections.set(ctx.ref(r, 'organization_id', v['organization_id']), list(v['enabled_connections']).map((c) => ({ ...c, connection_id: ctx.ref(r, 'enabled_connections', c['connection_id']) })));
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
    for (const a of list(v['actions'])) {
      const id = ctx.ref(r, 'actions', a['id']);
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
  factors.push(['sms', phone !== undefined && types.includes('sms')]);
  for (const [name, enabled] of factors) ctx.put('guardian_factors', name, r, { name, enabled: enabled === true });
  const policy = v['policy'];
  ctx.put('guardian_policies', 'guardian_policies', r, { policies: policy === 'never' || policy === undefined ? [] : [policy] });
  if (phone) ctx.put('guardian_phone', 'guardian_phone', r, { sms_provider: phone['provider'], phone_provider: phone['provider'], message_types: types });
}
