import { ApiError, notFound } from './api-error.js';
import { arraySource, paginate, RECORDS_CAP, USERS_CAP, type ListSource } from './paginate.js';
import { pick, projectFields } from './project-fields.js';
import { boolParam, listParam } from './query-params.js';
import { anyOf, ok, type Route, type RouteContext } from './route-types.js';
import type { TenantData } from './tenant-data.js';
import type { Item } from './user-store.js';

const MEMBER_FIELDS = ['user_id', 'email', 'name', 'picture'];
const MEMBER_ROLES_SCOPE = 'read:organization_member_roles';

/** Role users and org members are served as short user profiles, resolved lazily (ids may be generated users). */
function memberSource(data: TenantData, ids: readonly string[]): ListSource {
  return {
    count: ids.length,
    slice: (start, end) => ids.slice(start, end).map((id) => {
      const user = data.users.byId(id);
      return user ? pick(user, MEMBER_FIELDS) : { user_id: id };
    }),
  };
}

function listUsers(c: RouteContext) {
  const store = c.data.users;
  const source: ListSource = {
    count: store.count,
    slice(start, end) {
      const out: Item[] = [];
      for (let i = start; i < Math.min(end, store.count); i++) {
        const user = store.at(i);
        if (user) out.push(projectFields(user, c.query));
      }
      return out;
    },
  };
  const spec = { key: 'users', offset: { defaultPerPage: 50, cap: USERS_CAP, withLength: true }, checkpoint: false as const };
  return ok(paginate(c.query, source, spec, { totalDrift: c.totalDrift }));
}

/**
 * Organization members as the API lists them: every field but `roles` unless `fields` names some; `roles` (the
 * member's roles in this organization, `[]` when none) only when asked for, and only with its own scope.
 */
function orgMemberSource(c: RouteContext, orgId: string): ListSource {
  const ids = c.data.orgMembers.get(orgId) ?? [];
  const fields = listParam(c.query, 'fields');
  const withRoles = fields?.includes('roles') === true && boolParam(c.query, 'include_fields', true);
  if (withRoles && !c.scopes.has(MEMBER_ROLES_SCOPE)) throw new ApiError(403, `Insufficient scope, expected any of: ${MEMBER_ROLES_SCOPE}`, 'insufficient_scope');
  const roles = c.data.orgMemberRoles.get(orgId);
  const base = memberSource(c.data, ids);
  return {
    count: base.count,
    slice: (start, end) =>
      base.slice(start, end).map((member) => {
        const item = withRoles ? { ...member, roles: roles?.get(String(member['user_id'])) ?? [] } : member;
        return fields ? projectFields(item, c.query) : item;
      }),
  };
}

export function roleOr404(c: RouteContext): string {
  const id = c.params.id ?? '';
  if (!c.data.roleUsers.has(id) || c.data.deleted.has(id)) throw notFound('The role does not exist.');
  return id;
}

export function orgOr404(c: RouteContext): string {
  const id = c.params.id ?? '';
  if (!c.data.orgMembers.has(id) || c.data.deleted.has(id)) throw notFound('No organization found by that id or name');
  return id;
}

export const DIRECTORY_ROUTES: Route[] = [
  { method: 'GET', path: '/users', kind: 'users', scopes: anyOf('read:users'), handle: listUsers },
  {
    method: 'GET',
    path: '/roles',
    kind: 'roles',
    scopes: anyOf('read:roles'),
    handle: (c) => ok(paginate(c.query, arraySource(c.data.roles), { key: 'roles', offset: { defaultPerPage: 50 }, checkpoint: false }, { totalDrift: c.totalDrift })),
  },
  {
    method: 'GET',
    path: '/roles/:id/permissions',
    kind: 'roles',
    scopes: anyOf('read:roles'),
    handle: (c) => {
      const items = c.data.rolePermissions.get(roleOr404(c)) ?? [];
      return ok(paginate(c.query, arraySource(items), { key: 'permissions', offset: { defaultPerPage: 50 }, checkpoint: false }));
    },
  },
  {
    method: 'GET',
    path: '/roles/:id/users',
    kind: 'roles',
    scopes: { all: ['read:users', 'read:roles'] },
    handle: (c) => {
      const ids = c.data.roleUsers.get(roleOr404(c)) ?? [];
      const spec = { key: 'users', offset: { defaultPerPage: 50, cap: RECORDS_CAP }, checkpoint: { defaultTake: 50, maxTake: 100 } };
      return ok(paginate(c.query, memberSource(c.data, ids), spec));
    },
  },
  {
    method: 'GET',
    path: '/organizations',
    kind: 'organizations',
    scopes: anyOf('read:organizations', 'read:organizations_summary'),
    handle: (c) => {
      const spec = { key: 'organizations', offset: { defaultPerPage: 50, cap: RECORDS_CAP }, checkpoint: { defaultTake: 50, maxTake: 100 } };
      return ok(paginate(c.query, arraySource(c.data.organizations), spec, { totalDrift: c.totalDrift }));
    },
  },
  {
    method: 'GET',
    path: '/organizations/:id/members',
    kind: 'organizations',
    scopes: anyOf('read:organization_members'),
    handle: (c) => {
      const spec = { key: 'members', offset: { defaultPerPage: 50, cap: RECORDS_CAP }, checkpoint: { defaultTake: 50, maxTake: 100 } };
      return ok(paginate(c.query, orgMemberSource(c, orgOr404(c)), spec));
    },
  },
  {
    method: 'GET',
    path: '/organizations/:id/enabled_connections',
    kind: 'organizations',
    scopes: anyOf('read:organization_connections'),
    handle: (c) => {
      const items = c.data.orgConnections.get(orgOr404(c)) ?? [];
      return ok(paginate(c.query, arraySource(items), { key: 'enabled_connections', offset: { defaultPerPage: 50 }, checkpoint: false }));
    },
  },
];
