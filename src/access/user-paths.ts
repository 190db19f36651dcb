import type { AccessPath } from './access-types.js';
import type { ScopeTally } from './scope-tally.js';
import { records, stringList, text } from './resource-fields.js';

type Resource = Record<string, unknown>;

export interface UserPathsInput {
  roles: readonly Resource[];
  organizations: readonly Resource[];
  mgmtAudience: string;
  tally: ScopeTally;
}

/**
 * Users who reach the Management API through a tenant role or a role held inside an organization, with those
 * paths. A role's paths are built once and shared by all its holders, so 50,000 members of one role cost one set
 * of path objects. Users whose roles give custom-API permissions only are not principals of this model.
 */
export function userPaths(input: UserPathsInput): Map<string, AccessPath[]> {
  const byRole = new Map<string, { role: Resource; paths: AccessPath[] }>();
  for (const role of input.roles) {
    const id = text(role['id']);
    if (id === undefined) continue;
    byRole.set(id, { role, paths: rolePaths(role, input, { via: 'role', roleId: id, ...named(role) }) });
  }
  const out = new Map<string, AccessPath[]>();
  const add = (userId: string, paths: readonly AccessPath[]): void => {
    if (!paths.some((p) => p.managementApi)) return;
    const list = out.get(userId);
    if (list) list.push(...paths);
    else out.set(userId, [...paths]);
  };
  for (const { role, paths } of byRole.values()) for (const userId of stringList(role['users'])) add(userId, paths);
  for (const org of input.organizations) {
    const orgId = text(org['id']);
    if (orgId === undefined) continue;
    const orgName = text(org['display_name']) ?? text(org['name']);
    const shared = new Map<string, AccessPath[]>();
    for (const member of records(org['member_roles'])) {
      const userId = text(member['user_id']);
      if (userId === undefined) continue;
      for (const ref of records(member['roles'])) {
        const roleId = text(ref['id']);
        if (roleId === undefined) continue;
        let paths = shared.get(roleId);
        if (!paths) {
          const known = byRole.get(roleId);
          const roleName = (known ? text(known.role['name']) : undefined) ?? text(ref['name']);
          const base = { via: 'organization_role' as const, roleId, ...(roleName === undefined ? {} : { roleName }), organizationId: orgId, ...(orgName === undefined ? {} : { organizationName: orgName }) };
          paths = known ? rolePaths(known.role, input, base) : [];
          shared.set(roleId, paths);
        }
        add(userId, paths);
      }
    }
  }
  return out;
}

type PathBase = Pick<AccessPath, 'via' | 'roleId' | 'roleName' | 'organizationId' | 'organizationName'>;

function rolePaths(role: Resource, input: UserPathsInput, base: PathBase): AccessPath[] {
  const byAudience = new Map<string, string[]>();
  for (const p of records(role['permissions'])) {
    const audience = text(p['resource_server_identifier']);
    const scope = text(p['permission_name']);
    if (audience === undefined || scope === undefined) continue;
    const list = byAudience.get(audience) ?? [];
    list.push(scope);
    byAudience.set(audience, list);
  }
  return [...byAudience].map(([audience, scopes]) => {
    const managementApi = audience === input.mgmtAudience;
    const sorted = [...new Set(scopes)].sort();
    return {
      ...base,
      audience,
      managementApi,
      scopes: sorted,
      capabilities: managementApi ? input.tally.capabilitiesOf(sorted, `role:${base.roleId ?? ''}`) : [],
    };
  });
}

function named(role: Resource): { roleName?: string } {
  const name = text(role['name']);
  return name === undefined ? {} : { roleName: name };
}
