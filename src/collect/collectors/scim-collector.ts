import pLimit from 'p-limit';
import { ApiError } from '../../http/api-error.js';
import type { CollectApi } from '../collect-api.js';
import type { Collector, Resource } from '../collector.js';
import { asArray, asObject } from './simple-collectors.js';

const CONCURRENCY = 8;
/** The enterprise strategies inbound SCIM can be configured on (for tenants without the tenant-wide list). */
const SCIM_STRATEGIES = new Set(['samlp', 'oidc', 'okta', 'waad', 'adfs', 'pingfederate', 'google-apps']);
/** Token metadata only: the list never returns a token value, and nothing else is kept if it ever did. */
const TOKEN_KEEP = ['token_id', 'scopes', 'created_at', 'valid_until', 'last_used_at'];

/**
 * Inbound SCIM configurations with their tokens' metadata. The tenant-wide list (`/connections-scim-configurations`,
 * checkpoint, `scim_configurations`) names every configuration in one request; a tenant that does not serve it
 * (404) is asked per enterprise connection instead (404 there = no SCIM). Then one token list per configuration.
 */
export const scimCollector: Collector = {
  kind: 'scim_configurations',
  async collect(ctx) {
    const { api, emit } = ctx;
    const configs = (await tenantWideList(api)) ?? (await perConnection(api));
    ctx.expect?.(configs.length);
    const limit = pLimit(CONCURRENCY);
    const withTokens = await Promise.all(configs.map((c) => limit(() => readTokens(api, c))));
    for (const config of withTokens) if (config) await emit(config);
  },
};

async function tenantWideList(api: CollectApi): Promise<Resource[] | undefined> {
  try {
    const out: Resource[] = [];
    for await (const page of api.checkpointPages('/connections-scim-configurations', { key: 'scim_configurations' })) {
      for (const c of page) out.push(asObject(c, '/connections-scim-configurations'));
    }
    return out;
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return undefined;
    throw err;
  }
}

async function perConnection(api: CollectApi): Promise<Resource[]> {
  const candidates: Resource[] = [];
  // The connections kind's own list request: a run reads it once (shared-reads.ts).
  for await (const page of api.checkpointPages('/connections', { key: 'connections' })) {
    for (const c of page) {
      const conn = asObject(c, '/connections');
      if (typeof conn['strategy'] === 'string' && SCIM_STRATEGIES.has(conn['strategy'])) candidates.push(conn);
    }
  }
  const limit = pLimit(CONCURRENCY);
  const found = await Promise.all(
    candidates.map((conn) =>
      limit(async (): Promise<Resource | undefined> => {
        try {
          const path = `/connections/${encodeURIComponent(String(conn['id']))}/scim-configuration`;
          const config = asObject((await api.get(path)).body, '/connections/{id}/scim-configuration');
          return { ...config, connection_id: conn['id'], connection_name: config['connection_name'] ?? conn['name'], strategy: config['strategy'] ?? conn['strategy'] };
        } catch (err) {
          // No SCIM on this connection, or the connection was deleted since it was listed: nothing to judge.
          if (err instanceof ApiError && err.status === 404) return undefined;
          throw err;
        }
      }),
    ),
  );
  return found.filter((c): c is Resource => c !== undefined);
}

async function readTokens(api: CollectApi, config: Resource): Promise<Resource | undefined> {
  const id = config['connection_id'];
  if (typeof id !== 'string') return undefined;
  const path = `/connections/${encodeURIComponent(id)}/scim-configuration/tokens`;
  try {
    const tokens = asArray((await api.get(path)).body, '/connections/{id}/scim-configuration/tokens').map((t) => {
      const token = asObject(t, '/connections/{id}/scim-configuration/tokens');
      return Object.fromEntries(TOKEN_KEEP.filter((k) => k in token).map((k) => [k, token[k]]));
    });
    return { ...config, tokens };
  } catch (err) {
    // Deleted between the list and this read: the configuration is gone, not the kind.
    if (err instanceof ApiError && err.status === 404) return undefined;
    throw err;
  }
}
