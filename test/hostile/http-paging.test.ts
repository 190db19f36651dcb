import { afterEach, describe, expect, it } from 'vitest';
import { startHostileApi, type CursorMode, type HostileApi, type HostileModes } from './hostile-api.js';
import { collectHostile } from './hostile-collect.js';
import { repeatGuard } from '../../src/http/page-shapes.js';

let api: HostileApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function run(modes: HostileModes, kinds: Parameters<typeof collectHostile>[1]['kinds']) {
  api = await startHostileApi(modes);
  return collectHostile(api, { kinds });
}

describe('offset pages that do not add up (the real collectors, through the hostile server)', () => {
  it('pages that run dry at 200 of 500 announced clients: truncated, never ok', async () => {
    const r = await run({ clients: { count: 500, servedUpTo: 200 } }, ['clients']);
    expect(r.coverage.clients).toMatchObject({ status: 'truncated', detail: '/clients: the pages ended after 200 of the 500 results the API announced, so the list is truncated.' });
  });

  it('a first page larger than per_page, repeating 50 clients: each client once, and the kind not ok', async () => {
    const r = await run({ clients: { count: 250, extraOnFirstPage: 50 } }, ['clients']);
    const ids = r.memory.list('clients').map((c) => c['client_id']);
    expect(ids).toHaveLength(250);
    expect(new Set(ids).size).toBe(250);
    expect(r.coverage.clients).toMatchObject({ status: 'partial', count: 250, detail: expect.stringContaining('returned 50 resource(s) more than once') });
  });
});

describe('checkpoint cursors that go nowhere', () => {
  const cases: Array<[CursorMode, string, RegExp, number]> = [
    ['same-cursor', 'error', /the checkpoint cursor repeated after 2 pages/, 2],
    ['fresh-cursor-same-page', 'truncated', /page 1 repeats the previous page/, 2],
    ['alternating-pages', 'truncated', /page 2 repeats page 0/, 3],
    ['huge-cursor', 'error', /the checkpoint cursor is 100001 characters long/, 1],
  ];
  for (const [mode, status, detail, requests] of cases) {
    it(`${mode}: ${status} with a sentence, after ${requests} request(s)`, async () => {
      const r = await run({ clientGrants: mode }, ['client_grants']);
      expect(r.coverage.client_grants?.status).toBe(status);
      expect(r.coverage.client_grants?.detail).toMatch(detail);
      expect(api?.count('GET /api/v2/client-grants')).toBe(requests);
    });
  }
});

describe('near-zero token lifetimes', () => {
  for (const expires of ['0', 0.001, -5, 'soon', null]) {
    it(`expires_in ${JSON.stringify(expires)}: one token for the whole collection`, async () => {
      const r = await run({ tokenExpiresIn: expires, clients: { count: 2200 } }, ['clients']);
      expect(r.coverage.clients).toEqual({ status: 'ok', count: 2200 });
      expect(api?.count('GET /api/v2/clients')).toBe(22);
      expect(api?.count('POST /oauth/token')).toBe(1);
    });
  }
});

describe('the repeated-page check and a hostile first item', () => {
  it('a first item nested 200,000 deep (JSON.parse takes it, JSON.stringify overflows) does not throw', () => {
    const deep = JSON.parse(`${'['.repeat(200_000)}1${']'.repeat(200_000)}`) as unknown;
    const guard = repeatGuard('/clients');
    expect(() => guard([deep], 0)).not.toThrow();
    expect(() => guard([{ client_id: 'a' }], 1)).not.toThrow();
    expect(() => guard([{ client_id: 'a' }], 2)).toThrow(/page 2 repeats the previous page/);
  });
});
