import { afterEach, describe, expect, it } from 'vitest';
import type { CollectApi } from '../../src/collect/collect-api.js';
import { actionsCollector } from '../../src/collect/collectors/actions-collector.js';
import { httpCollectApi } from '../../src/collect/http-collect-api.js';
import type { Resource } from '../../src/collect/collector.js';
import { ManagementClient } from '../../src/http/management-client.js';
import { checkpointPages, offsetPages, pagedWithoutTotals } from '../../src/http/paginate.js';
import { TokenProvider } from '../../src/http/token-provider.js';
import { actionsPage } from '../../src/mock/paginate.js';
import { startMockServer, type MockTenant } from '../../src/mock/index.js';
import { apiRequests, collect } from './collect-harness.js';
import { readAllPages, startEnvelopeServer, type EnvelopePlan, type EnvelopeServer } from './envelope-server.js';
import { collectionFailure, json, startServer } from './http-test-server.js';
import { readRecordings, REAL_TENANT_PATH } from './real-recordings.js';

/**
 * The paging envelopes the real Management API sends (../shared/real-api/real-tenant.json `envelopes`), each fed
 * to its pager: every item read once, in as few requests as the envelope allows. The cases are written here,
 * modelled on the recordings; the fixture, when present, checks that no recorded variant is left out and feeds
 * the recorded actions, triggers and bindings to the actions collector.
 */
let open: EnvelopeServer | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

type Pager = 'actions' | 'offset' | 'checkpoint';
type Variant = EnvelopePlan['variant'];
const REAL_ACTIONS: Variant = ({ page, empty }) => (page > 0 ? '<items>,page,per_page' : empty ? '<items>,per_page' : '<items>,total,per_page');
const REAL_CHECKPOINT: Variant = ({ last }) => (last ? '<items>' : '<items>,next');
const always = (variant: string): Variant => () => variant;
/** Recorded once for `/clients?q=…&take=50` and filed under checkpoint, yet with no list in it: a client's keys. */
const NOT_A_LIST = 'client_secret,signing_keys';

async function run(pager: Pager, plan: Omit<EnvelopePlan, 'key'>): Promise<{ got: unknown[]; all: unknown[]; queries: string[] }> {
  open = await startEnvelopeServer({ key: 'things', ...plan });
  const pages =
    pager === 'actions' ? pagedWithoutTotals(open.client, '/x', { key: 'things', perPage: 3 })
    : pager === 'offset' ? offsetPages(open.client, '/x', { key: 'things', perPage: 3 })
    : checkpointPages(open.client, '/x', { key: 'things', take: 3 });
  return { got: await readAllPages(pages), all: open.all, queries: open.queries() };
}

// [what, pager, plan, requests]: the variants are the recorded key lists, in the recorded key order.
const READS: Array<[string, Pager, Omit<EnvelopePlan, 'key'>, number]> = [
  ['actions as recorded, empty (no total, no page)', 'actions', { count: 0, variant: REAL_ACTIONS }, 1],
  ['actions as recorded, one short page', 'actions', { count: 2, variant: REAL_ACTIONS }, 1],
  ['actions as recorded, one full page that is the total', 'actions', { count: 3, variant: REAL_ACTIONS }, 1],
  ['actions as recorded, the page-0 total ends a full page 1 without a total', 'actions', { count: 6, variant: REAL_ACTIONS }, 2],
  ['actions as recorded, three pages', 'actions', { count: 7, variant: REAL_ACTIONS }, 3],
  ['actions without any total: a full page asks for the next', 'actions', { count: 3, variant: always('<items>,per_page') }, 2],
  ['actions without any total, three pages', 'actions', { count: 7, variant: always('<items>,per_page') }, 3],
  ['actions as documented (total and page on every page)', 'actions', { count: 6, variant: always('<items>,total,page,per_page') }, 2],
  ['actions from a server that pages by 2 when asked for 3', 'actions', { count: 5, serverPageSize: 2, variant: REAL_ACTIONS }, 3],
  ['offset total,start,limit,<items>, empty', 'offset', { count: 0, variant: always('total,start,limit,<items>') }, 1],
  ['offset total,start,limit,<items>', 'offset', { count: 7, variant: always('total,start,limit,<items>') }, 3],
  ['offset /clients with length 0 and next "", limit = item count', 'offset', { count: 7, limit: 'count', variant: always('start,limit,length,total,next,<items>') }, 3],
  ['offset /clients with length 0 and next "", one full page', 'offset', { count: 3, limit: 'count', variant: always('start,limit,length,total,next,<items>') }, 1],
  ['offset <items>,start,limit,total with limit = item count', 'offset', { count: 4, limit: 'count', variant: always('<items>,start,limit,total') }, 2],
  ['offset /users start,limit,length,<items>,total', 'offset', { count: 5, variant: always('start,limit,length,<items>,total') }, 2],
  ['offset answered with bare arrays', 'offset', { count: 5, variant: always('<bare array>') }, 2],
  ['offset answered with bare arrays, full last page', 'offset', { count: 6, variant: always('<bare array>') }, 3],
  ['checkpoint as recorded, empty', 'checkpoint', { count: 0, variant: REAL_CHECKPOINT }, 1],
  ['checkpoint as recorded, a full last page without next', 'checkpoint', { count: 6, variant: REAL_CHECKPOINT }, 2],
  ['checkpoint as recorded, three pages', 'checkpoint', { count: 7, variant: REAL_CHECKPOINT }, 3],
  ['checkpoint ignored: the whole list as a bare array', 'checkpoint', { count: 2, ignoreCheckpoint: true, variant: always('<bare array>') }, 1],
  ['checkpoint ignored: the whole list in an offset envelope', 'checkpoint', { count: 5, ignoreCheckpoint: true, variant: always('total,start,limit,<items>') }, 1],
  ['checkpoint ignored: the whole /clients-style envelope with next ""', 'checkpoint', { count: 5, ignoreCheckpoint: true, variant: always('start,limit,length,total,next,<items>') }, 1],
];

