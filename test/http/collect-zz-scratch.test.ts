import { it } from 'vitest';
import { Transform } from 'node:stream';
import { collect, withMock } from './collect-harness.js';
import { loadMockTenant } from '../../src/mock/index.js';

it('scratch export midway', async () => {
  const tenant = loadMockTenant('test/fixtures/mock-tenant-small.json');
  await withMock({ tenant: { ...tenant, generate_users: { count: 20000, seed: 3 } }, exportJobDelayMs: 100, exportLinkTtlMs: 60 }, async (server) => {
    server.setFaults({ delays: { path: '/__downloads/', ms: 150, everyNth: 1, maxTimes: 1 } });
    let downloads = 0;
    const t0 = Date.now();
    const r = await collect({ server, clientId: 'm2m-full', clientSecret: 'full-secret', kinds: ['users'], wrapApi: (api) => ({ ...api, async download(url) {
      const raw = await api.download(url);
      downloads++;
      if (downloads !== 1) return raw;
      let bytes = 0;
      const cut = new Transform({ transform(chunk, _e, cb) { bytes += chunk.length; if (bytes > 30000) { const e = Object.assign(new Error('socket reset'), { code: 'ECONNRESET' }); raw.destroy(e); cb(); return; } cb(null, chunk); } });
      raw.on('error', (e) => cut.destroy(e));
      return raw.pipe(cut);
    } }) });
    console.log(Date.now() - t0, 'ms');
    console.log(JSON.stringify(r.coverage, null, 0));
    console.log(server.stats().byPath, server.stats().byStatus);
    console.log(r.notes);
    const ids = r.memory.list('users').map(u => u.user_id);
    console.log(ids.length, new Set(ids).size);
  });
}, 20000);
