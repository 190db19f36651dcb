import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, syntheticUser, type MockServer, type MockTenant } from '../../src/mock/index.js';
import type { KindName } from '../../src/model/kinds.js';
import { ALL_READ_SCOPES, apiRequests, collect, find, pluck, type CollectResult } from './collect-harness.js';

/**
 * A generated tenant with more than 100 of everything that pages, so every pager has to turn at least one page:
 * offset for clients, roles, role permissions, resource servers and users; checkpoint for connections,
 * organizations, org members, role users and client grants; the Actions envelope for actions and bindings.
 */
const SEED = 11;
const USERS = 250;
const userIds = Array.from({ length: USERS }, (_, i) => String(syntheticUser(SEED, i).user_id));
const pad = (i: number): string => String(i).padStart(3, '0');

function bigTenant(): MockTenant {
  const clients = Array.from({ length: 130 }, (_, i) => ({ client_id: `cli_${pad(i)}`, name: `App ${i}`, app_type: 'spa', client_secret: `s-${i}` }));
  return {
    domain: 'big.eu.auth0.com',
    m2m: [{ client_id: 'scanner', client_secret: 'scanner-secret', scopes: ALL_READ_SCOPES }],
    generate_users: { count: USERS, seed: SEED },
    clients,
    client_grants: Array.from({ length: 120 }, (_, i) => ({ id: `cgr_${pad(i)}`, client_id: `cli_${pad(i)}`, audience: 'https://api.example.com/', scope: ['read:x'] })),
    resource_servers: Array.from({ length: 101 }, (_, i) => ({ id: `rs_${pad(i)}`, name: `API ${i}`, identifier: `https://api${i}.example.com/` })),
    connections: Array.from({ length: 105 }, (_, i) => ({
      id: `con_${pad(i)}`,
      name: `conn-${i}`,
      strategy: 'auth0',
      options: { brute_force_protection: true },
      enabled_clients: i === 0 ? [] : [`cli_${pad(i)}`, `cli_${pad(i + 1)}`],
    })),
    roles: Array.from({ length: 102 }, (_, i) => ({
      id: `rol_${pad(i)}`,
      name: `Role ${i}`,
      permissions: Array.from({ length: i === 0 ? 120 : 1 }, (_, p) => ({ permission_name: `perm:${p}`, resource_server_identifier: 'https://api0.example.com/' })),
      users: i === 0 ? userIds.slice(0, 230) : [userIds[i] ?? ''],
    })),
    organizations: Array.from({ length: 101 }, (_, i) => ({
      id: `org_${pad(i)}`,
      name: `org-${i}`,
      members: i === 0 ? userIds.slice(0, 150) : [userIds[i] ?? ''],
      enabled_connections: [{ connection_id: `con_${pad(i)}`, assign_membership_on_login: i % 2 === 0 }],
    })),
    actions: Array.from({ length: 105 }, (_, i) => ({
      id: `act_${pad(i)}`,
      name: `Action ${i}`,
      supported_triggers: [{ id: 'post-login', version: 'v3' }],
      bound_triggers: i < 101 ? ['post-login'] : [],
    })),
  };
}

const KINDS: KindName[] = ['clients', 'client_grants', 'resource_servers', 'connections', 'roles', 'organizations', 'actions', 'users'];
const tenant = bigTenant();
let server: MockServer;
let run: CollectResult;

beforeAll(async () => {
  server = await startMockServer({ tenant });
  run = await collect({ server, clientId: 'scanner', clientSecret: 'scanner-secret', kinds: KINDS, concurrency: 8 });
});
afterAll(async () => {
  await server.close();
});

/** The request paths (with their paging query) sent for one API path. */
function queries(path: string): string[] {
  return run.events.filter((e) => e.path === path || e.path.startsWith(`${path}?`)).map((e) => e.path.slice(path.length));
}

