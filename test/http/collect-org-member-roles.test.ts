import { describe, expect, it } from 'vitest';
import type { CollectApi } from '../../src/collect/collect-api.js';
import type { MockTenant } from '../../src/mock/index.js';
import { ALL_READ_SCOPES, collect, find, smallTenant, withMock } from './collect-harness.js';

const ROLES_SCOPE = 'read:organization_member_roles';
const ADMIN = { id: 'rol_admin', name: 'Admin' };
const VIEWER = { id: 'rol_viewer', name: 'Viewer' };
// 150 members: the checkpoint pages (take 100) must carry the roles of a member on the second page too.
const MEMBERS = Array.from({ length: 150 }, (_, i) => `auth0|member-${i}`);

/** Two organizations with member roles; m2m apps with and without the member-roles scope. */
function tenant(): MockTenant {
  const t = smallTenant();
  return {
    ...t,
    organizations: [
      {
        id: 'org_big',
        name: 'big',
        members: MEMBERS,
        member_roles: [
          { user_id: 'auth0|member-3', roles: [ADMIN] },
          { user_id: 'auth0|member-120', roles: [VIEWER, ADMIN] },
        ],
      },
      { id: 'org_small', name: 'small', members: ['auth0|explicit-1', 'auth0|explicit-2'], member_roles: [{ user_id: 'auth0|explicit-2', roles: [VIEWER] }] },
      { id: 'org_none', name: 'none', members: ['auth0|explicit-1'] },
    ],
    m2m: [
      { client_id: 'roles', client_secret: 'roles-secret', scopes: ALL_READ_SCOPES },
      { client_id: 'no-roles', client_secret: 'no-roles-secret', scopes: ALL_READ_SCOPES.filter((s) => s !== ROLES_SCOPE) },
    ],
  };
}

/** An opaque token: the collector cannot know its scopes and must learn from the API's answer. */
const opaque = (api: CollectApi): CollectApi => ({ ...api, grantedScopes: () => undefined });

describe('organization member roles', () => {
  it('embeds member_roles (only members holding a role) read with the members call itself, across checkpoint pages', async () => {
    expect(ALL_READ_SCOPES).toContain(ROLES_SCOPE);
    await withMock({ tenant: tenant() }, async (server) => {
      const run = await collect({ server, clientId: 'roles', clientSecret: 'roles-secret', kinds: ['organizations'] });
      expect(run.coverage.organizations).toEqual({ status: 'ok', count: 3 });
      const orgs = run.memory.list('organizations');
      expect(find(orgs, 'id', 'org_big')).toMatchObject({
        members: MEMBERS,
        member_roles: [
          { user_id: 'auth0|member-3', roles: [ADMIN] },
          { user_id: 'auth0|member-120', roles: [VIEWER, ADMIN] },
        ],
      });
      expect(find(orgs, 'id', 'org_small')['member_roles']).toEqual([{ user_id: 'auth0|explicit-2', roles: [VIEWER] }]);
      // Read, and nobody holds a role there: an empty list is the answer here, not a gap.
      expect(find(orgs, 'id', 'org_none')['member_roles']).toEqual([]);
      const memberCalls = run.events.filter((e) => e.path.startsWith('/organizations/org_big/members'));
      expect(memberCalls.map((e) => e.path.includes('fields=user_id%2Croles'))).toEqual([true, true]);
      expect(memberCalls[1]?.path).toContain('from=');
    });
  });

  it('without the scope: members still read, member_roles absent and withheld, the kind ok, and no request asks for roles', async () => {
    await withMock({ tenant: tenant() }, async (server) => {
      const run = await collect({ server, clientId: 'no-roles', clientSecret: 'no-roles-secret', kinds: ['organizations'] });
      expect(run.coverage.organizations).toMatchObject({ status: 'ok', count: 3, withheldFields: ['member_roles'], missingScopes: [ROLES_SCOPE] });
      const orgs = run.memory.list('organizations');
      expect(orgs.every((o) => !('member_roles' in o))).toBe(true);
      expect(find(orgs, 'id', 'org_big')['members']).toEqual(MEMBERS);
      expect(run.events.filter((e) => e.path.includes('roles'))).toEqual([]);
    });
  });

  it('with a token whose scopes are unknown: the 403 insufficient_scope falls back to members without roles, withheld', async () => {
    await withMock({ tenant: tenant() }, async (server) => {
      const run = await collect({ server, clientId: 'no-roles', clientSecret: 'no-roles-secret', kinds: ['organizations'], wrapApi: opaque });
      expect(run.coverage.organizations).toMatchObject({ status: 'ok', count: 3, withheldFields: ['member_roles'], missingScopes: [ROLES_SCOPE] });
      expect(run.events.some((e) => e.status === 403 && e.path.includes('fields=user_id%2Croles'))).toBe(true);
      const orgs = run.memory.list('organizations');
      expect(orgs.every((o) => !('member_roles' in o))).toBe(true);
      expect(find(orgs, 'id', 'org_big')['members']).toEqual(MEMBERS);
    });
  });

  it('with a token whose scopes are unknown but include it: the roles are read', async () => {
    await withMock({ tenant: tenant() }, async (server) => {
      const run = await collect({ server, clientId: 'roles', clientSecret: 'roles-secret', kinds: ['organizations'], wrapApi: opaque });
      expect(run.coverage.organizations).toEqual({ status: 'ok', count: 3 });
      expect(find(run.memory.list('organizations'), 'id', 'org_small')['member_roles']).toEqual([{ user_id: 'auth0|explicit-2', roles: [VIEWER] }]);
    });
  });

  it('an organization deleted mid-read is dropped and counted as gone; the others keep their member roles', async () => {
    await withMock({ tenant: { ...tenant(), deleted_while_reading: { organizations: ['org_big'] } } }, async (server) => {
      const run = await collect({ server, clientId: 'roles', clientSecret: 'roles-secret', kinds: ['organizations'] });
      expect(run.coverage.organizations).toMatchObject({ status: 'ok', count: 2, gone: ['org_big'], goneCount: 1 });
      expect(run.coverage.organizations?.withheldFields).toBeUndefined();
      const orgs = run.memory.list('organizations');
      expect(orgs.map((o) => o['id'])).toEqual(['org_small', 'org_none']);
      expect(find(orgs, 'id', 'org_small')['member_roles']).toEqual([{ user_id: 'auth0|explicit-2', roles: [VIEWER] }]);
    });
  });
});
