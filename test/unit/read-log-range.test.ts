import { describe, expect, it } from 'vitest';
import type { CollectApi, Query } from '../../src/collect/collect-api.js';
import { ApiError } from '../../src/http/api-error.js';
import { readLogRange } from '../../src/incremental/read-log-range.js';

const id = (n: number): string => `9002${String(n).padStart(52, '0')}`;
const sapi = (n: number) => ({ log_id: id(n), type: 'sapi', details: { request: { method: 'patch', path: '/api/v2/tenants/settings' } } });

/** A log of events 1..count (all retained from `oldest`), served as the Management API serves it. */
function logApi(count: number, opts: { oldest?: number; byId?: boolean } = {}): CollectApi & { calls: string[] } {
  const oldest = opts.oldest ?? 1;
  const events = Array.from({ length: count - oldest + 1 }, (_, i) => sapi(oldest + i));
  const calls: string[] = [];
  const refuse = (): never => {
    throw new Error('not used');
  };
  return {
    calls,
    async get(path: string, query?: Query) {
      calls.push(path);
      if (path.startsWith('/logs/')) {
        const found = opts.byId !== false && events.some((e) => e.log_id === decodeURIComponent(path.slice(6)));
        if (!found) throw new ApiError({ status: 404, request: `GET ${path}` });
        return { status: 200, body: {}, headers: {} };
      }
      if (query?.['sort'] === 'date:1') return { status: 200, body: events.slice(0, 1), headers: {} };
      const from = String(query?.['from'] ?? '');
      const take = Number(query?.['take'] ?? 50);
      const after = events.filter((e) => e.log_id > from);
      return { status: 200, body: after.slice(0, take), headers: {} };
    },
    post: refuse,
    offsetPages: refuse,
    checkpointPages: refuse,
    pagesWithoutTotals: refuse,
    download: refuse,
    grantedScopes: () => undefined,
  };
}

describe('readLogRange', () => {
  it('proves the checkpoint retained, then pages 100 at a time to a short page, oldest first', async () => {
    const api = logApi(251);
    const range = await readLogRange(api, id(10));
    expect(range).toMatchObject({ status: 'ok', newest: id(251), requests: 4 });
    if (range.status === 'ok') expect(range.events.map((e) => e.logId)).toEqual(Array.from({ length: 241 }, (_, i) => id(11 + i)));
  });

  it('calls an expired checkpoint a gap, even though checkpoint paging would simply start later', async () => {
    expect(await readLogRange(logApi(50, { oldest: 20 }), id(10))).toMatchObject({ status: 'gap' });
  });

  it('trusts the oldest retained event when the single-event read is not served', async () => {
    expect(await readLogRange(logApi(50, { oldest: 5, byId: false }), id(10))).toMatchObject({ status: 'ok', newest: id(50) });
    expect(await readLogRange(logApi(50, { oldest: 20, byId: false }), id(10))).toMatchObject({ status: 'gap' });
  });

  it('takes a page in id order and skips what was read already (a from that is inclusive)', async () => {
    const api = logApi(5);
    const get = api.get.bind(api);
    api.get = async (path, query) => {
      const answer = await get(path, query);
      if (path !== '/logs' || query?.['from'] === undefined) return answer;
      return { ...answer, body: [sapi(Number(String(query['from']).slice(4))), ...(answer.body as unknown[]).reverse()] };
    };
    const range = await readLogRange(api, id(2));
    expect(range).toMatchObject({ status: 'ok', newest: id(5) });
    if (range.status === 'ok') expect(range.events.map((e) => e.logId)).toEqual([id(3), id(4), id(5)]);
  });

  it('stops past the page cap, and refuses an event that is not a log event', async () => {
    expect(await readLogRange(logApi(1000), id(1), 3)).toMatchObject({ status: 'too-many', requests: 4 });
    const api = logApi(5);
    const get = api.get.bind(api);
    api.get = async (path, query) => (path === '/logs' && query?.['from'] !== undefined ? { ...(await get(path, query)), body: [{ type: 'sapi' }] } : get(path, query));
    expect(await readLogRange(api, id(1))).toMatchObject({ status: 'unreadable' });
  });
});
