import pLimit from 'p-limit';
import type { Collector } from '../collector.js';
import { readChildList } from './read-child-list.js';
import { asObject, readAll } from './simple-collectors.js';

const CONCURRENCY = 8;

/**
 * Organization discovery domains: the organizations are listed (ids only), then each one's domains are read and
 * emitted with their `organization_id`. An organization deleted meanwhile is dropped, not the kind.
 */
export const discoveryDomainsCollector: Collector = {
  kind: 'organization_discovery_domains',
  async collect(ctx) {
    const { api, emit } = ctx;
    const ids: string[] = [];
    // The organizations kind's own list request: a run reads it once (shared-reads.ts).
    for await (const page of api.checkpointPages('/organizations', { key: 'organizations' })) {
      for (const o of page) ids.push(String(asObject(o, '/organizations')['id']));
    }
    ctx.expect?.(ids.length);
    const limit = pLimit(CONCURRENCY);
    const lists = await Promise.all(
      ids.map((id) =>
        limit(async () => {
          const previous = ctx.prior?.unchangedChildren(id);
          if (previous) return { id, domains: previous };
          const path = `/organizations/${encodeURIComponent(id)}`;
          const domains = await readChildList(ctx, { path, id, idField: 'id', joins: 'discovery_domains' }, () =>
            readAll(api.checkpointPages(`${path}/discovery-domains`, { key: 'domains' })),
          );
          return { id, domains: domains ?? [] };
        }),
      ),
    );
    for (const { id, domains } of lists) {
      for (const d of domains) await emit({ ...asObject(d, '/organizations/{id}/discovery-domains'), organization_id: id });
    }
  },
};