describe('pagers on the recorded envelope variants', () => {
  it.each(READS)('%s', async (_what, pager, plan, requests) => {
    const { got, all, queries } = await run(pager, plan);
    expect(got).toEqual(all);
    expect(queries).toHaveLength(requests);
    if (pager === 'actions') expect(queries).toEqual(queries.map((_q, i) => `?page=${i}&per_page=3`));
  });

  it.each<[string, Pager, Omit<EnvelopePlan, 'key'>, string]>([
    ['actions server ignoring page', 'actions', { count: 7, ignorePage: true, variant: REAL_ACTIONS }, '/x: page 1 repeats the previous page, so the server ignores paging and the list would be truncated.'],
    ['offset server ignoring page', 'offset', { count: 7, ignorePage: true, variant: always('total,start,limit,<items>') }, '/x: page 1 repeats the previous page, so the server ignores paging and the list would be truncated.'],
    ['checkpoint answered by one offset page of several', 'checkpoint', { count: 5, ignoreCheckpoint: true, serverPageSize: 2, variant: always('total,start,limit,<items>') }, '/x: answered take=3 with an offset page of 2 items and no cursor (total 5), so the list would be truncated.'],
    ['checkpoint answered by a full bare page', 'checkpoint', { count: 5, ignoreCheckpoint: true, serverPageSize: 4, variant: always('<bare array>') }, '/x: answered take=3 with a bare array of 4 items and no cursor, so the list would be truncated.'],
  ])('refuses to truncate: %s', async (_what, pager, plan, message) => {
    const err = await collectionFailure(run(pager, plan));
    expect(err).toMatchObject({ code: 'INCOMPLETE', message });
  });

  it('rejects an answer without the list (the one /clients checkpoint recording keyed client_secret,signing_keys)', async () => {
    const err = await collectionFailure(run('checkpoint', { count: 2, variant: always(NOT_A_LIST) }));
    expect(err).toMatchObject({ code: 'API', message: '/x: expected an array at "things".' });
  });
});

describe('the mock serves the Actions envelope as recorded', () => {
  const items = Array.from({ length: 5 }, (_, i) => ({ id: `a${i}` }));
  it('no page on page 0, no total when empty, no total on later pages', () => {
    const q = (s: string): URLSearchParams => new URLSearchParams(s);
    expect(actionsPage(q('page=0&per_page=3'), items, 'actions')).toEqual({ actions: items.slice(0, 3), total: 5, per_page: 3 });
    expect(actionsPage(q('per_page=3'), [], 'actions')).toEqual({ actions: [], per_page: 3 });
    expect(actionsPage(q('page=1&per_page=3'), items, 'actions')).toEqual({ actions: items.slice(3), page: 1, per_page: 3 });
  });
});

