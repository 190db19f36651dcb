import { z } from 'zod';
import { ApiError, notFound } from './api-error.js';
import { logApiOperation } from './api-log.js';
import { COLLECTIONS, createItem, deleteItem, updateItem } from './collection-changes.js';
import type { AttackKind, TenantData } from './tenant-data.js';
import type { Item } from './user-store.js';

/** One Management API write the mock applies between two scans (tests, the demo): its path is under /api/v2. */
export const tenantChangeSchema = z.strictObject({
  method: z.enum(['POST', 'PATCH', 'PUT', 'DELETE']),
  path: z.string().regex(/^\/api\/v2\//, 'a path under /api/v2/'),
  body: z.unknown().optional(),
});
export type TenantChange = z.infer<typeof tenantChangeSchema>;

const ATTACK_PATHS: Readonly<Record<string, AttackKind>> = {
  'attack-protection/brute-force-protection': 'brute_force_protection',
  'attack-protection/suspicious-ip-throttling': 'suspicious_ip_throttling',
  'attack-protection/breached-password-detection': 'breached_password_detection',
  'attack-protection/bot-detection': 'bot_detection',
  'attack-protection/captcha': 'captcha',
  'attack-protection/phone-provider-protection': 'phone_provider_protection',
  'risk-assessments/settings': 'risk_assessment',
};

/**
 * Applies one write to the served tenant and logs it as Auth0 does (`sapi`, or `fapi` when it fails), so the next
 * scan sees both the new state and the event that announces it. A failed write changes nothing and is rethrown.
 */
export function applyTenantChange(data: TenantData, change: TenantChange): unknown {
  const segments = change.path.slice('/api/v2/'.length).split('/').map(decodeURIComponent);
  try {
    const result = apply(data, change.method, segments, change.body);
    logApiOperation(data, change.method, change.path, change.method === 'POST' ? 201 : 200, { request: change.body, response: structuredClone(result) });
    return result;
  } catch (err) {
    logApiOperation(data, change.method, change.path, err instanceof ApiError ? err.status : 500, { request: change.body, response: err instanceof ApiError ? err.body : undefined });
    throw err;
  }
}

function apply(data: TenantData, method: TenantChange['method'], s: string[], raw: unknown): unknown {
  const body = asItem(raw);
  const path = s.join('/');
  if (path === 'tenants/settings' && method === 'PATCH') return Object.assign(data.tenant, body);
  if (path === 'prompts' && method === 'PATCH') return Object.assign(data.prompts, body);
  const attack = ATTACK_PATHS[path];
  if (attack && method === 'PATCH') return Object.assign(data.attackProtection[attack], body);
  if (path === 'emails/provider' && (method === 'PATCH' || method === 'POST')) return (data.emailProvider = { ...(data.emailProvider ?? {}), ...body });
  if (path === 'guardian/policies' && method === 'PUT') return (data.guardianPolicies = z.array(z.string()).parse(bodyArray(raw)));
  if (s[0] === 'guardian' && s[1] === 'factors' && s.length === 3 && method === 'PUT') return setFactor(data, s[2] ?? '', body);
  const sub = subResource(data, method, s, raw);
  if (sub !== undefined) return sub;
  return collectionChange(data, method, s, body);
}

function collectionChange(data: TenantData, method: TenantChange['method'], s: string[], body: Item): unknown {
  const two = s.slice(0, 2).join('/');
  const [collection, rest] = COLLECTIONS[two] ? [two, s.slice(2)] : [s[0] ?? '', s.slice(1)];
  if (!COLLECTIONS[collection] || rest.length > 1) throw new ApiError(400, `the mock does not apply ${method} /${s.join('/')}`, 'unsupported_change');
  const id = rest[0];
  if (id === undefined && method === 'POST') return createItem(data, collection, body);
  if (id !== undefined && method === 'PATCH') return updateItem(data, collection, id, body);
  if (id !== undefined && method === 'DELETE') return deleteItem(data, collection, id);
  throw new ApiError(405, `${method} /${s.join('/')} is not a write the API has`, 'method_not_allowed');
}

/** Membership, permission and connection joins: the sub-resource writes the API has. */
function subResource(data: TenantData, method: TenantChange['method'], s: string[], raw: unknown): unknown {
  const body = asItem(raw);
  const [top, id = '', part, childId, childPart] = s;
  const add = method === 'POST';
  if (top === 'roles' && part === 'users' && add) return editIds(data.roleUsers, id, strings(body['users']), true);
  if (top === 'roles' && part === 'permissions' && (add || method === 'DELETE')) return editPermissions(data, id, body, add);
  if (top === 'users' && part === 'roles' && (add || method === 'DELETE')) {
    for (const role of strings(body['roles'])) editIds(data.roleUsers, role, [id], add);
    return {};
  }
  if (top === 'organizations' && part === 'members' && childId === undefined && (add || method === 'DELETE')) return editIds(data.orgMembers, id, strings(body['members']), add);
  if (top === 'organizations' && part === 'members' && childPart === 'roles' && childId !== undefined) return editMemberRoles(data, id, childId, strings(body['roles']), add);
  if (top === 'organizations' && part === 'enabled_connections') return editOrgConnection(data, method, id, childId, body);
  if (top === 'connections' && part === 'clients' && method === 'PATCH') {
    for (const entry of bodyArray(raw)) {
      const e = asItem(entry);
      editIds(data.connectionClients, id, strings([e['client_id']]), e['status'] === true);
    }
    return {};
  }
  return undefined;
}

function editIds(map: Map<string, string[]>, id: string, ids: string[], add: boolean): string[] {
  const list = map.get(id);
  if (list === undefined) throw notFound(`No parent with id ${id}`);
  const next = add ? [...list, ...ids.filter((x) => !list.includes(x))] : list.filter((x) => !ids.includes(x));
  map.set(id, next);
  return next;
}

function editPermissions(data: TenantData, roleId: string, body: Item, add: boolean): Item[] {
  const list = data.rolePermissions.get(roleId);
  if (list === undefined) throw notFound(`No role with id ${roleId}`);
  const key = (p: Item): string => `${String(p['resource_server_identifier'])} ${String(p['permission_name'])}`;
  const given = bodyArray(body['permissions']).map(asItem);
  const keys = new Set(given.map(key));
  const kept = list.filter((p) => !keys.has(key(p)));
  const next = add ? [...kept, ...given] : kept;
  data.rolePermissions.set(roleId, next);
  return next;
}

function editMemberRoles(data: TenantData, orgId: string, userId: string, roleIds: string[], add: boolean): Item[] {
  const members = data.orgMemberRoles.get(orgId);
  if (members === undefined) throw notFound(`No organization with id ${orgId}`);
  const names = new Map(data.roles.map((r) => [r['id'], r['name']]));
  const current = (members.get(userId) ?? []).filter((r) => !roleIds.includes(String(r['id'])));
  const next = add ? [...current, ...roleIds.map((id) => ({ id, name: names.get(id) }))] : current;
  members.set(userId, next);
  return next;
}

function editOrgConnection(data: TenantData, method: TenantChange['method'], orgId: string, connectionId: string | undefined, body: Item): unknown {
  const list = data.orgConnections.get(orgId);
  if (list === undefined) throw notFound(`No organization with id ${orgId}`);
  const target = connectionId ?? String(body['connection_id'] ?? '');
  const others = list.filter((c) => c['connection_id'] !== target);
  if (method === 'DELETE') {
    data.orgConnections.set(orgId, others);
    return {};
  }
  const connection = data.connections.find((c) => c['id'] === target);
  if (!connection) throw notFound(`No connection with id ${target}`);
  const before = list.find((c) => c['connection_id'] === target) ?? {};
  const entry = { ...before, ...body, connection_id: target, connection: { name: connection['name'], strategy: connection['strategy'] } };
  data.orgConnections.set(orgId, [...others, entry]);
  return entry;
}

function setFactor(data: TenantData, name: string, body: Item): Item {
  const factor = data.guardianFactors.find((f) => f['name'] === name);
  if (!factor) throw notFound(`No factor ${name}`);
  return Object.assign(factor, { enabled: body['enabled'] === true });
}

function asItem(value: unknown): Item {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Item) : {};
}

function bodyArray(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  throw new ApiError(400, 'Payload validation error: expected an array', 'invalid_body');
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
