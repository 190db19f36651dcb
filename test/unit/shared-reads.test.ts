import { describe, expect, it } from 'vitest';
import type { CollectApi } from '../../src/collect/collect-api.js';
import { sharedReads } from '../../src/collect/shared-reads.js';

/** A CollectApi whose lists are pages from memory, counting the pages it served per path. */
function fakeApi(pages: Record<string, unknown[][]>, failAfter?: number) {
  const served: Record<string, number> = {};
  const gets: string[] = [];
  async function* list(path: string, onTotal?: (t: number) => void): AsyncGenerator<unknown[]> {
    const all = pages[path] ?? [];
    onTotal?.(all.flat().length);
    for (const [i, page] of all.entries()) {
      if (failAfter !== undefined && i >= failAfter) throw new Error('boom');
      await new Promise((r) => setTimeout(r, 2));
      served[path] = (served[path] ?? 0) + 1;
      yield page;
    }
  }
  const api: CollectApi = {
    get: async (path) => {
      gets.push(path);
      return { status: 200, body: [], headers: {} } as unknown as Awaited<ReturnType<CollectApi['get']>>;
    },
    post: () => Promise.reject(new Error('no posts')),
    offsetPages: (path, opts) => list(path, opts.onTotal),
    checkpointPages: (path) => list(path),
    pagesWithoutTotals: (path) => list(path),
    download: () => Promise.reject(new Error('no downloads')),
    grantedScopes: () => undefined,
  };
  return { api, served, gets };
}

async function readAll(pages: AsyncGenerator<unknown[]>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const p of pages) out.push(...p);
  return out;
}

describe('shared reads', () => {
  it('reads a shared list once for readers that overlap, and replays it whole, in order, to a later one', async () => {
    const { api, served } = fakeApi({ '/clients': [[1, 2], [3]] });
    const shared = sharedReads().view(api);
    const totals: number[] = [];
    const opts = { key: 'clients', query: { is_global: false }, onTotal: (t: number) => totals.push(t) };
    const [a, b] = await Promise.all([readAll(shared.offsetPages('/clients', opts)), readAll(shared.offsetPages('/clients', opts))]);
    const c = await readAll(shared.offsetPages('/clients', opts));
    expect([a, b, c]).toEqual([[1, 2, 3], [1, 2, 3], [1, 2, 3]]);
    expect(served['/clients']).toBe(2);
    expect(totals).toEqual([3, 3, 3]);
  });

  it('does not share a different query, an unshared path, or a capped read', async () => {
    const { api, served } = fakeApi({ '/clients': [[1]], '/users': [[1]] });
    const shared = sharedReads().view(api);
    await readAll(shared.offsetPages('/clients', { key: 'clients', query: { is_global: false } }));
    await readAll(shared.offsetPages('/clients', { key: 'clients', query: { is_global: true } }));
    await readAll(shared.offsetPages('/users', { key: 'users' }));
    await readAll(shared.offsetPages('/users', { key: 'users' }));
    await readAll(shared.offsetPages('/clients', { key: 'clients', query: { is_global: false }, maxResults: 10 }));
    expect(served).toEqual({ '/clients': 3, '/users': 2 });
  });

  it('gives every reader the failure of a list that broke midway, after the pages it had', async () => {
    const { api } = fakeApi({ '/connections': [[1], [2]] }, 1);
    const shared = sharedReads().view(api);
    const seen: unknown[] = [];
    const read = async () => {
      for await (const p of shared.checkpointPages('/connections', { key: 'connections' })) seen.push(...p);
    };
    await expect(read()).rejects.toThrow('boom');
    await expect(read()).rejects.toThrow('boom');
    expect(seen).toEqual([1, 1]);
  });

  it('sends one GET of the oldest log event for both log kinds', async () => {
    const { api, gets } = fakeApi({});
    const shared = sharedReads().view(api);
    const q = { per_page: 1, sort: 'date:1' };
    await Promise.all([shared.get('/logs', q), shared.get('/logs', { sort: 'date:1', per_page: 1 }), shared.get('/logs', { ...q, q: 'type:s' })]);
    await shared.get('/prompts');
    await shared.get('/prompts');
    expect(gets).toEqual(['/logs', '/logs', '/prompts', '/prompts']);
  });
});
