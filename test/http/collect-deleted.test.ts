import { describe, expect, it } from 'vitest';
import type { CollectApi } from '../../src/collect/collect-api.js';
import type { MockTenant } from '../../src/mock/index.js';
import { collect, smallTenant, withAllScopes, withMock } from './collect-harness.js';

type Obj = Record<string, unknown>;
const ids = (t: MockTenant, kind: 'connections' | 'roles' | 'organizations'): string[] => ((t[kind] ?? []) as Obj[]).map((x) => String(x['id']));

describe('resources deleted while the tenant is read', () => {
  it('drops each deleted connection, role and organization, counts it as gone, and keeps the kind ok', async () => {
    const base = withAllScopes(smallTenant());
    const deleted = { connections: [ids(base, 'connections')[0] ?? ''], roles: [ids(base, 'roles')[0] ?? ''], organizations: [ids(base, 'organizations')[0] ?? ''] };
    await withMock({ tenant: { ...base, deleted_while_reading: deleted } }, async (server) => {
      const run = await collect({ server, clientId: 'all-scopes', clientSecret: 'all-scopes-secret', kinds: ['connections', 'roles', 'organizations'] });
      for (const kind of ['connections', 'roles', 'organizations'] as const) {
        expect(run.coverage[kind], kind).toMatchObject({ status: 'ok', count: ids(base, kind).length - 1, gone: deleted[kind], goneCount: 1 });
        expect(run.memory.list(kind).map((x) => x['id']), kind).not.toContain(deleted[kind][0]);
      }
    });
  });

  it('keeps a resource out as not understood when its sub-list 404s but it still exists: the kind is partial, not lost', async () => {
    const base = withAllScopes(smallTenant());
    const [odd, ...rest] = ids(base, 'connections');
    // The sub-list answers 404 (as for a deleted connection) while GET /connections/{id} still finds it.
    const stillThere = (api: CollectApi): CollectApi => ({
      ...api,
      get: (path, query) => (path === `/connections/${odd}` ? Promise.resolve({ status: 200, headers: {}, body: { id: odd } }) : api.get(path, query)),
    });
    await withMock({ tenant: { ...base, deleted_while_reading: { connections: [odd ?? ''] } } }, async (server) => {
      const run = await collect({ server, clientId: 'all-scopes', clientSecret: 'all-scopes-secret', kinds: ['connections'], wrapApi: stillThere });
      expect(run.coverage.connections).toMatchObject({
        status: 'partial',
        count: rest.length,
        notUnderstoodCount: 1,
        notUnderstood: [{ id: odd, field: 'enabled_clients', problem: expect.stringContaining('404 although the resource exists') }],
      });
    });
  });
});
