import pLimit from 'p-limit';
import type { Collector, Resource } from '../collector.js';
import { readChildList } from './read-child-list.js';
import { asObject, idsOf, readAll } from './simple-collectors.js';

const JOIN_CONCURRENCY = 8;

/**
 * The documented `/organizations/{id}/enabled_connections` lists only enabled connections. Newer tenants also
 * serve `/organizations/{id}/connections`, whose items add `is_enabled` and `organization_access_level`; an
 * item that says it is not enabled is left out whichever endpoint answered, so rules see enabled ones only.
 */
function isEnabled(item: unknown): boolean {
  return !(item !== null && typeof item === 'object' && (item as Record<string, unknown>)['is_enabled'] === false);
}

/** Organizations with member ids and enabled connections (checkpoint paging: both lists may pass 1,000). */
export const organizationsCollector: Collector = {
  kind: 'organizations',
  async collect(ctx) {
    const { api, emit } = ctx;
    const orgs: Resource[] = [];
    for await (const page of api.checkpointPages('/organizations', { key: 'organizations' })) {
      for (const o of page) orgs.push(asObject(o, '/organizations'));
    }
    ctx.expect?.(orgs.length * 2);
    const limit = pLimit(JOIN_CONCURRENCY);
    const joined = await Promise.all(
      orgs.map((org) =>
        limit(async () => {
          const id = encodeURIComponent(String(org['id']));
          const joins = await readChildList(ctx, { path: `/organizations/${id}`, id: String(org['id']), idField: 'id', joins: 'members, enabled_connections' }, () =>
            Promise.all([
              readAll(api.checkpointPages(`/organizations/${id}/members`, { key: 'members', query: { fields: 'user_id' } })),
              readAll(api.offsetPages(`/organizations/${id}/enabled_connections`, { key: 'enabled_connections' })),
            ]),
          );
          if (joins === undefined) return undefined;
          const [members, enabled] = joins;
          return { ...org, members: idsOf(members, 'user_id'), enabled_connections: enabled.filter(isEnabled) };
        }),
      ),
    );
    for (const org of joined) if (org) await emit(org);
  },
};
