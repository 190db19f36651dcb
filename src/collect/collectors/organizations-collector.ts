import pLimit from 'p-limit';
import type { Collector, Resource } from '../collector.js';
import { asObject, idsOf, readAll } from './simple-collectors.js';

const JOIN_CONCURRENCY = 8;

/** Organizations with member ids and enabled connections (checkpoint paging: both lists may pass 1,000). */
export const organizationsCollector: Collector = {
  kind: 'organizations',
  async collect({ api, emit }) {
    const orgs: Resource[] = [];
    for await (const page of api.checkpointPages('/organizations', { key: 'organizations' })) {
      for (const o of page) orgs.push(asObject(o, '/organizations'));
    }
    const limit = pLimit(JOIN_CONCURRENCY);
    const joined = await Promise.all(
      orgs.map((org) =>
        limit(async () => {
          const id = encodeURIComponent(String(org['id']));
          const [members, enabled] = await Promise.all([
            readAll(api.checkpointPages(`/organizations/${id}/members`, { key: 'members', query: { fields: 'user_id' } })),
            readAll(api.offsetPages(`/organizations/${id}/enabled_connections`, { key: 'enabled_connections' })),
          ]);
          return { ...org, members: idsOf(members, 'user_id'), enabled_connections: enabled };
        }),
      ),
    );
    for (const org of joined) await emit(org);
  },
};
