import { notFound } from './api-error.js';
import { paginate, arraySource, RECORDS_CAP } from './paginate.js';
import { omit, pick, projectFields } from './project-fields.js';
import { listParam } from './query-params.js';
import { anyOf, ok, type Route, type RouteContext } from './route-types.js';
import type { Item } from './user-store.js';

const CLIENT_KEY_FIELDS = ['client_secret', 'encryption_key', 'signing_keys', 'client_authentication_methods'];
const CLIENT_SUMMARY_FIELDS = ['client_id', 'app_type', 'name', 'description'];

/** Field visibility by scope (auth0-api.md §4.4): key material only with read:client_keys or read:client_credentials. */
function visibleClient(client: Item, scopes: ReadonlySet<string>): Item {
  const keys = scopes.has('read:client_keys') || scopes.has('read:client_credentials');
  const full = scopes.has('read:clients') || scopes.has('read:client_keys');
  if (full && keys) return client;
  if (full) return omit(client, CLIENT_KEY_FIELDS);
  if (keys) return pick(client, [...CLIENT_SUMMARY_FIELDS, ...CLIENT_KEY_FIELDS]);
  return pick(client, CLIENT_SUMMARY_FIELDS);
}

function filterBool(items: Item[], query: URLSearchParams, param: string, field: string): Item[] {
  const raw = query.get(param);
  if (raw !== 'true' && raw !== 'false') return items;
  return items.filter((i) => (i[field] === true) === (raw === 'true'));
}

function listClients(c: RouteContext) {
  let items = filterBool(c.data.clients, c.query, 'is_global', 'global');
  items = filterBool(items, c.query, 'is_first_party', 'is_first_party');
  const appTypes = listParam(c.query, 'app_type');
  if (appTypes) items = items.filter((i) => appTypes.includes(String(i.app_type)));
  const visible = items.map((i) => projectFields(visibleClient(i, c.scopes), c.query));
  const spec = { key: 'clients', offset: { defaultPerPage: 50 }, checkpoint: { defaultTake: 50, maxTake: 100 } };
  return ok(paginate(c.query, arraySource(visible), spec, { totalDrift: c.totalDrift }));
}

function listGrants(c: RouteContext) {
  let items = c.data.clientGrants;
  for (const param of ['audience', 'client_id', 'subject_type']) {
    const value = c.query.get(param);
    if (value !== null) items = items.filter((g) => g[param] === value);
  }
  const spec = { key: 'client_grants', offset: { defaultPerPage: 50 }, checkpoint: { defaultTake: 50, maxTake: 100 } };
  return ok(paginate(c.query, arraySource(items), spec, { totalDrift: c.totalDrift }));
}

function listConnections(c: RouteContext) {
  const strategies = c.query.getAll('strategy').flatMap((s) => s.split(','));
  const name = c.query.get('name');
  let items = c.data.connections;
  if (strategies.length > 0) items = items.filter((i) => strategies.includes(String(i.strategy)));
  if (name !== null) items = items.filter((i) => i.name === name);
  // Since 2025-07-08 options come back only with read:connections_options.
  if (!c.scopes.has('read:connections_options')) items = items.map((i) => omit(i, ['options']));
  items = items.map((i) => projectFields(i, c.query));
  const spec = { key: 'connections', offset: { defaultPerPage: 100, cap: RECORDS_CAP }, checkpoint: { defaultTake: 50, maxTake: 100 } };
  return ok(paginate(c.query, arraySource(items), spec, { totalDrift: c.totalDrift }));
}

function listConnectionClients(c: RouteContext) {
  const id = c.params.id ?? '';
  const clients = c.data.deleted.has(id) ? undefined : c.data.connectionClients.get(id);
  if (!clients) throw notFound('The connection does not exist', 'inexistent_connection');
  const items = clients.map((client_id) => ({ client_id }));
  return ok(paginate(c.query, arraySource(items), { key: 'clients', offset: false, checkpoint: { defaultTake: 50, maxTake: 1000 } }));
}

export const APPLICATION_ROUTES: Route[] = [
  {
    method: 'GET',
    path: '/tenants/settings',
    kind: 'tenant',
    scopes: anyOf('read:tenant_settings'),
    handle: (c) => ok(projectFields(c.data.tenant, c.query)),
  },
  {
    method: 'GET',
    path: '/clients',
    kind: 'clients',
    scopes: anyOf('read:clients', 'read:client_keys', 'read:client_credentials', 'read:client_summary'),
    handle: listClients,
  },
  { method: 'GET', path: '/client-grants', kind: 'client_grants', scopes: anyOf('read:client_grants'), handle: listGrants },
  {
    method: 'GET',
    path: '/resource-servers',
    kind: 'resource_servers',
    scopes: anyOf('read:resource_servers'),
    // HS256 APIs' signing_secret comes back in clear text, as the real list call does.
    handle: (c) =>
      ok(paginate(c.query, arraySource(c.data.resourceServers), { key: 'resource_servers', offset: { defaultPerPage: 50 }, checkpoint: false }, { totalDrift: c.totalDrift })),
  },
  { method: 'GET', path: '/connections', kind: 'connections', scopes: anyOf('read:connections'), handle: listConnections },
  { method: 'GET', path: '/connections/:id/clients', kind: 'connections', scopes: anyOf('read:connections'), handle: listConnectionClients },
];
