import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CollectApi } from '../../src/collect/collect-api.js';
import { trackedCollectApi } from '../../src/collect/tracked-collect-api.js';
import { RequestPlan } from '../../src/progress/request-plan.js';

describe('the remaining-request count', () => {
  it('starts at one request a kind, open for lists and known for settings objects', () => {
    expect(new RequestPlan([{ kind: 'tenant', singleton: true }]).remaining()).toEqual({ requests: 1, open: false });
    expect(new RequestPlan([{ kind: 'tenant', singleton: true }, { kind: 'roles', singleton: false }]).remaining()).toEqual({ requests: 2, open: true });
  });

  it('learns the joins from the collector, counts requests down, and drops a finished kind whatever it said', () => {
    const plan = new RequestPlan([{ kind: 'roles', singleton: false }, { kind: 'tenant', singleton: true }]);
    const roles = plan.started('roles');
    roles.requestDone();
    roles.expect(2 * 30);
    expect(plan.remaining()).toEqual({ requests: 61, open: false });
    for (let i = 0; i < 10; i++) roles.requestDone();
    expect(plan.remaining()).toEqual({ requests: 51, open: false });
    plan.finished('roles');
    expect(plan.remaining()).toEqual({ requests: 1, open: false });
    expect(plan.requestsDone()).toBe(11);
  });

  it('never counts below zero, and an open kind keeps the figure a lower bound', () => {
    const plan = new RequestPlan([{ kind: 'users', singleton: false }]);
    const users = plan.started('users');
    users.requestDone();
    users.requestDone();
    expect(plan.remaining()).toEqual({ requests: 0, open: true });
    users.expect(3, true);
    expect(plan.remaining()).toEqual({ requests: 3, open: true });
    users.add(-5);
    users.add(Number.NaN);
    expect(plan.remaining()).toEqual({ requests: 3, open: true });
  });

  it('ignores what a finished kind says late', () => {
    const plan = new RequestPlan([{ kind: 'roles', singleton: false }]);
    const roles = plan.started('roles');
    plan.finished('roles');
    roles.expect(10);
    roles.add(10);
    expect(plan.remaining()).toEqual({ requests: 0, open: false });
  });
});

/** A CollectApi whose offset lists have `total` items in pages of `perPage`. */
function fakeApi(total: number, perPage: number): CollectApi {
  async function* offset(onTotal?: (t: number) => void): AsyncGenerator<unknown[]> {
    onTotal?.(total);
    for (let from = 0; from < total; from += perPage) yield Array.from({ length: Math.min(perPage, total - from) }, (_, i) => ({ id: from + i }));
  }
  async function* twoPages(): AsyncGenerator<unknown[]> {
    yield [1];
    yield [2];
  }
  return {
    get: async () => ({ status: 200, headers: {}, body: {} }),
    post: async () => {
      throw new Error('refused');
    },
    offsetPages: (_path, opts) => offset(opts.onTotal),
    checkpointPages: () => twoPages(),
    pagesWithoutTotals: () => twoPages(),
    download: async () => Readable.from([]),
    grantedScopes: () => ['read:roles'],
  };
}

describe('a kind\'s API, counted', () => {
  it('announces the pages an offset total implies at the first page, and counts each page', async () => {
    const plan = new RequestPlan([{ kind: 'clients', singleton: false }]);
    let told: number | undefined;
    const api = trackedCollectApi(fakeApi(250, 100), plan.started('clients'));
    const seen: number[] = [];
    for await (const page of api.offsetPages('/clients', { key: 'clients', onTotal: (t) => (told = t) })) {
      seen.push(page.length);
      if (seen.length === 1) expect(plan.remaining().requests).toBe(2);
    }
    expect(seen).toEqual([100, 100, 50]);
    expect(told).toBe(250);
    expect(plan.requestsDone()).toBe(3);
    expect(plan.remaining().requests).toBe(0);
  });

  it('counts gets, failed posts, downloads and pages without totals, and passes the answers through', async () => {
    const plan = new RequestPlan([{ kind: 'actions', singleton: false }]);
    const api = trackedCollectApi(fakeApi(0, 100), plan.started('actions'));
    expect((await api.get('/actions/triggers')).status).toBe(200);
    await expect(api.post('/jobs/users-exports', {})).rejects.toThrow('refused');
    await api.download('https://example.test/file');
    for await (const _ of api.pagesWithoutTotals('/actions/actions', { key: 'actions' })) void _;
    for await (const _ of api.checkpointPages('/roles/x/users', { key: 'users' })) void _;
    expect(plan.requestsDone()).toBe(7);
    expect(api.grantedScopes()).toEqual(['read:roles']);
  });
});
