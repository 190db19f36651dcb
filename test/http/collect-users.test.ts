import { Transform, type Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CollectApi } from '../../src/collect/collect-api.js';
import { syntheticUser } from '../../src/mock/index.js';
import { USER_FIELDS } from '../../src/collect/collectors/users-collector.js';
import { apiRequests, collect, smallTenant, withMock } from './collect-harness.js';

const SEED = 7;
const explicitIds = ['auth0|explicit-1', 'auth0|explicit-2', 'google-oauth2|explicit-3'];

function expectedIds(generated: number): string[] {
  return [...explicitIds, ...Array.from({ length: generated }, (_, i) => String(syntheticUser(SEED, i).user_id))];
}

/**
 * Lets the first download that opens fine break off with ECONNRESET once `ready()` says enough has been read, as a
 * socket reset in the middle of the file would (the mock can only reset before it answers).
 */
function cutFirstDownload(ready: () => boolean): { wrap: (api: CollectApi) => CollectApi; cuts: () => number } {
  let opened = 0;
  let cuts = 0;
  const wrap = (api: CollectApi): CollectApi => ({
    ...api,
    async download(url: string): Promise<Readable> {
      const raw = await api.download(url);
      if (++opened !== 1) return raw;
      const cut = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          if (cuts > 0 || !ready()) return done(null, chunk);
          cuts++;
          raw.destroy(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
          done();
        },
      });
      raw.on('error', (err) => cut.destroy(err));
      return raw.pipe(cut);
    },
  });
  return { wrap, cuts: () => cuts };
}

describe('users', () => {
  it('reads up to 1,000 users with GET /users and no export job', async () => {
    await withMock({ tenant: smallTenant(1000 - explicitIds.length) }, async (server) => {
      const run = await collect({ server, clientId: 'm2m-full', clientSecret: 'full-secret', kinds: ['users'] });
      expect(run.coverage.users).toEqual({ status: 'ok', count: 1000 });
      const ids = run.memory.list('users').map((u) => u['user_id']);
      expect(ids).toEqual(expectedIds(1000 - explicitIds.length));
      expect(apiRequests(server)).toEqual({ '/users': 10 });
    });
  });

  it('past 1,000 users, exports them once each through an expiring link and a download broken off twice', async () => {
    const generated = 2500;
    const options = { tenant: smallTenant(generated), exportJobDelayMs: 150, exportLinkTtlMs: 300 };
    await withMock(options, async (server) => {
      server.setFaults({
        // The first download arrives after its link expired (403); the second is reset before any byte.
        delays: { path: '/__downloads/', everyNth: 1, maxTimes: 1, ms: 600 },
        resets: { path: '/__downloads/', everyNth: 2, maxTimes: 1 },
      });
      let received = 0;
      const cutter = cutFirstDownload(() => received >= 300);
      const counting = { begin: () => undefined, resource: () => void received++, end: () => undefined };
      const run = await collect({ server, clientId: 'm2m-full', clientSecret: 'full-secret', kinds: ['users'], wrapApi: cutter.wrap, sink: counting });

      expect(run.coverage.users).toEqual({ status: 'ok', count: generated + 3 });
      const ids = run.memory.list('users').map((u) => String(u['user_id']));
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual(expectedIds(generated).sort());
      const first = run.memory.list('users').find((u) => u['user_id'] === 'auth0|explicit-1');
      expect(first).toEqual({
        user_id: 'auth0|explicit-1',
        // Rules ask only whether there is an email: the snapshot keeps that, never the address.
        email: '[REDACTED]',
        email_verified: true,
        last_login: '2025-12-01T10:00:00.000Z',
        logins_count: 12,
        // Rules read only each identity's provider: the redaction allow-list keeps nothing else of it.
        identities: [{ provider: 'auth0' }],
      });
      for (const u of run.memory.list('users')) expect(Object.keys(u).every((k) => USER_FIELDS.includes(k))).toBe(true);

      // What happened on the way: an expired link, a reset, a stream cut midway; each healed by a fresh link.
      expect(cutter.cuts()).toBe(1);
      // The cut came after 300 users were handed on (the resumed download had to skip them) and before the end.
      const stats = server.stats();
      expect(stats.resets).toBe(1);
      expect(stats.byStatus['403']).toBe(1);
      const downloads = Object.entries(stats.byPath).filter(([p]) => p.startsWith('/__downloads/'));
      expect(downloads.map(([, n]) => n).reduce((a, b) => a + b)).toBe(4);
      expect(run.notes).toEqual(expect.arrayContaining(['users: export download link expired; asking for a fresh one', 'users: export download broke off; resuming']));

      // One list page (the probe), one job, polls; no per-user request.
      const api = apiRequests(server);
      expect(api['/users']).toBe(1);
      expect(api['/jobs/users-exports']).toBe(1);
      const polls = Object.entries(api).filter(([p]) => /^\/jobs\/job_/.test(p));
      expect(polls).toHaveLength(1);
      expect(Object.keys(api).filter((p) => p !== '/users' && p.startsWith('/users'))).toEqual([]);
    });
  });

  it('fails the users kind alone, with a reason, when the export job fails', async () => {
    await withMock({ tenant: smallTenant(1500), exportJobDelayMs: 10 }, async (server) => {
      server.setFaults({ exportJob: { fail: true, delayMs: 10 } });
      const run = await collect({ server, clientId: 'm2m-full', clientSecret: 'full-secret', kinds: ['users', 'roles'] });
      expect(run.coverage.roles?.status).toBe('ok');
      expect(run.coverage.users).toMatchObject({ status: 'error', count: 0 });
      expect(run.coverage.users?.detail).toMatch(/export job job_[0-9a-f]+ failed/);
    });
  });
});
