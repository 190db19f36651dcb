import pLimit from 'p-limit';
import type { Collector, Resource } from '../collector.js';
import { readChildList } from './read-child-list.js';
import { asObject, idsOf, readAll } from './simple-collectors.js';

const JOIN_CONCURRENCY = 8;
const OPTIONS_SCOPE = 'read:connections_options';

/**
 * Connections (checkpoint paging: offset is refused past 1,000) with the ids of the applications each is enabled
 * for, from /connections/{id}/clients (the `enabled_clients` field reached end of life). Without
 * read:connections_options the API silently drops `options`; that must read as "unknown", never as "all off".
 */
export const connectionsCollector: Collector = {
  kind: 'connections',
  async collect(ctx) {
    const { api, emit } = ctx;
    const conns: Resource[] = [];
    for await (const page of api.checkpointPages('/connections', { key: 'connections' })) {
      for (const c of page) conns.push(asObject(c, '/connections'));
    }
    ctx.expect?.(conns.length);
    const limit = pLimit(JOIN_CONCURRENCY);
    const joined = await Promise.all(
      conns.map((conn) =>
        limit(async () => {
          const { enabled_clients: _legacy, ...fresh } = conn;
          const previous = ctx.prior?.unchanged(String(conn['id']));
          if (previous) return { ...fresh, enabled_clients: previous['enabled_clients'] };
          const id = encodeURIComponent(String(conn['id']));
          const clients = await readChildList(ctx, { path: `/connections/${id}`, id: String(conn['id']), idField: 'id', joins: 'enabled_clients' }, () =>
            readAll(api.checkpointPages(`/connections/${id}/clients`, { key: 'clients', take: 1000 })),
          );
          if (clients === undefined) return undefined;
          return { ...fresh, enabled_clients: idsOf(clients, 'client_id') };
        }),
      ),
    );
    for (const conn of joined) if (conn) await emit(conn);
    const scopes = api.grantedScopes();
    const optionsMissing = scopes ? !scopes.includes(OPTIONS_SCOPE) : conns.length > 0 && conns.every((c) => c['options'] === undefined || c['options'] === null);
    if (optionsMissing) {
      // Only the rules that read options are skipped: enabled clients, names and strategies are all there.
      return {
        status: 'ok',
        withheldFields: ['options'],
        missingScopes: [OPTIONS_SCOPE],
        detail: 'connection options (password policy, signup, IdP keys) are not returned without read:connections_options',
      };
    }
  },
};
