import type { ManagementClient } from '../http/management-client.js';
import { checkpointPages, offsetPages, pagedWithoutTotals } from '../http/paginate.js';
import type { TokenProvider } from '../http/token-provider.js';
import type { CollectApi } from './collect-api.js';

/** Binds the collectors' view of the API to the one shared client (limiter, retries, token) and its pagers. */
export function httpCollectApi(client: ManagementClient, tokens: TokenProvider): CollectApi {
  return {
    get: (path, query) => client.get(path, query),
    post: (path, body) => client.post(path, body),
    offsetPages: (path, opts) => offsetPages(client, path, opts),
    checkpointPages: (path, opts) => checkpointPages(client, path, opts),
    pagesWithoutTotals: (path, opts) => pagedWithoutTotals(client, path, { ...opts, perPage: opts.perPage ?? 100 }),
    download: (url) => client.download(url),
    grantedScopes: () => tokens.grantedScopes(),
  };
}
