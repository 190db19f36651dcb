import pLimit from 'p-limit';
import type { Collector, Resource } from '../collector.js';
import { MEMBER_ROLES_SCOPE, readOrgMembers, type MemberRoles } from './org-member-roles.js';
import { readChildList } from './read-child-list.js';
import { asObject, idsOf, readAll } from './simple-collectors.js';

const JOIN_CONCURRENCY = 8;

/**
 * The documented `/organizations/{id}/enabled_connections` lists only enabled connections. Newer tenants also
 * serve `/organizations/{id}/connections`, whose items add `is_enabled` and `organization_access_level`; an
 * item that says it is not enabled is left out whichever endpoint answered, so rules see enabled ones only.
 */
function isEnabled(item: unknown): boolean {
  return !(item !== null && typeof item === 'object' && (item as Record<string, unknown>)['is_enabled'] === false);
}

/**
 * Organizations with member ids, the members' organization roles and enabled connections (checkpoint paging:
 * both lists may pass 1,000). Without read:organization_member_roles the members are still read, and the kind
 * says the roles are withheld: an organization role can make a user an administrator of the tenant.
 */
export const organizationsCollector: Collector = {
  kind: 'organizations',
  async collect(ctx) {
    const { api, emit } = ctx;
    const orgs: Resource[] = [];
    for await (const page of api.checkpointPages('/organizations', { key: 'organizations' })) {
      for (const o of page) orgs.push(asObject(o, '/organizations'));
    }
    ctx.expect?.(orgs.length * 2);
    const granted = api.grantedScopes();
    // An opaque token's scopes are unknown: ask, and stop asking after the first refusal.
    let withRoles = granted === undefined || granted.includes(MEMBER_ROLES_SCOPE);
    let withheld = !withRoles;
    const limit = pLimit(JOIN_CONCURRENCY);
    const joined = await Promise.all(
      orgs.map((org) =>
        limit(async () => {
          const previous = ctx.prior?.unchanged(String(org['id']));
          if (previous) {
            const roles = Array.isArray(previous['member_roles']) ? (previous['member_roles'] as MemberRoles[]) : undefined;
            return { org: { ...org, members: previous['members'], enabled_connections: previous['enabled_connections'] }, roles };
          }
          const id = encodeURIComponent(String(org['id']));
          const path = `/organizations/${id}`;
          const joins = await readChildList(ctx, { path, id: String(org['id']), idField: 'id', joins: 'members, member_roles, enabled_connections' }, () =>
            Promise.all([readOrgMembers(api, path, withRoles), readAll(api.offsetPages(`${path}/enabled_connections`, { key: 'enabled_connections' }))]),
          );
          if (joins === undefined) return undefined;
          const [{ members, roles }, enabled] = joins;
          if (roles === undefined) [withRoles, withheld] = [false, true];
          return { org: { ...org, members: idsOf(members, 'user_id'), enabled_connections: enabled.filter(isEnabled) }, roles };
        }),
      ),
    );
    for (const entry of joined) {
      if (entry) await emit(withheld || entry.roles === undefined ? entry.org : { ...entry.org, member_roles: entry.roles });
    }
    if (withheld) {
      return {
        status: 'ok',
        withheldFields: ['member_roles'],
        missingScopes: [MEMBER_ROLES_SCOPE],
        detail: `organization member roles are not returned without ${MEMBER_ROLES_SCOPE}`,
      };
    }
  },
};