describe('paging past 100 items', () => {
  it('collects every item of every kind exactly once, in order', () => {
    expect(run.coverage).toEqual({
      clients: { status: 'ok', count: 130 },
      client_grants: { status: 'ok', count: 120 },
      resource_servers: { status: 'ok', count: 101 },
      connections: { status: 'ok', count: 105 },
      roles: { status: 'ok', count: 102 },
      organizations: { status: 'ok', count: 101 },
      actions: { status: 'ok', count: 105 },
      users: { status: 'ok', count: USERS },
    });
    expect(pluck(run.memory.list('clients'), 'client_id')).toEqual(pluck(tenant.clients ?? [], 'client_id'));
    expect(pluck(run.memory.list('client_grants'), 'id')).toEqual(pluck(tenant.client_grants ?? [], 'id'));
    expect(pluck(run.memory.list('connections'), 'id')).toEqual(pluck(tenant.connections ?? [], 'id'));
    expect(pluck(run.memory.list('organizations'), 'id')).toEqual(pluck(tenant.organizations ?? [], 'id'));
    expect(pluck(run.memory.list('roles'), 'id')).toEqual(pluck(tenant.roles ?? [], 'id'));
    expect(pluck(run.memory.list('actions'), 'id')).toEqual(pluck(tenant.actions ?? [], 'id'));
    expect(pluck(run.memory.list('users'), 'user_id')).toEqual(userIds);
  });

  it('joins lists longer than a page', () => {
    const admin = find(run.memory.list('roles'), 'id', 'rol_000');
    expect(pluck(admin['permissions'] as Record<string, unknown>[], 'permission_name')).toEqual(Array.from({ length: 120 }, (_, p) => `perm:${p}`));
    expect(admin['users']).toEqual(userIds.slice(0, 230));
    expect(find(run.memory.list('organizations'), 'id', 'org_000')['members']).toEqual(userIds.slice(0, 150));
    expect(find(run.memory.list('connections'), 'id', 'con_104')['enabled_clients']).toEqual(['cli_104', 'cli_105']);
    const bound = run.memory.list('actions').filter((a) => (a['bound_triggers'] as string[]).includes('post-login'));
    expect(bound).toHaveLength(101);
  });

  it('uses checkpoint paging (take/from) for connections, organizations, members, role users and client grants', () => {
    for (const path of ['/connections', '/organizations', '/client-grants', '/organizations/org_000/members', '/roles/rol_000/users']) {
      const sent = queries(path);
      expect(sent.length, path).toBeGreaterThan(1);
      // Members come with their organization roles: fields=user_id,roles&include_fields=true before the paging.
      const fields = '(fields=user_id(%2Croles&include_fields=true)?&)?';
      expect(sent[0], path).toMatch(new RegExp(`^\\?${fields}take=100$`));
      for (const q of sent.slice(1)) expect(q, path).toMatch(new RegExp(`^\\?${fields}take=100&from=[A-Za-z0-9+/=%]+$`));
      expect(sent.every((q) => !q.includes('page=')), path).toBe(true);
    }
    expect(queries('/roles/rol_000/users')).toHaveLength(3);
    expect(queries('/organizations/org_000/members')).toHaveLength(2);
  });

  it('uses offset paging (page/per_page=100/include_totals) for the others', () => {
    expect(queries('/clients')).toEqual(['?is_global=false&page=0&per_page=100&include_totals=true', '?is_global=false&page=1&per_page=100&include_totals=true']);
    expect(queries('/roles')).toEqual(['?page=0&per_page=100&include_totals=true', '?page=1&per_page=100&include_totals=true']);
    expect(queries('/resource-servers')).toHaveLength(2);
    expect(queries('/roles/rol_000/permissions')).toEqual(['?page=0&per_page=100&include_totals=true', '?page=1&per_page=100&include_totals=true']);
    expect(queries('/users').map((q) => q.replace(/^\?fields=[^&]*&include_fields=true&/, '?'))).toEqual([
      '?page=0&per_page=100&include_totals=true',
      '?page=1&per_page=100&include_totals=true',
      '?page=2&per_page=100&include_totals=true',
    ]);
    // The Actions API refuses include_totals: its own envelope pages it.
    expect(queries('/actions/actions')).toEqual(['?page=0&per_page=100', '?page=1&per_page=100']);
    expect(queries('/actions/triggers/post-login/bindings')).toEqual(['?page=0&per_page=100', '?page=1&per_page=100']);
  });

  it('sends no request twice and none per user', () => {
    const byPath = apiRequests(server);
    const perParent = (prefix: string, suffix: string): number[] =>
      Object.entries(byPath).filter(([p]) => p.startsWith(prefix) && p.endsWith(suffix)).map(([, n]) => n);
    // One request per join, plus the extra pages of the long ones.
    expect(perParent('/roles/', '/permissions').reduce((a, b) => a + b)).toBe(102 + 1);
    expect(perParent('/roles/', '/users').reduce((a, b) => a + b)).toBe(102 + 2);
    expect(perParent('/organizations/', '/members').reduce((a, b) => a + b)).toBe(101 + 1);
    expect(perParent('/organizations/', '/enabled_connections').reduce((a, b) => a + b)).toBe(101);
    expect(perParent('/connections/', '/clients').reduce((a, b) => a + b)).toBe(105);
    expect(Object.keys(byPath).filter((p) => p.startsWith('/users/'))).toEqual([]);
    // Every request is distinct: nothing was fetched twice.
    const sent = run.events.map((e) => e.path);
    expect(new Set(sent).size).toBe(sent.length);
    expect(run.http.requests).toBe(sent.length);
    expect(run.http.requests).toBe(2 + 2 + 2 + 2 + 105 + 2 + 103 + 104 + 2 + 102 + 101 + 2 + 1 + 2 + 3);
  });
});