const supports = (...ids: string[]): Array<{ id: string; version: string }> => ids.map((id) => ({ id, version: id === 'post-login' ? 'v3' : 'v2' }));
const tenant: MockTenant = {
  domain: 'envelopes.eu.auth0.com',
  m2m: [{ client_id: 'scanner', client_secret: 'scanner-secret', scopes: ['read:actions'] }],
  actions: [
    // Two bindings of one action on one trigger, as recorded for post-login.
    { id: 'act_a', name: 'A', supported_triggers: supports('post-login', 'credentials-exchange'), bound_triggers: ['post-login', 'credentials-exchange', 'post-login'] },
    { id: 'act_b', name: 'B', supported_triggers: supports('post-login'), bound_triggers: ['post-login'] },
    { id: 'act_c', name: 'C', supported_triggers: supports('post-user-registration'), bound_triggers: [] },
  ],
};

describe('the actions collector on triggers listed once per version', () => {
  it('reads each trigger id once and binds each action to it once (mock)', async () => {
    const server = await startMockServer({ tenant });
    try {
      let listed: unknown;
      const keepTriggers = (api: CollectApi): CollectApi => ({
        ...api,
        get: async (path, query) => {
          const res = await api.get(path, query);
          if (path === '/actions/triggers') listed = res.body;
          return res;
        },
      });
      const result = await collect({ server, clientId: 'scanner', clientSecret: 'scanner-secret', kinds: ['actions'], wrapApi: keepTriggers });
      const ids = ((listed as { triggers: Resource[] }).triggers).map((t) => t['id']);
      expect(ids.filter((id) => id === 'post-login')).toHaveLength(3);
      const requests = apiRequests(server);
      for (const t of ['post-login', 'credentials-exchange', 'post-user-registration']) expect(requests[`/actions/triggers/${t}/bindings`], t).toBe(1);
      const bound = Object.fromEntries(result.memory.list('actions').map((a) => [a['id'], a['bound_triggers']]));
      expect(bound).toEqual({ act_a: ['credentials-exchange', 'post-login'], act_b: ['post-login'], act_c: [] });
    } finally {
      await server.close();
    }
  });
});

const fixture = readRecordings();
if (fixture === undefined) console.log(`collect-envelopes: ${REAL_TENANT_PATH} is absent, so the checks against the recordings are skipped.`);

describe('against the recordings', () => {
  it.skipIf(fixture === undefined)('models every recorded envelope variant above', () => {
    // What the cases answer with on a first page, an empty one, a last one and a later one.
    const at = [{ page: 0, last: false, empty: false }, { page: 0, last: false, empty: true }, { page: 0, last: true, empty: false }, { page: 1, last: false, empty: false }];
    const modelled = new Set([...READS.flatMap(([, , plan]) => at.map(plan.variant)), NOT_A_LIST]);
    for (const [path, modes] of Object.entries(fixture?.envelopes ?? {})) {
      for (const [mode, { variants }] of Object.entries(modes)) for (const v of Object.keys(variants)) expect(modelled.has(v), `${path} ${mode} ${v}`).toBe(true);
    }
  });

  it.skipIf(fixture === undefined)('collects the recorded actions, triggers and bindings, each trigger read once', async () => {
    // The recorded bodies, in the recorded Actions envelope (the mock's actionsPage builds exactly that).
    const routes = fixture?.routes ?? {};
    const server = await startServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const path = url.pathname.slice('/api/v2'.length);
      if (path === '/actions/triggers') return json(res, 200, routes[path]?.body);
      json(res, 200, actionsPage(url.searchParams, routes[path]?.items ?? [], path === '/actions/actions' ? 'actions' : 'bindings'));
    });
    const listed = (routes['/actions/triggers']?.body?.triggers ?? []).map((t) => t['id']);
    expect(listed.length).toBeGreaterThan(new Set(listed).size);
    const tokens = new TokenProvider({ token: 't' });
    const client = new ManagementClient({ origin: server.origin, tokens });
    try {
      const emitted: Resource[] = [];
      await actionsCollector.collect({ api: httpCollectApi(client, tokens), emit: async (r) => void emitted.push(r), note: () => undefined, gone: () => undefined, reject: () => undefined });
      const bindingPaths = server.requests.map((r) => new URL(r.url, 'http://x').pathname).filter((p) => p.endsWith('/bindings'));
      expect(bindingPaths).toContain('/api/v2/actions/triggers/post-login/bindings');
      expect(new Set(bindingPaths).size).toBe(bindingPaths.length);
      expect(emitted).toHaveLength(routes['/actions/actions']?.items?.length ?? -1);
      for (const a of emitted) expect(new Set(a['bound_triggers'] as string[]).size).toBe((a['bound_triggers'] as string[]).length);
      expect(emitted.some((a) => (a['bound_triggers'] as string[]).includes('post-login'))).toBe(true);
    } finally {
      await client.close();
      await server.close();
    }
  });
});
